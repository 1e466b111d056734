using Competition.Engine.Common;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using Competition.Tests.Browser.Workers;
using Competition.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Competition.Tests.Browser.Practice;

/// <summary>
/// A worker's drill set from the home page: own trade chosen, 第 n / N 题, self-assessment, the summary, a 错题本 review; the
/// same journey in English.
/// </summary>
public class DrillJourneyTests(BrowserSession browser) : IClassFixture<BrowserSession>
{
    /// <summary>The journey's words in each language (what the worker reads and clicks).</summary>
    public sealed record Journey(string? Language, string Drill, string Trade, string Level, string SetOf10, string Start, Func<int, string> Number,
        string Partly, string SelfAssessed, Func<int, string> SelfSummary, string NotRecorded, DrillWords Words);

    private static readonly Journey Chinese = new(null, "练兵", "工种", "等级", "10 题", "开始练习", n => $"第 {n} / 10 题",
        "部分对", "已自评：部分对", n => $"部分对 {n}，错 0，未自评 0", "（未记录）", DrillWords.Chinese);

    private static readonly Journey English = new("English", "Drill", "Trade", "Level", "10 questions", "Start", n => $"Question {n} / 10",
        "Partly right", "Self-assessed: Partly right", n => $"partly {n}, wrong 0, not assessed 0", "(not recorded)", DrillWords.English);

    [Fact]
    public Task WorkerDrillsASetOfTen_SelfAssessesShortAnswers_SeesTheSummary_AndReviewsAWrongBookItem() => DrillJourneyAsync(Chinese);

    [Fact]
    public Task InEnglish_WorkerDrillsASetOfTen_SelfAssesses_SeesTheSummary_AndReviewsAWrongBookItem() => DrillJourneyAsync(English);

    private async Task DrillJourneyAsync(Journey j)
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        var (worker, _) = await app.CreateWorkerAsync("maanshan");
        var page = await browser.NewPageAsync(app.BaseAddress, phone: true);
        var nav = new WorkerNav(page);
        await nav.SignInFromHomeAsync(worker);
        if (j.Language is not null) await nav.SwitchLanguageAsync(j.Language);
        await nav.OpenAsync(j.Drill);

        // The worker's own trade and level (from the profile) are chosen already.
        await Assertions.Expect(page.GetByLabel(j.Trade)).ToHaveValueAsync("lathe-operator");
        await Assertions.Expect(page.GetByLabel(j.Level)).ToHaveValueAsync("Level4");
        await new PracticeStartPage(page).StartSetAsync(j.SetOf10, start: j.Start);

        var drill = new DrillPage(page, j.Words);
        string? wrongQuestion = null;
        var assessed = 0;
        for (var n = 1; n <= 10; n++)
        {
            if (n > 1) await drill.NextAsync();
            await Assertions.Expect(page.GetByTestId("drill-number")).ToHaveTextAsync(j.Number(n));
            var id = await drill.QuestionIdAsync();
            var content = (await app.SendAsync(new GetQuestion.Query(id, Actor.System))).Content;
            // One wrong machine-marked answer, for the 错题本.
            var right = wrongQuestion is not null || content.Type == QuestionType.ShortAnswer;
            await drill.AnswerAsync(content, right);
            if (!right) wrongQuestion = id;
            if (content.Type == QuestionType.ShortAnswer)
            {
                await page.GetByTestId("self-assessment").GetByRole(AriaRole.Button, new() { Name = j.Partly, Exact = true }).ClickAsync();
                await Assertions.Expect(page.GetByTestId("self-assessed")).ToHaveTextAsync(j.SelfAssessed);
                assessed++;
            }
        }
        await page.GetByTestId("set-summary").ClickAsync();
        await Assertions.Expect(page.GetByTestId("summary-answered")).ToHaveTextAsync("10 / 10");
        await Assertions.Expect(page.GetByTestId("summary-wrong")).ToHaveTextAsync(wrongQuestion is null ? "0" : "1");
        await Assertions.Expect(page.GetByTestId("summary-self")).ToContainTextAsync(j.SelfSummary(assessed));

        // From the summary to the 错题本, and the wrong item open for review.
        wrongQuestion.ShouldNotBeNull();
        var wrong = (await app.SendAsync(new GetQuestion.Query(wrongQuestion, Actor.System))).Content;
        await page.GetByTestId("to-wrong-book").ClickAsync();
        await page.Locator($"[data-testid=wrong-book] li[data-question-id='{wrongQuestion}']").GetByTestId("wrong-book-open").ClickAsync();
        await Assertions.Expect(page.GetByTestId("answer-key")).ToHaveTextAsync(wrong.Type == QuestionType.FillBlank
            ? string.Join(" / ", wrong.Answer.Select(a => string.Join(" 或 ", a.Split('|')))) : wrong.AnswerDisplay);
        await Assertions.Expect(page.GetByTestId("last-answer")).Not.ToHaveTextAsync(j.NotRecorded);
        await Assertions.Expect(page.GetByTestId("explanation")).ToContainTextAsync(wrong.Explanation[..6]);
        await page.GetByTestId("drill-again").ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/Practice/Drill/"));
        await Assertions.Expect(page.GetByTestId("stem")).ToHaveAttributeAsync("data-question-id", wrongQuestion);
    }
}
