using System.Net.Http.Json;
using Competition.Engine.Accounts;
using Competition.Engine.Exams;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using Competition.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Competition.Tests.Integration.Exams.ExamScenario;

namespace Competition.Tests.Browser.Contests;

/// <summary>
/// An organizer sets up a whole contest from the home page by clicking: 竞赛 → 新建竞赛, a theory round on one of their
/// exams and a practical task with one item of each kind, contestants linked to worker accounts, three judges.
/// </summary>
public class ContestSetupJourneyTests(BrowserSession browser) : IClassFixture<BrowserSession>
{
    [Fact]
    public Task Organizer_SetsUpAContestByClicking_InChinese() => JourneyAsync(SetupTexts.Chinese, english: false);

    [Fact]
    public Task Organizer_SetsUpAContestByClicking_InEnglish() => JourneyAsync(SetupTexts.English, english: true);

    private async Task JourneyAsync(SetupTexts t, bool english)
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        var organizer = await app.CreateStaffAsync(Roles.Organizer, "maanshan");
        var client = await app.SignedInClientAsync(organizer);
        var examId = await PublishedExamAsync(client, new Blueprint([new("单选题", [Cell(QuestionType.Single, 10)])], Tolerance: 2),
            Settings(DateTime.UtcNow.AddDays(6)), "钳工竞赛理论");
        var judges = new List<string>();
        for (var i = 0; i < 3; i++) judges.Add(await app.CreateStaffAsync(Roles.Judge, "maanshan"));
        var workers = new List<(string Name, Guid Id)>();
        await using (var db = app.Database.NewContext())
            for (var i = 0; i < 2; i++)
            {
                var (_, id) = await app.CreateWorkerAsync("maanshan");
                workers.Add((await db.Workers.Where(w => w.Id == id).Select(w => w.Name).SingleAsync(), id));
            }

        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.GotoAsync("/");
        if (english)
        {
            await page.GetByTestId("culture-switch").ClickAsync();
            await Assertions.Expect(page.Locator("#nav").GetByRole(AriaRole.Link, new() { Name = t.SignIn })).ToBeVisibleAsync();
        }
        await page.Locator("#nav").GetByRole(AriaRole.Link, new() { Name = t.SignIn, Exact = true }).ClickAsync();
        // The sign-in page speaks the chosen language too: its fields are found by id.
        await page.Locator("#UserName").FillAsync(organizer);
        await page.Locator("#Password").FillAsync("test-pass-123");
        await LoginPage.SubmitAsync(page, page.Locator("main form button[type=submit]"));

        var setup = new ContestSetupPage(page, t);
        await setup.OpenNewFromNavAsync();
        await Shot(page, english ? "setup-en" : "setup-zh");
        var title = english ? "Ma'anshan fitter contest" : "马鞍山市钳工技能竞赛";
        await setup.FillAsync(title, examId.ToString());
        await setup.SaveAsync(title);
        for (var i = 0; i < workers.Count; i++) await setup.RegisterAsync($"A00{i + 1}", workers[i].Name, "马钢集团");
        for (var i = 0; i < workers.Count; i++) await setup.LinkAsync($"A00{i + 1}", workers[i].Id, workers[i].Name);
        foreach (var judge in judges) await setup.AssignAsync(judge);
        await Shot(page, english ? "manage-en" : "manage-zh");

        await using var check = app.Database.NewContext();
        var contest = await check.Contests.SingleAsync(c => c.Title == title);
        var rounds = await check.Rounds.Where(r => r.ContestId == contest.Id).ToListAsync();
        Assert.Equal(examId, rounds.Single(r => r.ExamId != null).ExamId);
        var practical = rounds.Single(r => r.ExamId == null);
        Assert.Equal(60, practical.MaxScore);
        var scheme = (await check.PracticalTasks.SingleAsync(x => x.RoundId == practical.Id)).Scheme;
        Assert.Equal([Competition.Engine.Judging.ItemKind.MeetsOrNot, Competition.Engine.Judging.ItemKind.MeasuredValue, Competition.Engine.Judging.ItemKind.Judgement],
            scheme.Select(i => i.Kind));
        Assert.Equal(workers.Select(w => (Guid?)w.Id).Order(), await check.Contestants.Where(c => c.ContestId == contest.Id).Select(c => c.WorkerId).OrderBy(x => x).ToListAsync());
        Assert.Equal(3, await check.JudgeAssignments.CountAsync(a => a.ContestId == contest.Id && a.Station == "A1"));
    }

    /// <summary>For people to look at (not asserted): the pages at phone width.</summary>
    private static async Task Shot(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("SETUP_SCREENSHOTS") is not { Length: > 0 } folder) return;
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + "-phone.png"), FullPage = true });
        await page.SetViewportSizeAsync(1366, 900);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + "-pc.png"), FullPage = true });
    }
}
