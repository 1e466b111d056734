using Microsoft.Playwright;

namespace Competition.Tests.Browser.Contests;

/// <summary>The words the organizer's pages show, in the language the test switched to.</summary>
public sealed record SetupTexts(string SignIn, string Contests, string NewContest, string Title, string Trade, string Save, string AddMeasured,
    string AddJudgement, string WeightsOk, string WeightsBad, string Register, string Link, string Assign, string Number, string Name, string Unit)
{
    public static readonly SetupTexts Chinese = new("登录", "竞赛", "新建竞赛", "竞赛名称", "工种", "保存竞赛", "+ 测量", "+ 评判 0–3", "权重合计 100%",
        "应为 100%", "登记", "关联", "分配", "参赛号", "姓名", "单位");

    public static readonly SetupTexts English = new("Sign in", "Contests", "New contest", "Contest title", "Trade", "Save contest", "+ Measured",
        "+ Judgement 0–3", "Weights total 100%", "must be 100%", "Register", "Link", "Assign", "Number", "Name", "Unit");
}

/// <summary>What an organizer does on 竞赛 → 新建竞赛 and on the contest's manage page, by clicking.</summary>
public sealed class ContestSetupPage(IPage page, SetupTexts t)
{
    private ILocator Item(int round, int task, int item, string field) => page.Locator($"#Form_Rounds_{round}_Tasks_{task}_Items_{item}_{field}");

    public async Task OpenNewFromNavAsync()
    {
        await page.Locator("#nav").GetByRole(AriaRole.Link, new() { Name = t.Contests, Exact = true }).ClickAsync();
        await page.GetByTestId("new-contest").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = t.NewContest })).ToBeVisibleAsync();
    }

    /// <summary>The default form has a theory round (30 %) and a practical round (70 %) with one task and one 符合/不符合 item.</summary>
    public async Task FillAsync(string title, string examId)
    {
        await page.GetByLabel(t.Title, new() { Exact = true }).FillAsync(title);
        await page.GetByLabel(t.Trade, new() { Exact = true }).SelectOptionAsync("fitter");
        await page.Locator("#Form_Rounds_0_ExamId").SelectOptionAsync(examId);
        await Assertions.Expect(page.GetByTestId("weight-total")).ToContainTextAsync(t.WeightsOk);
        await page.Locator("#Form_Rounds_0_Weight").FillAsync("40");
        await Assertions.Expect(page.GetByTestId("weight-total")).ToContainTextAsync(t.WeightsBad);
        await page.Locator("#Form_Rounds_0_Weight").FillAsync("30");
        await Assertions.Expect(page.GetByTestId("weight-total")).ToContainTextAsync(t.WeightsOk);

        await page.Locator("#Form_Rounds_1_Tasks_0_Title").FillAsync("凹凸件锉配");
        await Item(1, 0, 0, "Title").FillAsync("锐边倒钝、无毛刺");
        await Item(1, 0, 0, "Points").FillAsync("10");
        await page.GetByRole(AriaRole.Button, new() { Name = t.AddMeasured }).ClickAsync();
        await Item(1, 0, 1, "Title").FillAsync("尺寸 20±0.05");
        await Item(1, 0, 1, "Points").FillAsync("20");
        await Item(1, 0, 1, "Nominal").FillAsync("20.00");
        await Item(1, 0, 1, "Lower").FillAsync("0.05");
        await Item(1, 0, 1, "Upper").FillAsync("0.05");
        await page.GetByRole(AriaRole.Button, new() { Name = t.AddJudgement }).ClickAsync();
        await Item(1, 0, 2, "Title").FillAsync("表面质量与工艺");
        await Item(1, 0, 2, "Points").FillAsync("30");
        await Assertions.Expect(Item(1, 0, 2, "JudgeCount")).ToBeVisibleAsync();
        await Assertions.Expect(Item(1, 0, 2, "Nominal")).ToBeHiddenAsync();
    }

    public async Task SaveAsync(string title)
    {
        await page.GetByTestId("save-contest").ClickAsync();
        await Assertions.Expect(page.GetByTestId("selected-title")).ToHaveTextAsync(title);
    }

    public async Task RegisterAsync(string number, string name, string unit)
    {
        await page.GetByLabel(t.Number, new() { Exact = true }).FillAsync(number);
        await page.GetByLabel(t.Name, new() { Exact = true }).FillAsync(name);
        await page.GetByLabel(t.Unit, new() { Exact = true }).FillAsync(unit);
        await page.GetByRole(AriaRole.Button, new() { Name = t.Register, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("contestants")).ToContainTextAsync(name);
    }

    /// <summary>关联职工 on the contestant's row: the search starts from the contestant's name.</summary>
    public async Task LinkAsync(string number, Guid workerId, string workerName)
    {
        var row = page.GetByTestId("contestants").Locator("tr", new() { HasText = number });
        await row.GetByTestId("link-open").ClickAsync();
        await page.GetByTestId("worker-select").SelectOptionAsync(workerId.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = t.Link, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("contestants").Locator("tr", new() { HasText = number }).GetByTestId("linked-worker")).ToContainTextAsync(workerName);
    }

    public async Task AssignAsync(string judge)
    {
        await page.GetByTestId("judge-select").SelectOptionAsync(judge);
        await page.GetByTestId("assign-judge").ClickAsync();
        await Assertions.Expect(page.GetByTestId("assignments")).ToContainTextAsync(judge);
    }
}
