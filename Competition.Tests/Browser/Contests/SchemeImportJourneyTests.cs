using Competition.Engine.Accounts;
using Competition.Engine.Contests;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank.Sheets;
using Competition.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Competition.Tests.Browser.Contests;

/// <summary>
/// 新建竞赛 with a practical round's tasks from Excel (issue 8): the template downloads from the round's card, a bad
/// sheet is listed by row and column above the round and changes nothing, a good one fills the form, and 保存 saves it.
/// </summary>
public class SchemeImportJourneyTests(BrowserSession browser) : IClassFixture<BrowserSession>
{
    private static readonly string[] Headers = [.. SchemeColumns.All];

    [Fact]
    public async Task Organizer_ImportsARoundsTasksFromTheTemplate_ReviewsThemAndSaves_AndABadSheetShowsRowAndColumn()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        var organizer = await app.CreateStaffAsync(Roles.Organizer, "maanshan");
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.SetViewportSizeAsync(1366, 768);
        await new LoginPage(page).SignInAsync(organizer, "test-pass-123");
        await page.GotoAsync("/");
        var setup = new ContestSetupPage(page, SetupTexts.Chinese);
        await setup.OpenNewFromNavAsync();

        // A contest of one practical round: the default rounds go, a new practical round comes.
        await page.GetByLabel("竞赛名称", new() { Exact = true }).FillAsync("马鞍山市钳工技能竞赛");
        await page.GetByLabel("工种", new() { Exact = true }).SelectOptionAsync("fitter");
        await page.GetByRole(AriaRole.Button, new() { Name = "删除此轮" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "删除此轮" }).First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("round")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "+ 实操轮" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("round")).ToHaveCountAsync(1);
        await page.Locator("#Form_Rounds_0_Weight").FillAsync("100");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("scheme-template").ClickAsync());
        download.SuggestedFilename.ShouldBe(SchemeTemplate.FileName);
        var template = await File.ReadAllBytesAsync((await download.PathAsync())!);
        using (var doc = SpreadsheetDocument.Open(new MemoryStream(template), false))
            doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ShouldBe([SchemeTemplate.DataSheet, SchemeTemplate.InstructionsSheet]);

        var file = page.Locator("#Form_Rounds_0_SchemeFile");
        var bad = XlsxWriter.Write(SchemeTemplate.DataSheet, [Headers,
            ["凹凸件锉配", "A1", "M1", "锐边倒钝", "符合/不符合", "10"],
            ["凹凸件锉配", "A1", "M2", "尺寸 20±0.05", "测量", "20", "20", "0.05", "-0.05"]]);
        await file.SetInputFilesAsync(new FilePayload { Name = "评分细则.xlsx", MimeType = "application/octet-stream", Buffer = bad });
        await page.GetByTestId("import-tasks").ClickAsync();
        await Assertions.Expect(page.GetByTestId("import-errors")).ToContainTextAsync("第 3 行，下偏差：下偏差 0.05 大于上偏差 -0.05");
        await Assertions.Expect(page.GetByTestId("task")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#Form_Rounds_0_Tasks_0_Title")).ToHaveValueAsync("");
        await Shot(page, "scheme-import-errors");

        var good = XlsxWriter.Write(SchemeTemplate.DataSheet, [Headers,
            ["凹凸件锉配", "A1", "M1", "锐边倒钝", "符合/不符合", "10"],
            ["凹凸件锉配", "A1", "M2", "尺寸 20±0.05", "测量", "20", "20.00", "-0.05", "0.05"],
            ["钻孔", "B2", "J1", "安全文明生产", "评判", "15", "", "", "", "5"]]);
        await file.SetInputFilesAsync(new FilePayload { Name = "评分细则.xlsx", MimeType = "application/octet-stream", Buffer = good });
        await page.GetByTestId("import-tasks").ClickAsync();
        await Assertions.Expect(page.GetByTestId("import-done")).ToContainTextAsync("2 个任务、3 个评分项");
        await Assertions.Expect(page.GetByTestId("import-errors")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("task")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#Form_Rounds_0_Tasks_0_Title")).ToHaveValueAsync("凹凸件锉配");
        await Assertions.Expect(page.Locator("#Form_Rounds_0_Tasks_0_Items_1_Lower")).ToHaveValueAsync("0.05");
        await Assertions.Expect(page.Locator("#Form_Rounds_0_Tasks_1_Station")).ToHaveValueAsync("B2");
        await Assertions.Expect(page.Locator("#Form_Rounds_0_Tasks_1_Items_0_JudgeCount")).ToHaveValueAsync("5");
        await Assertions.Expect(page.Locator("#Form_Rounds_0_Weight")).ToHaveValueAsync("100");
        await Shot(page, "scheme-import-done");

        await setup.SaveAsync("马鞍山市钳工技能竞赛");
        // The contest's page offers the imported stations for judges.
        await Assertions.Expect(page.Locator("select[name=Station] option")).ToContainTextAsync(["A1 · 凹凸件锉配", "B2 · 钻孔"]);
        await using var db = app.Database.NewContext();
        var contest = await db.Contests.SingleAsync(c => c.Title == "马鞍山市钳工技能竞赛");
        var round = await db.Rounds.SingleAsync(r => r.ContestId == contest.Id);
        round.MaxScore.ShouldBe(45);
        var tasks = (await db.PracticalTasks.Where(t => t.RoundId == round.Id).ToListAsync()).OrderBy(t => t.Station).ToList();
        tasks.Select(t => (t.Title, t.Station, t.Scheme.Count)).ShouldBe([("凹凸件锉配", "A1", 2), ("钻孔", "B2", 1)]);
        tasks[0].Scheme[1].Nominal.ShouldBe(20.00m);
    }

    /// <summary>For people to look at (not asserted): the page at the organizer's 1366x768, as seen and in full.</summary>
    private static async Task Shot(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("SETUP_SCREENSHOTS") is not { Length: > 0 } folder) return;
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png") });
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + "-full.png"), FullPage = true });
    }
}
