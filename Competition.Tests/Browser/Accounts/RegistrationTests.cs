using Competition.Engine.Common;
using Competition.Engine.Organizations;
using Competition.Engine.Persistence;
using Competition.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Competition.Tests.Browser.Accounts;

public class RegistrationTests(SharedApps apps, BrowserSession browser) : IClassFixture<SharedApps>, IClassFixture<BrowserSession>
{
    [Fact]
    public async Task WorkerOnAPhone_RegistersWithAMistakeFixesItAndIsSignedIn()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var unitName = "芜湖造船厂" + Guid.NewGuid().ToString("N")[..4];
        await app.SendAsync(new CreateUnit.Command("wuhu", unitName, UnitKind.Enterprise, Actor.System));
        var page = await browser.NewPageAsync(app.BaseAddress, phone: true);
        await page.GotoAsync("/Account/Register");
        await page.GetByLabel("姓名").FillAsync("王五");
        await page.GetByLabel("手机号", new() { Exact = true }).FillAsync("1380000");
        await page.GetByLabel("所在单位").SelectOptionAsync(new SelectOptionValue { Label = unitName });
        await page.GetByLabel("工种（可选）").SelectOptionAsync(new SelectOptionValue { Label = "焊工" });
        await page.GetByLabel("密码（至少 8 位，须包含字母和数字）").FillAsync("hangong2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "注册并登录" }).ClickAsync();
        (await page.GetByTestId("register-errors").InnerTextAsync()).ShouldContain("手机号应为 11 位数字");

        var phone = "137" + Random.Shared.Next(10_000_000, 99_999_999);
        await page.GetByLabel("手机号", new() { Exact = true }).FillAsync(phone);
        await page.GetByLabel("密码（至少 8 位，须包含字母和数字）").FillAsync("hangong2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "注册并登录" }).ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/Account/Register"));
        (await page.GetByTestId("current-user").InnerTextAsync()).ShouldBe("王五");
    }
}
