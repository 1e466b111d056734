using Competition.Engine.Accounts;
using Competition.Engine.Exams;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using Competition.Tests.Browser.Judging;
using Competition.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Competition.Tests.Integration.Exams.ExamScenario;

namespace Competition.Tests.Browser.Contests;

/// <summary>
/// The whole contest day, chained, every step by clicking from the home page: the organizer creates the judges' accounts,
/// sets up the contest, registers contestants linked to workers, assigns the judges and starts the contest; a projector
/// opens the public board and stays open; three judges on tablets mark what the organizer set up; the chief judge signs
/// off and corrects a mark with a reason; the projector follows every step without a reload; the audit lists the correction.
/// </summary>
public class ContestDayJourneyTests(BrowserSession browser) : IClassFixture<BrowserSession>
{
    [Fact]
    public Task ContestDay_FromSetupToCorrection_TheProjectorFollows_InChinese() => ShootOnFailure(DayTexts.Chinese);

    [Fact]
    public Task ContestDay_FromSetupToCorrection_TheProjectorFollows_InEnglish() => ShootOnFailure(DayTexts.English);

    /// <summary>A journey this long fails far from its cause: every open page is kept as a picture for the reader.</summary>
    private async Task ShootOnFailure(DayTexts t)
    {
        try { await JourneyAsync(t); }
        catch when (Environment.GetEnvironmentVariable("JOURNEY_SCREENSHOTS") is { Length: > 0 })
        {
            var pages = browser.Browser.Contexts.SelectMany(c => c.Pages).ToList();
            for (var i = 0; i < pages.Count; i++) await Shot(pages[i], $"failed-{t}-{i}");
            throw;
        }
        finally
        {
            // Five contexts per journey: closed before the other language's journey opens its own.
            foreach (var context in browser.Browser.Contexts.ToList()) await context.CloseAsync();
        }
    }

    private sealed record Judge(string User, string Display, string Password, IPage Tablet);

    private async Task JourneyAsync(DayTexts t)
    {
        // Nothing moves phases behind the test's back: the organizer starts the contest on the control page.
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite, AppFactory.ClockDrivenByTest());
        // Preconditions, not part of the journey: the organizer's own account, a published exam, workers who registered themselves.
        var organizer = await app.CreateStaffAsync(Roles.Organizer, "maanshan");
        var examId = await PublishedExamAsync(await app.SignedInClientAsync(organizer),
            new Blueprint([new("单选题", [Cell(QuestionType.Single, 10)])], Tolerance: 2), Settings(DateTime.UtcNow.AddDays(6)), "钳工竞赛理论");
        var workers = new List<(string Name, Guid Id)>();
        await using (var db = app.Database.NewContext())
            for (var i = 0; i < 2; i++)
            {
                var (_, id) = await app.CreateWorkerAsync("maanshan");
                workers.Add((await db.Workers.Where(w => w.Id == id).Select(w => w.Name).SingleAsync(), id));
            }

        // 1. The organizer, on a laptop: three judge accounts (the third is the chief judge), passwords read off the page.
        var office = await browser.NewPageAsync(app.BaseAddress, 1366, 768);
        await new HomeEntry(office, t).SignInAsync(organizer, "test-pass-123");
        var accounts = new AccountsPage(office, t);
        await accounts.OpenFromNavAsync();
        var tag = Guid.NewGuid().ToString("N")[..5];
        var people = t.InEnglish ? new[] { "Wang Jun", "Li Ming", "Zhao Hua" } : ["王军", "李明", "赵华"];
        var logins = new List<(string User, string Display, string Password)>();
        for (var i = 0; i < 3; i++)
        {
            var user = $"cp{i + 1}-{tag}";
            logins.Add((user, people[i], await accounts.CreateAsync(user, people[i], chief: i == 2)));
        }

        var title = t.InEnglish ? "Ma'anshan fitter contest day" : "马鞍山市钳工技能竞赛（决赛）";
        var setup = new ContestSetupPage(office, t.Setup);
        await setup.OpenNewFromNavAsync();
        await setup.FillAsync(title, examId.ToString());
        await setup.SaveAsync(title);
        for (var i = 0; i < workers.Count; i++) await setup.RegisterAsync($"A00{i + 1}", workers[i].Name, "马钢集团");
        for (var i = 0; i < workers.Count; i++) await setup.LinkAsync($"A00{i + 1}", workers[i].Id, workers[i].Name);
        foreach (var login in logins) await setup.AssignAsync(login.User);
        var control = new ControlPage(office, t);
        await control.OpenFromNavAsync(title);
        await control.StartNowAsync();

