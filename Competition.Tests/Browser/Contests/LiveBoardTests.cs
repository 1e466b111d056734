using Competition.Engine.Persistence;
using Competition.Tests.Infrastructure;
using Competition.Tests.Integration.Contests;
using Microsoft.Playwright;

namespace Competition.Tests.Browser.Contests;

public class LiveBoardTests(BrowserSession browser) : IClassFixture<BrowserSession>
{
    private static ILocator FirstRow(IPage page) => page.Locator("[data-testid=board-table] tbody tr").First;

    // A push travels from the background recompute through SignalR to the page; on a busy machine that can take a while.
    private static readonly LocatorAssertionsToHaveTextOptions PushText = new() { Timeout = 60_000 };

    [Fact]
    public async Task JudgeMarksOnTheTablet_TheProjectorUpdatesWithoutReload_TheFreezeHoldsThePublicBoard_AndTheRevealEndsOnTheFinalStandings()
    {
        var clock = new FakeClock(DateTimeOffset.UtcNow);
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite, AppFactory.ClockDrivenByTest(), clock);
        var s = await ContestScenario.CreateAsync(app, clock.GetUtcNow().UtcDateTime);
        await s.TickAsync();   // the contest runs
        var group = Uri.EscapeDataString(ContestScenario.Group);

        var projector = await browser.NewPageAsync(app.BaseAddress);
        await projector.GotoAsync($"/Contests/Board/{s.ContestId}?group={group}&view=projector");
        await Assertions.Expect(projector.Locator("[data-testid=board-table] tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(projector.GetByTestId("board-connection")).ToHaveTextAsync("实时更新中");
        await Assertions.Expect(projector.GetByTestId("board-phase")).ToHaveTextAsync(Competition.Engine.Judging.PhaseRules.Name(Competition.Engine.Judging.ContestPhase.Running));

        var organizerUser = await app.CreateStaffAsync(Competition.Engine.Accounts.Roles.Organizer, "maanshan");
        var juryPage = await browser.NewPageAsync(app.BaseAddress);
        await new LoginPage(juryPage).SignInAsync(organizerUser, "test-pass-123");
        await juryPage.GotoAsync($"/Contests/Board/{s.ContestId}?group={group}&view=jury");
        await Assertions.Expect(juryPage.Locator("[data-testid=board-table] tbody tr")).ToHaveCountAsync(3);

        // A judge marks A002 on the tablet page; the other two judges give their judgement scores.
        var tablet = await browser.NewPageAsync(app.BaseAddress, phone: true);
        await new LoginPage(tablet).SignInAsync(s.Judges[0], "test-pass-123");
        await tablet.GotoAsync($"/Judging/Sheet/{s.ContestId}");
        var card = tablet.Locator("[data-testid=sheet-line][data-number=A002]");
        await card.GetByLabel("M1 锐边倒钝、无毛刺（10 分）").SelectOptionAsync("1");
        await card.GetByLabel("M2 尺寸 20±0.05（20 分）").FillAsync("20.02");
        await card.GetByLabel("J1 表面质量与工艺（30 分）").SelectOptionAsync("3");
        await card.GetByRole(AriaRole.Button, new() { Name = "保存 A002 号" }).ClickAsync();
        await Assertions.Expect(card.GetByTestId("line-state")).ToContainTextAsync("已保存");
        (await s.MarkAsync(s.Judges[1], "A002", ("J1", 3))).EnsureSuccessStatusCode();
        (await s.MarkAsync(s.Judges[2], "A002", ("J1", 3))).EnsureSuccessStatusCode();

        await Assertions.Expect(FirstRow(projector)).ToHaveAttributeAsync("data-number", "A002", new() { Timeout = 60_000 });
        await Assertions.Expect(FirstRow(projector).GetByTestId("total")).ToHaveTextAsync("100.00", PushText);
        (await tablet.GetByTestId("sheet-line").Filter(new() { HasText = "A001" }).CountAsync()).ShouldBe(1);
        (await tablet.ContentAsync()).ShouldNotContain("张三");

        // The freeze: the public board stays put while the jury board moves.
        clock.Advance(TimeSpan.FromMinutes(31));
        (await s.TickAsync()).Changed.ShouldBe(1);
        await Assertions.Expect(projector.GetByTestId("board-frozen")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(projector.GetByTestId("board-phase")).ToHaveTextAsync("封榜中", PushText);
        (await s.MarkAsync(s.Judges[0], "A003", ("M1", 1), ("M2", 20.0), ("J1", 3))).EnsureSuccessStatusCode();
        (await s.MarkAsync(s.Judges[1], "A003", ("J1", 3))).EnsureSuccessStatusCode();
        (await s.MarkAsync(s.Judges[2], "A003", ("J1", 3))).EnsureSuccessStatusCode();
        await Assertions.Expect(juryPage.Locator("[data-testid=board-table] tbody tr[data-number=A003] [data-testid=total]")).ToHaveTextAsync("100.00", PushText);
        await Assertions.Expect(projector.Locator("[data-testid=board-table] tbody tr[data-number=A003] [data-testid=total]")).ToHaveTextAsync("0.00", PushText);

        // The end and the reveal, step by step from the bottom, on the organizer's control page.
        await juryPage.GotoAsync($"/Contests/Control/{s.ContestId}");
        await juryPage.GetByRole(AriaRole.Button, new() { Name = "立即结束" }).ClickAsync();
        await Assertions.Expect(juryPage.GetByTestId("control-phase")).ToHaveTextAsync("已结束");
        for (var step = 1; step <= 3; step++)
        {
            await juryPage.GetByTestId("reveal-next").ClickAsync();
            await juryPage.WaitForLoadStateAsync();
        }
        await Assertions.Expect(projector.Locator("[data-testid=board-table] tbody tr[data-number=A003] [data-testid=total]")).ToHaveTextAsync("100.00", PushText);
        await Assertions.Expect(projector.GetByTestId("board-frozen")).ToBeHiddenAsync(new() { Timeout = 60_000 });
    }

    [Fact]
    public async Task ABoardThatDoesNotExist_SaysSo_AndStopsTrying()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite, AppFactory.ClockDrivenByTest());
        var s = await ContestScenario.CreateAsync(app, DateTime.UtcNow);
        var page = await browser.NewPageAsync(app.BaseAddress, phone: true);
        await page.GotoAsync($"/Contests/Board/{s.ContestId}?group={Uri.EscapeDataString("学生组")}&view=phone");
        await Assertions.Expect(page.GetByTestId("board-connection")).ToContainTextAsync("没有这个排行榜", new() { Timeout = 60_000 });
        await page.GotoAsync($"/Contests/Board/{Guid.NewGuid()}?group={Uri.EscapeDataString(ContestScenario.Group)}&view=phone");
        await Assertions.Expect(page.GetByTestId("board-connection")).ToContainTextAsync("没有这个排行榜", new() { Timeout = 60_000 });
    }

