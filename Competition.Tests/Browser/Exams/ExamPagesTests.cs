using Competition.Engine.Accounts;
using Competition.Engine.Exams;
using Competition.Engine.Persistence;
using Competition.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Competition.Tests.Integration.Exams.ExamScenario;

namespace Competition.Tests.Browser.Exams;

public class ExamPagesTests(BrowserSession browser) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task Worker_ReloadsHalfWayAndGoesOffline_AnswersAndTimeSurvive_ThenTheDeadlineSubmits_AndTheOrganizerSeesStatistics()
    {
        var clock = new FakeClock(DateTimeOffset.UtcNow);
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite, AppFactory.ClockDrivenByTest(), clock);
        var organizerUser = await app.CreateStaffAsync(Roles.Organizer, "maanshan");
        var organizer = await app.SignedInClientAsync(organizerUser);
        var examId = await PublishedExamAsync(organizer, Standard, Settings(clock.GetUtcNow().UtcDateTime, duration: 30), "车工理论（浏览器）");
        var (worker, _) = await app.CreateWorkerAsync();

        var page = await browser.NewPageAsync(app.BaseAddress, phone: true);
        await new LoginPage(page).SignInAsync(worker, "test-pass-123");
        var exam = new ExamPage(page);
        await exam.StartFromLobbyAsync();
        (await exam.SecondsLeftAsync()).ShouldBeInRange(29 * 60, 30 * 60);
        await exam.AnswerFirstOptionAsync(1);
        await exam.AnswerFirstOptionAsync(2);
        await exam.WaitAllSavedAsync();

        await page.ReloadAsync();
        await page.Locator("#question .option").First.WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "第 1 题", Exact = true }).ClickAsync();
        (await page.Locator("#question input[name=answer]").First.IsCheckedAsync()).ShouldBeTrue();
        (await page.GetByRole(AriaRole.Button, new() { Name = "第 2 题", Exact = true }).GetAttributeAsync("class"))!.ShouldContain("btn-success");
        (await exam.SecondsLeftAsync()).ShouldBeInRange(28 * 60, 30 * 60);

        // The network drops: the answer waits in the page and goes out when the network is back.
        await page.Context.SetOfflineAsync(true);
        await exam.AnswerFirstOptionAsync(3);
        await Assertions.Expect(exam.SaveState).ToContainTextAsync("待发送", new() { Timeout = 10_000 });
        await page.Context.SetOfflineAsync(false);
        await page.EvaluateAsync("window.dispatchEvent(new Event('online'))");
        await exam.WaitAllSavedAsync();
        await using (var db = app.Database.NewContext())
            (await db.AttemptAnswers.CountAsync()).ShouldBe(3);

        // Time is up by the server's clock: the clock job (sent here by the test) submits the attempt; the page finds it submitted.
        clock.Advance(TimeSpan.FromMinutes(31));
        (await app.SendAsync(new CloseDueAttempts.Command())).Submitted.ShouldBe(1);
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("exam-message")).ToContainTextAsync("已结束");
        await page.WaitForURLAsync("**/Exams/Result/**", new() { Timeout = 10_000 });
        await Assertions.Expect(page.GetByTestId("result-state")).ToHaveTextAsync("已交卷");
        await Assertions.Expect(page.GetByTestId("score")).ToContainTextAsync("得分");

        var org = await browser.NewPageAsync(app.BaseAddress);
        await new LoginPage(org).SignInAsync(organizerUser, "test-pass-123");
        await org.GotoAsync($"/Exams/Manage/Monitor/{examId}");
        await Assertions.Expect(org.GetByTestId("monitor-summary")).ToContainTextAsync("已交卷 1");
        await org.GotoAsync($"/Exams/Manage/Statistics/{examId}");
        await Assertions.Expect(org.GetByTestId("overall")).ToContainTextAsync("人次");
        (await org.GetByTestId("distribution").InnerTextAsync()).ShouldContain("1");
        (await org.Locator("[data-testid=question-stats] tbody tr").CountAsync()).ShouldBe(10);
        await org.GetByTestId("remark-dry").ClickAsync();
        await Assertions.Expect(org.GetByTestId("remark-result")).ToContainTextAsync("检查 1 份，0 份成绩会变化");
    }

    [Fact]
    public async Task Organizer_BuildsAnExamFromABlueprint_AndSeesTheCellTheBankCannotFill()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        var page = await browser.NewPageAsync(app.BaseAddress);
        await new LoginPage(page).SignInAsync(await app.CreateStaffAsync(Roles.Organizer, "maanshan"), "test-pass-123");
        await page.GotoAsync("/Exams/Manage/Create");
        await page.GetByLabel("考试名称").FillAsync("钳工理论练兵");
        for (var i = 1; i <= 3; i++) await page.GetByLabel($"工种 {i}", new() { Exact = true }).SelectOptionAsync("fitter");
        await page.GetByLabel("题数 1", new() { Exact = true }).FillAsync("300");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存为草稿" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("create-errors")).ToContainTextAsync("需要 300 题");

        await page.GetByLabel("题数 1", new() { Exact = true }).FillAsync("8");
        await page.GetByLabel("题数 3", new() { Exact = true }).FillAsync("3");
        await page.GetByLabel("及格分").FillAsync("12");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存为草稿" }).ClickAsync();
        await page.WaitForLoadStateAsync();
        if (!page.Url.Contains("/Monitor/")) throw new Xunit.Sdk.XunitException("not created: " + await page.GetByTestId("create-errors").InnerTextAsync());
        // Publishing asks first (data-confirm): the organizer accepts.
        page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        await page.GetByTestId("publish").ClickAsync();
        await Assertions.Expect(page.GetByTestId("monitor-summary")).ToContainTextAsync("已发布");
    }
}