        // 2. The projector: its own browser at 1920x1080, signed in as nobody, from the home page's live boards; it stays open.
        var screen = await browser.NewPageAsync(app.BaseAddress, 1920, 1080);
        var hall = new HomeEntry(screen, t);
        await hall.OpenAsync();
        await Shot(screen, $"home-{t}");
        await hall.ClickProjectorAsync(title, "职工组");
        var board = new ProjectorBoard(screen);
        await Assertions.Expect(screen.Locator("[data-testid=board-table] tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(screen.GetByTestId("board-connection")).ToHaveTextAsync(t.Live);
        await Assertions.Expect(screen.GetByTestId("board-phase")).ToHaveTextAsync(t.Running);
        await board.ExpectTotalAsync("A001", "0.00");

        // 3. Three judges, each on a tablet, sign in with the password the organizer read out, and land on 我的竞赛.
        var judges = new List<Judge>();
        foreach (var (user, display, password) in logins)
        {
            var tablet = await browser.NewPageAsync(app.BaseAddress, 1024, 768);
            await new HomeEntry(tablet, t).SignInAsync(user, password);
            await Assertions.Expect(tablet.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(t.MyContests);
            await Assertions.Expect(tablet.GetByTestId("my-contest")).ToContainTextAsync(title);
            await tablet.GetByRole(AriaRole.Link, new() { Name = t.Sheet, Exact = true }).ClickAsync();
            judges.Add(new Judge(user, display, password, tablet));
        }

        // The setup page numbers the items M1, M2, M3 in order. The first judge measures and checks both contestants and gives the judgement score: the judged item still lacks two marks.
        var first = new SheetPage(judges[0].Tablet);
        await first.ChooseAsync("A001", "M1", "1");
        await first.TypeAsync("A001", "M2", "20.02");
        await first.ChooseAsync("A001", "M3", "3");
        await SaveAsync(first, "A001", t);
        await Assertions.Expect(first.Line("A001").GetByTestId("line-outstanding")).ToHaveTextAsync(string.Format(t.Outstanding, 1));
        await first.ChooseAsync("A002", "M1", "0");
        await first.TypeAsync("A002", "M2", "20.03");
        await first.ChooseAsync("A002", "M3", "2");
        await SaveAsync(first, "A002", t);
        await board.ExpectPendingAsync("A001", "30.00 " + t.Pending);
        await board.ExpectPendingAsync("A002", "20.00 " + t.Pending);
        await Shot(judges[0].Tablet, $"tablet-{t}");

        // The second judge, then the chief judge (also one of the three) give theirs: the projector drops 待评 and shows the totals.
        var second = new SheetPage(judges[1].Tablet);
        await second.ChooseAsync("A001", "M3", "2");
        await SaveAsync(second, "A001", t);
        await second.ChooseAsync("A002", "M3", "2");
        await SaveAsync(second, "A002", t);
        await board.ExpectPendingAsync("A001", t.Pending);
        var chiefSheet = new SheetPage(judges[2].Tablet);
        await chiefSheet.ChooseAsync("A001", "M3", "3");
        await SaveAsync(chiefSheet, "A001", t);
        await chiefSheet.ChooseAsync("A002", "M3", "1");
        await SaveAsync(chiefSheet, "A002", t);
        await board.ExpectNotPendingAsync("A001");
        await board.ExpectNotPendingAsync("A002");
        // Practical 10 + 20 + 26.67 (the judged item: 8 of 9 × 30, rounded) of 60 points, weighted 70 %; the theory round is not sat yet.
        await board.ExpectTotalAsync("A001", "66.12");
        await board.ExpectTotalAsync("A002", "42.78");

        // 4. The chief judge signs A001 off, then corrects the second judge's judgement score with a reason.
        var chief = judges[2].Tablet;
        await chief.Locator("#nav").GetByRole(AriaRole.Link, new() { Name = t.MyContests, Exact = true }).ClickAsync();
        await chief.GetByRole(AriaRole.Link, new() { Name = t.Corrections, Exact = true }).ClickAsync();
        var corrections = new CorrectionsPage(chief, t);
        await corrections.ChooseAsync("A001");
        await corrections.SignOffAsync();
        var reason = t.InEnglish ? "Video review: the surface finish earns 3" : "录像复核后更正为 3 分";
        await corrections.CorrectAsync("M3", judges[1].User, "3", reason);
        await board.ExpectTotalAsync("A001", "70.00");
        await Assertions.Expect(board.Row("A001").GetByTestId("practical")).ToHaveTextAsync("60.00");

        await chief.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = t.Audit, Exact = true }).ClickAsync();
        var correction = chief.GetByTestId("audit-row").Filter(new() { HasText = reason });
        await Assertions.Expect(correction).ToHaveCountAsync(1);
        await Assertions.Expect(correction).ToContainTextAsync("A001");
        await Assertions.Expect(correction).ToContainTextAsync(judges[1].Display);   // whose mark it was
        await Assertions.Expect(correction).ToContainTextAsync(judges[2].Display);   // who changed it
        await Assertions.Expect(chief.GetByTestId("audit-table")).ToContainTextAsync(judges[0].Display);

        await Shot(screen, $"projector-{t}");
    }

    private static async Task SaveAsync(SheetPage sheet, string number, DayTexts t)
    {
        await sheet.SaveAsync(number, t.SaveCard);
        await Assertions.Expect(sheet.State(number)).ToContainTextAsync(t.Saved);
    }

    /// <summary>For people to look at (not asserted): the page at its device's size.</summary>
    private static async Task Shot(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("JOURNEY_SCREENSHOTS") is not { Length: > 0 } folder) return;
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"journey-{name}.png") });
    }
}
