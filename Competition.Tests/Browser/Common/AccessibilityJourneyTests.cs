using Competition.Engine.Accounts;
using Competition.Engine.Persistence;
using Competition.Tests.Browser.Exams;
using Competition.Tests.Browser.Judging;
using Competition.Tests.Infrastructure;
using Competition.Tests.Integration.Contests;
using Microsoft.Playwright;
using static Competition.Tests.Integration.Exams.ExamScenario;

namespace Competition.Tests.Browser.Common;

/// <summary>
/// axe-core over the pages the role tests of <see cref="AccessibilityTests"/> do not reach: an exam from its notice to its
/// review on a phone, the judge's contests and sheet on a tablet, the chief judge's corrections and audit, and the
/// organizer's import, contest setup, accounts, phone board and jury board — each reached by clicking from the home page,
/// in Chinese and (where the words differ most in length) in English. No serious or critical violation.
/// </summary>
public class AccessibilityJourneyTests(SharedApps apps, BrowserSession browser) : IClassFixture<SharedApps>, IClassFixture<BrowserSession>
{
    private static async Task OpenFromHomeAsync(IPage page, string href)
    {
        await page.Locator(".navbar-brand").ClickAsync();
        await page.WaitForURLAsync(u => new Uri(u).AbsolutePath == "/");
        await page.Locator($"main a[href='{href}']").ClickAsync();
        await page.WaitForURLAsync(u => new Uri(u).AbsolutePath.StartsWith(href, StringComparison.OrdinalIgnoreCase));
    }

    // The menu is opened and seen open before its link is clicked (a click during the collapse's animation on a busy
    // machine was once lost).
    private static async Task EnglishAsync(IPage page)
    {
        await new Workers.WorkerNav(page).SwitchLanguageAsync("English");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
    }

