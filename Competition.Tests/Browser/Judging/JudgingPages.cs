using Microsoft.Playwright;

namespace Competition.Tests.Browser.Judging;

/// <summary>Signing in from the home page by clicking, as a judge or organizer would.</summary>
public sealed class HomeSignIn(IPage page)
{
    public async Task SignInAsync(string user, string password = "test-pass-123", string signIn = "登录", string userLabel = "手机号 / 工号 / 账号", string passwordLabel = "密码")
    {
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = signIn, Exact = true }).ClickAsync();
        await page.GetByLabel(userLabel).FillAsync(user);
        await page.GetByLabel(passwordLabel, new() { Exact = true }).FillAsync(password);
        await LoginPage.SubmitAsync(page, page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = signIn, Exact = true }));
    }

    public async Task SwitchToEnglishAsync()
    {
        await page.GetByTestId("culture-switch").ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
    }
}

/// <summary>The judge's sheet: one card per contestant number.</summary>
public sealed class SheetPage(IPage page)
{
    public ILocator Line(string number) => page.Locator($"form[data-testid='sheet-line'][data-number='{number}']");

    public ILocator Field(string number, string code) => Line(number).Locator($"[data-code='{code}']:is(input,select)");

    public Task TypeAsync(string number, string code, string value) => Field(number, code).FillAsync(value);

    public Task ChooseAsync(string number, string code, string value) => Field(number, code).SelectOptionAsync(value);

    public Task SaveAsync(string number, string save = "保存 {0} 号") =>
        Line(number).GetByRole(AriaRole.Button, new() { Name = string.Format(save, number) }).ClickAsync();

    public ILocator State(string number) => Line(number).GetByTestId("line-state");

    public ILocator ItemError(string number, string code) => Line(number).Locator($".sheet-item[data-code='{code}'] .item-error");
}
