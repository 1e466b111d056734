using System.Text.Json;
using Competition.Engine.Accounts;
using Competition.Engine.Exams;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using Competition.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Competition.Tests.Integration.Exams.ExamScenario;

namespace Competition.Tests.Browser.Exams;

/// <summary>No answer is lost on the page: quick typing, quick 交卷, 交卷 without a network; and the review as the worker saw it.</summary>
public class AnswerPagesTests(BrowserSession browser) : IClassFixture<BrowserSession>
{
    private sealed record Sitting(AppFactory App, Guid ExamId, string Worker, IPage Page, ExamPage Exam);

    private async Task<Sitting> SitAsync(Blueprint blueprint, ReviewOptions review = ReviewOptions.Score | ReviewOptions.Key | ReviewOptions.Explanations)
    {
        var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        var organizer = await app.OrganizerClientAsync();
        var examId = await PublishedExamAsync(organizer, blueprint, Settings(DateTime.UtcNow) with { PassMark = 0, Review = review }, "车工理论（答题）");
        var (worker, _) = await app.CreateWorkerAsync();
        var page = await browser.NewPageAsync(app.BaseAddress, phone: true);
        await new LoginPage(page).SignInAsync(worker, "test-pass-123");
        var exam = new ExamPage(page);
        await exam.StartFromLobbyAsync();
        return new Sitting(app, examId, worker, page, exam);
    }

    private static async Task<Dictionary<int, AttemptAnswer>> StoredAsync(AppFactory app)
    {
        await using var db = app.Database.NewContext();
        return await db.AttemptAnswers.AsNoTracking().ToDictionaryAsync(a => a.Item);
    }

    [Fact]
    public async Task AFillInTypedThenNextWithinASecond_IsStoredForItsOwnQuestion_AndNothingForTheNext()
    {
        var s = await SitAsync(new Blueprint([new("填空题", [Cell(QuestionType.FillBlank, 3)])], Tolerance: 2));
        await using var _ = s.App;
        await s.Exam.TypeFirstBlankAsync("49");
        await s.Exam.NextAsync();                       // at once: well within the old 800 ms pause
        await Assertions.Expect(s.Page.Locator("#question input.blank").First).ToHaveValueAsync("");
        await s.Exam.WaitAllSavedAsync();

        var stored = await StoredAsync(s.App);
        stored.Keys.ShouldBe([0]);
        JsonSerializer.Deserialize<string[]>(stored[0].Response)![0].ShouldBe("49");

        // Back on the first question the answer is there; typing on the second goes to the second.
        await s.Exam.TypeFirstBlankAsync("淬火");
        await s.Exam.GoToAsync(1);
        await Assertions.Expect(s.Page.Locator("#question input.blank").First).ToHaveValueAsync("49");
        await s.Exam.WaitAllSavedAsync();
        stored = await StoredAsync(s.App);
        JsonSerializer.Deserialize<string[]>(stored[1].Response)![0].ShouldBe("淬火");
        JsonSerializer.Deserialize<string[]>(stored[0].Response)![0].ShouldBe("49");
    }

    [Fact]
    public async Task AShortAnswerTypedThenSubmittedAtOnce_IsSaved_AndGoesToTheMarkingQueue()
    {
        var s = await SitAsync(new Blueprint([new("简答题", [Cell(QuestionType.ShortAnswer, 1, points: 5, target: 3.5)])], Tolerance: 2));
        await using var _ = s.App;
        await s.Exam.TypeShortAnswerAsync("细长轴刚性差，应使用跟刀架。");
        await s.Exam.SubmitAsync();                     // at once, before any pause
        await new ResultPage(s.Page).WaitAsync();

        await using var db = s.App.Database.NewContext();
        var answer = await db.AttemptAnswers.AsNoTracking().SingleAsync();
        answer.Response.ShouldBe("细长轴刚性差，应使用跟刀架。");
        answer.NeedsMarking.ShouldBeTrue();
        var attempt = await db.Attempts.AsNoTracking().SingleAsync();
        attempt.State.ShouldBe(AttemptState.Submitted);
        attempt.PendingMarks.ShouldBe(1);
        await Assertions.Expect(s.Page.GetByTestId("review-response")).ToContainTextAsync("跟刀架");
    }

