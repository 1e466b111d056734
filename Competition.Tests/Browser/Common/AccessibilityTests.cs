using Competition.Engine.Accounts;
using Competition.Engine.Persistence;
using Competition.Tests.Infrastructure;
using Competition.Tests.Integration.Contests;
using Microsoft.Playwright;

namespace Competition.Tests.Browser.Common;

/// <summary>
/// axe-core over the main pages of each role, reached by clicking from the home page: no serious or critical violation
/// (WCAG 2.1 A/AA rules and axe's best practices), in Chinese and in English.
/// </summary>
public class AccessibilityTests(SharedApps apps, BrowserSession browser) : IClassFixture<SharedApps>, IClassFixture<BrowserSession>
{
    private static async Task HomeAsync(IPage page)
    {
        await page.Locator(".navbar-brand").ClickAsync();
        await page.WaitForURLAsync(u => new Uri(u).AbsolutePath == "/");
    }

    private static async Task OpenFromHomeAsync(IPage page, string href)
    {
        await HomeAsync(page);
        await page.Locator($"main a[href='{href}']").ClickAsync();
        await page.WaitForURLAsync(u => new Uri(u).AbsolutePath.StartsWith(href, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Anonymous_HomeSignInRegisterAndErrorPages_HaveNoSeriousViolations_InBothLanguages()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var found = new List<string>();
        var page = await browser.NewPageAsync(app.BaseAddress, phone: true);
        await page.GotoAsync("/");
        foreach (var language in new[] { "zh-CN", "en" })
        {
            await Axe.CheckAsync(page, found, $"/ ({language})");
            await page.Locator("main a[href='/Account/Login']").ClickAsync();
            await page.WaitForURLAsync("**/Account/Login");
            await Axe.CheckAsync(page, found, $"/Account/Login ({language})");
            await page.Locator("main a[href='/Account/Register']").ClickAsync();
            await page.WaitForURLAsync("**/Account/Register");
            await Axe.CheckAsync(page, found, $"/Account/Register ({language})");
            await HomeAsync(page);
            if (language == "zh-CN")
            {
                await page.Locator(".navbar-toggler").ClickAsync();
                await page.GetByTestId("culture-switch").ClickAsync();
                await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
            }
        }

        // No link leads to a missing page: this one starts at its address, as a mistyped or stale link would.
        var missing = await browser.NewPageAsync(app.BaseAddress);
        await missing.GotoAsync("/no-such-page");
        await Assertions.Expect(missing.GetByTestId("error-page")).ToBeVisibleAsync();
        await Axe.CheckAsync(missing, found, "error page 404");

        found.ShouldBeEmpty(string.Join("\n", found));
    }

    [Fact]
    public async Task Worker_DrillExamsWrongBookAndProgress_OnAPhone_HaveNoSeriousViolations()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var (user, _) = await app.CreateWorkerAsync();
        var page = await browser.NewPageAsync(app.BaseAddress, phone: true);
        await page.GotoAsync("/");
        await new LoginPage(page).SignInAsync(user, "test-pass-123");
        var found = new List<string>();
        await Axe.CheckAsync(page, found, "/ (worker)");
        foreach (var href in new[] { "/Practice", "/Exams", "/Practice/WrongBook", "/Practice/Progress" })
        {
            await OpenFromHomeAsync(page, href);
            await Axe.CheckAsync(page, found);
        }
        found.ShouldBeEmpty(string.Join("\n", found));
    }

    [Fact]
    public async Task Organizer_BanksExamsContestsControlAndProjectorBoard_HaveNoSeriousViolations()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var scenario = await ContestScenario.CreateAsync(app, DateTime.UtcNow);
        var organizer = await app.CreateStaffAsync(Roles.Organizer, "maanshan");
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.GotoAsync("/");
        await new LoginPage(page).SignInAsync(organizer, "test-pass-123");
        var found = new List<string>();
        await Axe.CheckAsync(page, found, "/ (organizer)");
        foreach (var href in new[] { "/QuestionBank", "/Exams/Manage", "/Organizations/Units", "/Organizations/Participation", "/Contests/Manage" })
        {
            await OpenFromHomeAsync(page, href);
            await Axe.CheckAsync(page, found);
        }

        await page.Locator($"a[href='/Contests/Control/{scenario.ContestId}']").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("control-phase")).ToBeVisibleAsync();
        await Axe.CheckAsync(page, found, "/Contests/Control");

        var board = await page.Context.RunAndWaitForPageAsync(() => page.Locator("a[href*='view=projector']").First.ClickAsync());
        await Assertions.Expect(board.Locator("[data-testid=board-table] tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(board.GetByTestId("board-connection")).ToHaveTextAsync("实时更新中");
        await Axe.CheckAsync(board, found, "/Contests/Board (projector)");
        found.ShouldBeEmpty(string.Join("\n", found));
    }

    [Fact]
    public async Task Judge_HomePage_HasNoSeriousViolations()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.GotoAsync("/");
        await new LoginPage(page).SignInAsync(await app.CreateStaffAsync(Roles.ChiefJudge, "maanshan"), "test-pass-123");
        // A judge lands on 我的竞赛 after signing in; the brand link leads home.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "我的竞赛" })).ToBeVisibleAsync();
        var found = new List<string>();
        await Axe.CheckAsync(page, found, "/Judging (chief judge)");
        await page.GetByRole(AriaRole.Link, new() { Name = "职工技能竞赛", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("home-card-judge")).ToBeVisibleAsync();
        await Axe.CheckAsync(page, found, "/ (chief judge)");
        found.ShouldBeEmpty(string.Join("\n", found));
    }
}
