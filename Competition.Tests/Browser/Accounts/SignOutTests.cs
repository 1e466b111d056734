using Competition.Engine.Accounts;
using Competition.Engine.Persistence;
using Competition.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Competition.Tests.Browser.Accounts;

/// <summary>The 退出 button of every layout ends the session.</summary>
public class SignOutTests(SharedApps apps, BrowserSession browser) : IClassFixture<SharedApps>, IClassFixture<BrowserSession>
{
    private static async Task SignOutAndCheckAsync(IPage page)
    {
        await page.GetByTestId("sign-out").GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await page.WaitForURLAsync(u => new Uri(u).AbsolutePath == "/");
        // The layout's nav offers sign-in again (the home page's own card has the same link).
        await Assertions.Expect(page.Locator("nav a[href='/Account/Login']", new() { HasText = "登录" })).ToBeAttachedAsync();
        (await page.GetByTestId("current-user").CountAsync()).ShouldBe(0);
        var me = await page.Context.APIRequest.GetAsync("/api/account/me");
        me.Status.ShouldBe(401);
        await page.GotoAsync("/Exams");
        page.Url.ShouldContain("/Account/Login");
    }

    [Fact]
    public async Task Worker_SignsOutFromTheSiteLayoutsNavBar_OnAPhone()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var (user, _) = await app.CreateWorkerAsync();
        var page = await browser.NewPageAsync(app.BaseAddress, phone: true);
        await new LoginPage(page).SignInAsync(user, "test-pass-123");
        await page.GotoAsync("/Practice");
        await page.Locator(".navbar-toggler").ClickAsync();
        await Assertions.Expect(page.Locator("#nav")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bcollapse show\b"));
        await SignOutAndCheckAsync(page);
    }

    [Fact]
    public async Task Organizer_SignsOutFromTheProjectorLayout()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var page = await browser.NewPageAsync(app.BaseAddress);
        await new LoginPage(page).SignInAsync(await app.CreateStaffAsync(Roles.Organizer, "maanshan"), "test-pass-123");
        await page.GotoAsync($"/Contests/Board/{Guid.NewGuid()}?view=projector");
        (await page.Locator(".navbar").CountAsync()).ShouldBe(0);   // the projector layout, not the site's
        await SignOutAndCheckAsync(page);
    }
}