    [Fact]
    public async Task SubmittingOffline_SaysItWillSubmitWhenTheNetworkReturns_KeepsTryingAcrossAReload_AndSubmits()
    {
        var s = await SitAsync(new Blueprint([new("单选题", [Cell(QuestionType.Single, 3)])], Tolerance: 2));
        await using var _ = s.App;
        await s.Exam.AnswerFirstOptionAsync(1);
        await s.Exam.WaitAllSavedAsync();

        await s.Page.Context.SetOfflineAsync(true);
        await s.Exam.AnswerFirstOptionAsync(2);
        await s.Exam.SubmitAsync();
        await Assertions.Expect(s.Exam.SubmitState).ToContainTextAsync("恢复后将自动交卷");
        await Assertions.Expect(s.Exam.SaveState).ToContainTextAsync("待发送");
        await Assertions.Expect(s.Page.GetByTestId("submit")).ToBeDisabledAsync();

        // The network is back for pages but the exam's calls still fail; the worker reloads: the wait goes on.
        await s.Page.RouteAsync("**/api/attempts/*/answers", r => r.AbortAsync());
        await s.Page.RouteAsync("**/api/attempts/*/submit", r => r.AbortAsync());
        await s.Page.Context.SetOfflineAsync(false);
        await s.Page.ReloadAsync();
        await s.Exam.QuestionShownAsync();
        await Assertions.Expect(s.Exam.SubmitState).ToContainTextAsync("恢复后将自动交卷", new() { Timeout = 15_000 });
        await using (var db = s.App.Database.NewContext())
            (await db.Attempts.AsNoTracking().SingleAsync()).State.ShouldBe(AttemptState.InProgress);

        // The calls go through again: the page sends the answer and submits by itself.
        await s.Page.UnrouteAllAsync();
        await new ResultPage(s.Page).WaitAsync();
        await using (var db = s.App.Database.NewContext())
        {
            (await db.Attempts.AsNoTracking().SingleAsync()).State.ShouldBe(AttemptState.Submitted);
            (await db.AttemptAnswers.AsNoTracking().Select(a => a.Item).OrderBy(i => i).ToListAsync()).ShouldBe([0, 1]);
        }
    }

    [Fact]
    public async Task TheReview_ShowsEachOptionsText_InTheWorkersOrder_WithTheirChoiceAndTheKey()
    {
        var s = await SitAsync(new Blueprint([new("单选题", [Cell(QuestionType.Single, 3)])], Tolerance: 2));
        await using var _ = s.App;
        var client = await s.App.SignedInClientAsync(s.Worker);
        var attemptId = Guid.Parse(s.Page.Url.Split('/').Last());
        var view = await ViewAsync(client, attemptId);
        await s.Exam.AnswerFirstOptionAsync(1);
        await s.Exam.WaitAllSavedAsync();
        await s.Exam.SubmitAsync();
        var result = new ResultPage(s.Page);
        await result.WaitAsync();

        var shown = await result.OptionsAsync(0);
        var expected = view.Items[0].Options.Select(o => $"{o.Label}. {AnswerReview.PlainText(o.Html)}").ToList();
        shown.Count.ShouldBe(expected.Count);
        for (var i = 0; i < expected.Count; i++) shown[i].ShouldStartWith(expected[i]);
        shown[0].ShouldContain("你的选择");
        var first = view.Items[0].Options[0];
        await Assertions.Expect(result.Items.Nth(0).GetByTestId("review-response")).ToContainTextAsync($"A（{AnswerReview.PlainText(first.Html)}）");
        string questionId;
        await using (var db = s.App.Database.NewContext())
            questionId = (await db.Papers.SingleAsync()).Items[0].QuestionId;
        var key = view.Items[0].Options.Single(o => o.Key == Bank[questionId].Answer[0]);
        await Assertions.Expect(result.Items.Nth(0).GetByTestId("review-key")).ToContainTextAsync($"{key.Label}（{AnswerReview.PlainText(key.Html)}）");
    }

    [Fact]
    public async Task AnAnswerOneTabCouldNotSend_SurvivesAnotherTabsSaves_AndIsSentAfterAReload()
    {
        var s = await SitAsync(new Blueprint([new("填空题", [Cell(QuestionType.FillBlank, 3)])], Tolerance: 2));
        await using var _ = s.App;
        // A second tab of the same browser on the same attempt: it shares localStorage with the first.
        var second = await s.Page.Context.NewPageAsync();
        await second.GotoAsync(s.Page.Url);
        var secondExam = new ExamPage(second);
        await secondExam.QuestionShownAsync();

        // The first tab cannot reach the server (its requests fail), so its answer waits in the browser…
        await s.Page.RouteAsync("**/answers", route => route.AbortAsync());
        await s.Exam.TypeFirstBlankAsync("甲标签的答案");
        await s.Exam.NextAsync();
        await Assertions.Expect(s.Exam.SaveState).Not.ToHaveTextAsync("已全部保存");

        // …while the second tab, opened before that answer was given, answers another question and saves it: its own
        // list of unsent answers must not replace the one the first tab left in the shared storage.
        await secondExam.GoToAsync(3);
        await secondExam.TypeFirstBlankAsync("乙标签的答案");
        await secondExam.NextAsync();
        await secondExam.WaitAllSavedAsync();
        (await second.EvaluateAsync<string>("() => JSON.stringify(localStorage)")).ShouldContain("甲标签的答案");

        // (Closing the first tab would send its answer on the way out, which is the other half of the promise; here a
        // reload of the second tab must find the answer left behind and send it.)
        (await StoredAsync(s.App)).ShouldNotContainKey(0);
        await second.ReloadAsync();
        await secondExam.QuestionShownAsync();
        await secondExam.WaitAllSavedAsync();
        var stored = await StoredAsync(s.App);
        JsonSerializer.Deserialize<string[]>(stored[0].Response)![0].ShouldBe("甲标签的答案");
        JsonSerializer.Deserialize<string[]>(stored[2].Response)![0].ShouldBe("乙标签的答案");
    }
}
