using Competition.Engine.Accounts;
using Competition.Engine.Exams;
using Competition.Engine.Persistence;
using Competition.Tests.Browser.Workers;
using Competition.Tests.Infrastructure;
using Microsoft.Playwright;
using static Competition.Tests.Integration.Exams.ExamScenario;

namespace Competition.Tests.Browser.Exams;

/// <summary>A worker's exam from the home page: 考试须知, the navigator's states, the time warnings, a reload, the review.</summary>
public class ExamJourneyTests(BrowserSession browser) : IClassFixture<BrowserSession>
{
    private static string Squeeze(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));

    [Fact]
    public async Task WorkerReadsTheNoticeSitsAndSubmits_TheReviewShowsTheOptionsAsTheyWereShown()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        await PublishedExamAsync(await app.OrganizerClientAsync(), Standard, Settings(DateTime.UtcNow, overdue: OverdueHandling.Abandon, attempts: 2), "车工理论（须知）");
        var (worker, _) = await app.CreateWorkerAsync();
        var page = await browser.NewPageAsync(app.BaseAddress, phone: true);
        var nav = new WorkerNav(page);
        await nav.SignInFromHomeAsync(worker);
        await nav.OpenAsync("考试");

        // The notice says what the worker needs to know; starting without ticking the confirmation is refused.
        await page.GetByRole(AriaRole.Link, new() { Name = "开始考试" }).ClickAsync();
        var notice = page.GetByTestId("exam-notice");
        await Assertions.Expect(notice).ToContainTextAsync("车工理论（须知）");
        await Assertions.Expect(page.GetByTestId("notice-duration")).ToHaveTextAsync("30 分钟");
        await Assertions.Expect(page.GetByTestId("notice-questions")).ToHaveTextAsync("10 题");
        await Assertions.Expect(page.GetByTestId("notice-score")).ToHaveTextAsync("14 / 6");
        await Assertions.Expect(page.GetByTestId("notice-attempts")).ToHaveTextAsync("2 次（共 2 次）");
        await Assertions.Expect(page.GetByTestId("notice-time-up")).ToContainTextAsync("作废");
        await page.GetByRole(AriaRole.Button, new() { Name = "开始考试" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("notice-error")).ToContainTextAsync("我已阅读考试须知");
        await page.GetByLabel("我已阅读考试须知").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "开始考试" }).ClickAsync();
        await page.WaitForURLAsync("**/Exams/Attempt/**");

        var exam = new ExamPage(page);
        await exam.QuestionShownAsync();
        var shown = (await page.Locator("#question label.option").AllInnerTextsAsync()).Select(Squeeze).ToList();
        shown.Count.ShouldBeGreaterThan(1);
        await page.Locator("#question input[name=answer]").Nth(1).CheckAsync();
        await exam.GoToAsync(2);
        await page.GetByTestId("flag").ClickAsync();
        await exam.WaitAllSavedAsync();

        // Answered, unanswered and flagged at once, by sign as well as colour, with a legend naming them.
        await Assertions.Expect(exam.NavigatorButton(1)).ToHaveAttributeAsync("data-state", "answered");
        await Assertions.Expect(exam.NavigatorButton(1)).ToContainTextAsync("✓");
        await Assertions.Expect(exam.NavigatorButton(2)).ToHaveAttributeAsync("data-state", "unanswered flagged");
        await Assertions.Expect(exam.NavigatorButton(2)).ToContainTextAsync("⚑");
        await Assertions.Expect(exam.NavigatorButton(2)).ToHaveAttributeAsync("aria-describedby", "legend-unanswered legend-flagged");
        await Assertions.Expect(exam.NavigatorButton(2)).ToHaveAttributeAsync("aria-current", "step");
        await Assertions.Expect(exam.NavigatorButton(3)).ToHaveAttributeAsync("data-state", "unanswered");
        await Assertions.Expect(page.GetByTestId("navigator-legend")).ToContainTextAsync("已标记");

        await exam.SubmitAsync();
        var result = new ResultPage(page);
        await result.WaitAsync();
        var reviewed = (await result.OptionsAsync(0)).Select(Squeeze).ToList();
        reviewed.Count.ShouldBe(shown.Count);
        for (var i = 0; i < shown.Count; i++) reviewed[i].ShouldStartWith(shown[i]);
        reviewed[1].ShouldContain("你的选择");
    }

    [Fact]
    public async Task TimeRunsDown_TheTimerWarnsAtFiveAndOneMinutesInWordsAndColour_AndAReloadReturnsToTheSameQuestion()
    {
        var clock = new FakeClock(DateTimeOffset.UtcNow);
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite, AppFactory.ClockDrivenByTest(), clock);
        await PublishedExamAsync(await app.OrganizerClientAsync(), Standard, Settings(clock.GetUtcNow().UtcDateTime, duration: 10), "车工理论（计时）");
        var (worker, _) = await app.CreateWorkerAsync();
        var page = await browser.NewPageAsync(app.BaseAddress, phone: true);
        var nav = new WorkerNav(page);
        await nav.SignInFromHomeAsync(worker);
        await nav.OpenAsync("考试");
        var exam = new ExamPage(page);
        await exam.OpenNoticeAndStartAsync();

        // Plenty of time: no warning, nothing for a screen reader; the countdown itself is not a live region.
        await Assertions.Expect(exam.Timer).ToHaveAttributeAsync("role", "timer");
        await Assertions.Expect(exam.Timer).ToHaveAttributeAsync("aria-live", "off");
        await Assertions.Expect(exam.TimerNote).ToBeHiddenAsync();
        await Assertions.Expect(exam.TimerAlert).ToBeEmptyAsync();
        await exam.GoToAsync(3);
        await Assertions.Expect(page.Locator("#question")).ToContainTextAsync("第 3 / 10 题");

        clock.Advance(TimeSpan.FromMinutes(5.5));
        await page.ReloadAsync();
        await exam.QuestionShownAsync();
        await Assertions.Expect(page.Locator("#question")).ToContainTextAsync("第 3 / 10 题");
        await Assertions.Expect(exam.NavigatorButton(3)).ToHaveAttributeAsync("aria-current", "step");
        await Assertions.Expect(exam.TimerNote).ToHaveTextAsync("剩余不足 5 分钟");
        await Assertions.Expect(exam.Timer).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("bg-warning"));
        await Assertions.Expect(exam.TimerAlert).ToHaveTextAsync("考试剩余不足 5 分钟，请注意时间。");

        await exam.GoToAsync(5);
        clock.Advance(TimeSpan.FromMinutes(4));
        await page.ReloadAsync();
        await exam.QuestionShownAsync();
        await Assertions.Expect(page.Locator("#question")).ToContainTextAsync("第 5 / 10 题");
        await Assertions.Expect(exam.TimerNote).ToHaveTextAsync("剩余不足 1 分钟");
        await Assertions.Expect(exam.Timer).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("bg-danger"));
        await Assertions.Expect(exam.TimerAlert).ToHaveTextAsync("考试剩余不足 1 分钟，请尽快检查并交卷。");
        (await exam.SecondsLeftAsync()).ShouldBeLessThanOrEqualTo(30);
    }

    [Fact]
    public async Task InEnglish_TheWorkerGoesFromTheNoticeToTheReview()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        await PublishedExamAsync(await app.OrganizerClientAsync(), Standard, Settings(DateTime.UtcNow), "车工理论（English）");
        var (worker, _) = await app.CreateWorkerAsync();
        var page = await browser.NewPageAsync(app.BaseAddress);
        page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        var nav = new WorkerNav(page);
        await nav.SignInFromHomeAsync(worker);
        await nav.SwitchLanguageAsync("English");
        await nav.OpenAsync("Exams");

        await page.GetByRole(AriaRole.Link, new() { Name = "Start exam" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("notice-duration")).ToHaveTextAsync("30 minutes");
        await Assertions.Expect(page.GetByTestId("notice-rules")).ToContainTextAsync("5 minutes and 1 minute");
        await page.GetByLabel("I have read the notice").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start exam" }).ClickAsync();
        await page.WaitForURLAsync("**/Exams/Attempt/**");
        await Assertions.Expect(page.Locator("#question")).ToContainTextAsync("Question 1 / 10");
        var shown = (await page.Locator("#question label.option").AllInnerTextsAsync()).Select(Squeeze).ToList();
        shown.Count.ShouldBeGreaterThan(1);
        await page.Locator("#question input[name=answer]").Nth(1).CheckAsync();
        await Assertions.Expect(page.GetByTestId("save-state")).ToHaveTextAsync("All saved");
        await page.GetByRole(AriaRole.Button, new() { Name = "Question 2", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Flag" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Unflag" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("navigator-legend")).ToContainTextAsync("Flagged");
        await Assertions.Expect(page.GetByTestId("save-state")).ToHaveTextAsync("All saved");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();
        await new ResultPage(page).WaitAsync();
        await Assertions.Expect(page.GetByTestId("result-state")).ToHaveTextAsync("Submitted");
        await Assertions.Expect(page.GetByTestId("review-item").First).ToContainTextAsync("Your choice");
        // The review lists the options in the order this worker saw them, their choice marked.
        var reviewed = (await new ResultPage(page).OptionsAsync(0)).Select(Squeeze).ToList();
        reviewed.Count.ShouldBe(shown.Count);
        for (var i = 0; i < shown.Count; i++) reviewed[i].ShouldStartWith(shown[i]);
        reviewed[1].ShouldContain("Yourchoice");
    }
}
