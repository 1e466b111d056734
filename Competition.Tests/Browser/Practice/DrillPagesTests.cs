using System.Net;
using Competition.Engine.Accounts;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using Competition.Tests.Infrastructure;

namespace Competition.Tests.Browser.Practice;

public class DrillPagesTests(SharedApps apps, BrowserSession browser) : IClassFixture<SharedApps>, IClassFixture<BrowserSession>
{
    [Fact]
    public async Task WorkerOnAPhone_DrillsLatheQuestions_SeesVerdictAndExplanation_AndFindsTheMistakeInTheWrongBook()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var (user, _) = await app.CreateWorkerAsync("maanshan");
        var page = await browser.NewPageAsync(app.BaseAddress, phone: true);
        await new LoginPage(page).SignInAsync(user, "test-pass-123");

        await new PracticeStartPage(page).StartAsync("车工");
        var drill = new DrillPage(page);
        var first = await drill.QuestionIdAsync();
        var content = (await app.SendAsync(new GetQuestion.Query(first, Competition.Engine.Common.Actor.System))).Content;
        await drill.AnswerAsync(content, right: false);
        (await drill.VerdictAsync()).ShouldBe("回答错误");
        (await drill.KeyAsync()).ShouldBe(content.Type == QuestionType.FillBlank ? content.AnswerDisplay.Replace("|", " 或 ") : content.AnswerDisplay);
        (await drill.ExplanationAsync()).ShouldContain(content.Explanation[..10]);
        (await drill.WrongBookNote.InnerTextAsync()).ShouldContain("已记入错题本");

        await drill.NextAsync();
        var second = await drill.QuestionIdAsync();
        second.ShouldNotBe(first);
        var secondContent = (await app.SendAsync(new GetQuestion.Query(second, Competition.Engine.Common.Actor.System))).Content;
        await drill.AnswerAsync(secondContent, right: true);
        (await drill.VerdictAsync()).ShouldBe(secondContent.Type == QuestionType.ShortAnswer ? "简答题：请对照参考答案自评（不计入错题本）" : "回答正确");
        (await page.GetByTestId("drill-position").InnerTextAsync()).ShouldContain("本次已答 2 题");

        await page.GotoAsync("/Practice/WrongBook");
        var entries = page.Locator("[data-testid=wrong-book] li");
        (await entries.CountAsync()).ShouldBe(1);
        (await entries.First.GetAttributeAsync("data-question-id")).ShouldBe(first);
        await page.GotoAsync("/Practice/Progress");
        (await page.GetByTestId("progress-lathe-operator").Locator("[data-testid=done]").InnerTextAsync()).ShouldBe("2");
    }

    [Fact]
    public async Task Judge_OpeningTheDrill_SeesWhyNotAnErrorPage()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var page = await browser.NewPageAsync(app.BaseAddress);
        await new LoginPage(page).SignInAsync(await app.CreateStaffAsync(Roles.Judge, "maanshan"), "test-pass-123");
        var res = await page.GotoAsync("/Practice");
        res!.Status.ShouldBe((int)HttpStatusCode.Forbidden);
        (await page.GetByTestId("page-error").InnerTextAsync()).ShouldContain("只有职工账号可以练习");
    }
}
