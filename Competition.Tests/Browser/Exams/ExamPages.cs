using Microsoft.Playwright;

namespace Competition.Tests.Browser.Exams;

/// <summary>The exam page, as a worker uses it. The worker confirms every dialog (交卷's "确定交卷吗？").</summary>
public sealed class ExamPage
{
    private readonly IPage page;

    public ExamPage(IPage page)
    {
        this.page = page;
        page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
    }

    public ILocator Timer => page.GetByTestId("timer");
    public ILocator SaveState => page.GetByTestId("save-state");
    public ILocator SubmitState => page.GetByTestId("submit-state");
    public ILocator Message => page.GetByTestId("exam-message");

    public async Task StartFromLobbyAsync()
    {
        await page.GotoAsync("/Exams");
        await OpenNoticeAndStartAsync();
    }

    /// <summary>In the lobby: opens the first exam's 考试须知, confirms having read it and starts.</summary>
    public async Task OpenNoticeAndStartAsync(string start = "开始考试", string confirm = "我已阅读考试须知")
    {
        await page.GetByRole(AriaRole.Link, new() { Name = start }).First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("exam-notice")).ToBeVisibleAsync();
        await page.GetByLabel(confirm).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = start }).ClickAsync();
        await page.WaitForURLAsync("**/Exams/Attempt/**");
        await QuestionShownAsync();
    }

    public ILocator TimerNote => page.GetByTestId("timer-note");
    public ILocator TimerAlert => page.GetByTestId("timer-alert");

    /// <summary>A navigator button by its question number (its accessible name is the number alone; its state is its description).</summary>
    public ILocator NavigatorButton(int questionNumber, string name = "第 {0} 题") =>
        page.GetByRole(AriaRole.Button, new() { Name = string.Format(name, questionNumber), Exact = true });

    public async Task QuestionShownAsync() => await page.Locator("#question .option, #question textarea, #question input").First.WaitForAsync();

    public async Task GoToAsync(int questionNumber) =>
        await page.GetByRole(AriaRole.Button, new() { Name = $"第 {questionNumber} 题", Exact = true }).ClickAsync();

    public async Task AnswerFirstOptionAsync(int questionNumber)
    {
        await GoToAsync(questionNumber);
        await page.Locator("#question input[name=answer]").First.CheckAsync();
    }

    /// <summary>Types into the first blank of the question on screen (no pause afterwards: the point of the tests).</summary>
    public async Task TypeFirstBlankAsync(string text) => await page.Locator("#question input.blank").First.FillAsync(text);

    public async Task TypeShortAnswerAsync(string text) => await page.Locator("#question textarea").FillAsync(text);

    public async Task NextAsync() => await page.GetByRole(AriaRole.Button, new() { Name = "下一题" }).ClickAsync();

    /// <summary>Presses 交卷 (the dialog is confirmed).</summary>
    public async Task SubmitAsync() => await page.GetByTestId("submit").ClickAsync();

    public async Task WaitAllSavedAsync() => await Assertions.Expect(SaveState).ToHaveTextAsync("已全部保存", new() { Timeout = 15_000 });

    public async Task<int> SecondsLeftAsync()
    {
        var parts = (await Timer.InnerTextAsync()).Split(':').Select(int.Parse).ToArray();
        return parts[0] * 60 + parts[1];
    }
}

/// <summary>The result and review after submitting.</summary>
public sealed class ResultPage(IPage page)
{
    public ILocator Items => page.GetByTestId("review-item");

    public async Task WaitAsync() => await page.WaitForURLAsync("**/Exams/Result/**", new() { Timeout = 20_000 });

    /// <summary>The options of one reviewed question as shown: label and text, in order.</summary>
    public async Task<IReadOnlyList<string>> OptionsAsync(int index) =>
        (await Items.Nth(index).GetByTestId("review-option").AllInnerTextsAsync()).Select(t => t.Trim()).ToList();
}
