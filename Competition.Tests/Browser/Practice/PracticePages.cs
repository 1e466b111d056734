using System.Text.Json;
using Competition.Engine.QuestionBank;
using Competition.Tests.Integration.Practice;
using Microsoft.Playwright;

namespace Competition.Tests.Browser.Practice;

/// <summary>The drill start page: pick a trade and a mode, start.</summary>
public sealed class PracticeStartPage(IPage page)
{
    public async Task StartAsync(string tradeName, string mode = "顺序练习")
    {
        await page.GotoAsync("/Practice");
        await ChooseTradeAsync(tradeName);
        await page.GetByLabel(mode).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "开始练习" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/Practice/Drill/"));
    }

    /// <summary>The worker's own trade is chosen already; another one reloads the page with that trade's knowledge points.</summary>
    public async Task ChooseTradeAsync(string tradeName)
    {
        var trade = page.GetByLabel("工种");
        if (await trade.EvaluateAsync<string>("s => s.selectedOptions[0]?.label ?? ''") == tradeName) return;
        await trade.SelectOptionAsync(new SelectOptionValue { Label = tradeName });
        await page.WaitForURLAsync(u => u.Contains("TradeCode="));
    }

    /// <summary>Starts from the form as it is (the worker's own trade and level chosen), with a set size.</summary>
    public async Task StartSetAsync(string setSize, string start = "开始练习")
    {
        await page.GetByLabel(setSize, new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = start }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/Practice/Drill/"));
    }

}

/// <summary>The drill page's words in the language the worker chose.</summary>
public sealed record DrillWords(string Blank, string Answer, string True, string False, string Submit, string Next)
{
    public static readonly DrillWords Chinese = new("第 {0} 空", "作答", "对", "错", "提交答案", "下一题");
    public static readonly DrillWords English = new("Blank {0}", "Answer", "True", "False", "Submit answer", "Next question");
}

/// <summary>One drill question: answer it, read the verdict, go on.</summary>
public sealed class DrillPage(IPage page, DrillWords? words = null)
{
    private readonly DrillWords _w = words ?? DrillWords.Chinese;

    public async Task<string> QuestionIdAsync() => (await page.GetByTestId("stem").GetAttributeAsync("data-question-id"))!;

    /// <summary>Fills the form with a right or a wrong answer, built from the key as a worker would enter it.</summary>
    public async Task AnswerAsync(QuestionContent q, bool right)
    {
        var response = right ? PracticeKit.RightResponse(q) : PracticeKit.WrongResponse(q);
        switch (q.Type)
        {
            case QuestionType.FillBlank:
                var blanks = JsonSerializer.Deserialize<List<string>>(response)!;
                for (var i = 0; i < blanks.Count; i++) await page.GetByLabel(string.Format(_w.Blank, i + 1)).FillAsync(blanks[i]);
                break;
            case QuestionType.ShortAnswer:
                await page.GetByLabel(_w.Answer, new() { Exact = true }).FillAsync(response);
                break;
            case QuestionType.TrueFalse:
                await page.GetByLabel(response == "true" ? _w.True : _w.False, new() { Exact = true }).CheckAsync();
                break;
            default:
                foreach (var key in response) await page.Locator($"[data-testid=answer-form] input[value='{key}']").CheckAsync();
                break;
        }
        await page.GetByRole(AriaRole.Button, new() { Name = _w.Submit }).ClickAsync();
        await page.GetByTestId("verdict").WaitForAsync();
    }

    public Task<string> VerdictAsync() => page.GetByTestId("verdict").InnerTextAsync();
    public Task<string> ExplanationAsync() => page.GetByTestId("explanation").InnerTextAsync();
    public Task<string> KeyAsync() => page.GetByTestId("answer-key").InnerTextAsync();
    public ILocator WrongBookNote => page.GetByTestId("wrong-book-note");

    public async Task NextAsync()
    {
        await page.GetByRole(AriaRole.Link, new() { Name = _w.Next }).ClickAsync();
        await page.GetByTestId("answer-form").WaitForAsync();
    }
}
