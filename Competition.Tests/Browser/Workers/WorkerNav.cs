using Microsoft.Playwright;

namespace Competition.Tests.Browser.Workers;

/// <summary>A worker finding their way by clicking: from the home page, through the site's menu (collapsed on a phone).</summary>
public sealed class WorkerNav(IPage page)
{
    /// <summary>Opens the home page (the only typed address) and signs in through the menu's 登录 link.</summary>
    public async Task SignInFromHomeAsync(string user, string password = "test-pass-123")
    {
        await page.GotoAsync("/");
        await OpenAsync("登录");
        await page.GetByLabel("手机号 / 工号 / 账号").FillAsync(user);
        await page.GetByLabel("密码").FillAsync(password);
        await LoginPage.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "登录" }));
    }

    /// <summary>Clicks a link of the site's menu, opening the menu first when it is collapsed (phones).</summary>
    public async Task OpenAsync(string link)
    {
        var nav = page.Locator("nav.navbar");
        var toggler = nav.Locator(".navbar-toggler");
        if (await toggler.IsVisibleAsync() && await toggler.GetAttributeAsync("aria-expanded") != "true")
        {
            await toggler.ClickAsync();
            // Bootstrap marks the menu "show" once its opening animation ends; a link clicked while the menu is still
            // growing has been missed on a loaded machine.
            await Assertions.Expect(nav.Locator("#nav")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bshow\b"));
        }
        await nav.GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    /// <summary>Switches the language with the menu's switch (English ↔ 中文); the same page comes back in that language.</summary>
    public async Task SwitchLanguageAsync(string to = "English")
    {
        await OpenAsync(to);
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", to == "English" ? "en" : "zh-CN");
    }
}