    [Fact]
    public async Task AProjectorWhoseClockIsDaysOff_CountsDownToTheFreezeByTheServersClock()
    {
        // The server's clock is three days ahead of this machine's (as a projector's clock may be off from the server's):
        // counted by the viewer's clock the freeze would be three days away.
        var clock = new FakeClock(DateTimeOffset.UtcNow.AddDays(3));
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite, AppFactory.ClockDrivenByTest(), clock);
        var s = await ContestScenario.CreateAsync(app, clock.GetUtcNow().UtcDateTime);
        await s.TickAsync();   // the contest runs; the freeze is 30 minutes away by the server's clock

        var projector = await browser.NewPageAsync(app.BaseAddress);
        await projector.GotoAsync($"/Contests/Board/{s.ContestId}?group={Uri.EscapeDataString(ContestScenario.Group)}&view=projector");
        var countdown = projector.GetByTestId("board-countdown");
        await Assertions.Expect(countdown).ToHaveAttributeAsync("data-target", "freeze", new() { Timeout = 60_000 });
        await Assertions.Expect(countdown).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"距封榜 (29|30):\d\d$"));
    }

    [Fact]
    public async Task AFreezeDaysAway_IsCountedInDays_NotInHundredsOfHours()
    {
        var clock = new FakeClock(DateTimeOffset.UtcNow.AddDays(1));
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite, AppFactory.ClockDrivenByTest(), clock);
        // Planned to start in two days (the freeze 30 minutes after the start time given).
        var s = await ContestScenario.CreateAsync(app, clock.GetUtcNow().UtcDateTime.AddDays(2));

        var projector = await browser.NewPageAsync(app.BaseAddress);
        await projector.GotoAsync($"/Contests/Board/{s.ContestId}?group={Uri.EscapeDataString(ContestScenario.Group)}&view=projector");
        var countdown = projector.GetByTestId("board-countdown");
        await Assertions.Expect(countdown).ToHaveAttributeAsync("data-target", "freeze", new() { Timeout = 60_000 });
        await Assertions.Expect(countdown).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^距封榜 2 天 00:(29|30):\d\d$"));
    }
}