    [Fact]
    public async Task Worker_ExamNoticeAttemptAndReview_OnAPhone_HaveNoSeriousViolations_InBothLanguages()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        await PublishedExamAsync(await app.OrganizerClientAsync(), Standard, Settings(DateTime.UtcNow, attempts: 2), "车工理论（无障碍检查）");
        var (user, _) = await app.CreateWorkerAsync();
        var page = await browser.NewPageAsync(app.BaseAddress, phone: true);
        await new LoginPage(page).SignInAsync(user, "test-pass-123");
        var exam = new ExamPage(page);
        var found = new List<string>();
        foreach (var (language, start) in new[] { ("zh-CN", "开始考试"), ("en", "Start exam") })
        {
            await OpenFromHomeAsync(page, "/Exams");
            var card = page.GetByTestId("exam-card").Filter(new() { HasText = "车工理论（无障碍检查）" });
            await card.GetByRole(AriaRole.Link, new() { Name = start }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("exam-notice")).ToBeVisibleAsync();
            await Axe.CheckAsync(page, found, $"/Exams/Notice ({language})");
            await page.Locator("main input[type=checkbox]").First.CheckAsync();
            await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = start }).ClickAsync();
            await page.WaitForURLAsync("**/Exams/Attempt/**");
            await exam.QuestionShownAsync();
            await page.Locator("#question input[name=answer]").First.CheckAsync();   // the first question, in either language
            await Axe.CheckAsync(page, found, $"/Exams/Attempt ({language})");
            await exam.SubmitAsync();
            await new ResultPage(page).WaitAsync();
            await Assertions.Expect(page.GetByTestId("review-item").First).ToBeVisibleAsync();
            await Axe.CheckAsync(page, found, $"/Exams/Result ({language})");
            if (language == "zh-CN") await EnglishAsync(page);
        }
        found.ShouldBeEmpty(string.Join("\n", found));
    }

    [Fact]
    public async Task Judge_MyContestsAndSheet_OnATablet_ChiefJudge_CorrectionsAndAudit_HaveNoSeriousViolations()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var s = await ContestScenario.CreateAsync(app, DateTime.UtcNow);
        await s.MarkFullyAsync("A001", met: true, measured: 20.01, 2, 2, 1);
        var found = new List<string>();

        var judge = await browser.NewPageAsync(app.BaseAddress);
        await judge.SetViewportSizeAsync(1024, 768);
        await new HomeSignIn(judge).SignInAsync(s.Judges[0]);
        foreach (var (language, sheet) in new[] { ("zh-CN", "评分表"), ("en", "Marking sheet") })
        {
            await Assertions.Expect(judge.GetByTestId("my-contest")).ToBeVisibleAsync();
            await Axe.CheckAsync(judge, found, $"/Judging ({language}, judge)");
            await judge.GetByRole(AriaRole.Link, new() { Name = sheet }).ClickAsync();
            await Assertions.Expect(judge.Locator("form[data-testid='sheet-line']").First).ToBeVisibleAsync();
            await Axe.CheckAsync(judge, found, $"/Judging/Sheet ({language})");
            if (language == "zh-CN")
            {
                await EnglishAsync(judge);
                await OpenFromHomeAsync(judge, "/Judging");
            }
        }

        var chief = await browser.NewPageAsync(app.BaseAddress);
        await chief.SetViewportSizeAsync(1024, 768);
        await new HomeSignIn(chief).SignInAsync(s.Chief);
        await chief.GetByRole(AriaRole.Link, new() { Name = "签字确认与更正" }).ClickAsync();
        await chief.GetByLabel("参赛号").SelectOptionAsync("A001");
        await Assertions.Expect(chief.GetByTestId("correction-task")).ToBeVisibleAsync();
        await Axe.CheckAsync(chief, found, "/Judging/Corrections (chief judge)");
        await chief.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "评分审计" }).ClickAsync();
        await Assertions.Expect(chief.GetByTestId("audit-table")).ToBeVisibleAsync();
        await Axe.CheckAsync(chief, found, "/Judging/Audit (chief judge)");
        found.ShouldBeEmpty(string.Join("\n", found));
    }

    [Fact]
    public async Task Organizer_ImportSetupAccountsPhoneBoardAndJuryBoard_HaveNoSeriousViolations()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var s = await ContestScenario.CreateAsync(app, DateTime.UtcNow);
        await s.MarkFullyAsync("A001", met: true, measured: 20.01, 2, 2, 1);
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.SetViewportSizeAsync(1366, 768);
        await new LoginPage(page).SignInAsync(await app.CreateStaffAsync(Roles.Organizer, "maanshan"), "test-pass-123");
        var found = new List<string>();
        foreach (var language in new[] { "zh-CN", "en" })
        {
            foreach (var href in new[] { "/QuestionBank/Import", "/Organizations/Accounts" })
            {
                await OpenFromHomeAsync(page, href);
                await Axe.CheckAsync(page, found, $"{href} ({language})");
            }
            await OpenFromHomeAsync(page, "/Contests/Manage");
            await page.GetByTestId("new-contest").ClickAsync();
            await page.WaitForURLAsync("**/Contests/Setup");
            await Axe.CheckAsync(page, found, $"/Contests/Setup ({language})");
            if (language == "zh-CN") await EnglishAsync(page);
        }

        await OpenFromHomeAsync(page, "/Contests/Manage");
        await page.Locator($"a[href='/Contests/Control/{s.ContestId}']").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("control-phase")).ToBeVisibleAsync();
        var phone = await page.Context.RunAndWaitForPageAsync(() => page.Locator("a[href*='view=phone']").First.ClickAsync());
        await phone.SetViewportSizeAsync(390, 844);
        await Assertions.Expect(phone.Locator("[data-testid=board-table] tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(phone.GetByTestId("board-connection")).ToHaveTextAsync("Live");
        await Axe.CheckAsync(phone, found, "/Contests/Board (phone, en)");
        var jury = await page.Context.RunAndWaitForPageAsync(() => page.Locator("a[href*='view=jury']").First.ClickAsync());
        await Assertions.Expect(jury.Locator("[data-testid=board-table] tbody tr")).ToHaveCountAsync(3);
        await Axe.CheckAsync(jury, found, "/Contests/Board (jury, en)");
        found.ShouldBeEmpty(string.Join("\n", found));
    }
}
