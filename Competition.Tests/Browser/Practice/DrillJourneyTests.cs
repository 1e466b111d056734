using Competition.Engine.Common;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using Competition.Tests.Browser.Workers;
using Competition.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Competition.Tests.Browser.Practice;

/// <summary>A worker's drill set from the home page: own trade chosen, 第 n / N 题, self-assessment, the summary, a 错题本 review.</summary>
public class DrillJourneyTests(BrowserSession browser) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task WorkerDrillsASetOfTen_SelfAssessesShortAnswers_SeesTheSummary_AndReviewsAWrongBookItem()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        var (worker, _) = await app.CreateWorkerAsync("maanshan");
        var page = await browser.NewPageAsync(app.BaseAddress, phone: true);
        var nav = new WorkerNav(page);
        await nav.SignInFromHomeAsync(worker);
        await nav.OpenAsync("练兵");

        // The worker's own trade and level (from the profile) are chosen already.
        await Assertions.Expect(page.GetByLabel("工种")).ToHaveValueAsync("lathe-operator");
        await Assertions.Expect(page.GetByLabel("等级")).ToHaveValueAsync("Level4");
        await new PracticeStartPage(page).StartSetAsync("10 题");

        var drill = new DrillPage(page);
        string? wrongQuestion = null;
        var assessed = 0;
        for (var n = 1; n <= 10; n++)
        {
            if (n > 1) await drill.NextAsync();
            await Assertions.Expect(page.GetByTestId("drill-number")).ToHaveTextAsync($"第 {n} / 10 题");
            var id = await drill.QuestionIdAsync();
            var content = (await app.SendAsync(new GetQuestion.Query(id, Actor.System))).Content;
            // One wrong machine-marked answer, for the 错题本.
            var right = wrongQuestion is not null || content.Type == QuestionType.ShortAnswer;
            await drill.AnswerAsync(content, right);
            if (!right) wrongQuestion = id;
            if (content.Type == QuestionType.ShortAnswer)
            {
                await page.GetByTestId("self-assessment").GetByRole(AriaRole.Button, new() { Name = "部分对", Exact = true }).ClickAsync();
                await Assertions.Expect(page.GetByTestId("self-assessed")).ToHaveTextAsync("已自评：部分对");
                assessed++;
            }
        }
        await page.GetByTestId("set-summary").ClickAsync();
        await Assertions.Expect(page.GetByTestId("summary-answered")).ToHaveTextAsync("10 / 10");
        await Assertions.Expect(page.GetByTestId("summary-wrong")).ToHaveTextAsync(wrongQuestion is null ? "0" : "1");
        await Assertions.Expect(page.GetByTestId("summary-self")).ToContainTextAsync($"部分对 {assessed}，错 0，未自评 0");

        // From the summary to the 错题本, and the wrong item open for review.
        wrongQuestion.ShouldNotBeNull();
        var wrong = (await app.SendAsync(new GetQuestion.Query(wrongQuestion, Actor.System))).Content;
        await page.GetByTestId("to-wrong-book").ClickAsync();
        await page.Locator($"[data-testid=wrong-book] li[data-question-id='{wrongQuestion}']").GetByTestId("wrong-book-open").ClickAsync();
        await Assertions.Expect(page.GetByTestId("answer-key")).ToHaveTextAsync(wrong.Type == QuestionType.FillBlank
            ? string.Join(" / ", wrong.Answer.Select(a => string.Join(" 或 ", a.Split('|')))) : wrong.AnswerDisplay);
        await Assertions.Expect(page.GetByTestId("last-answer")).Not.ToHaveTextAsync("（未记录）");
        await Assertions.Expect(page.GetByTestId("explanation")).ToContainTextAsync(wrong.Explanation[..6]);
        await page.GetByTestId("drill-again").ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/Practice/Drill/"));
        await Assertions.Expect(page.GetByTestId("stem")).ToHaveAttributeAsync("data-question-id", wrongQuestion);
    }

    [Fact]
    public async Task InEnglish_TheDrillFormAndTheQuestionCountReadInEnglish()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        var (worker, _) = await app.CreateWorkerAsync("maanshan");
        var page = await browser.NewPageAsync(app.BaseAddress);
        var nav = new WorkerNav(page);
        await nav.SignInFromHomeAsync(worker);
        await nav.SwitchLanguageAsync("English");
        await nav.OpenAsync("Drill");
        await Assertions.Expect(page.GetByLabel("Trade")).ToHaveValueAsync("lathe-operator");
        await new PracticeStartPage(page).StartSetAsync("20 questions", start: "Start");
        await Assertions.Expect(page.GetByTestId("drill-number")).ToHaveTextAsync("Question 1 / 20");
    }
}
