using System.Net;
using System.Net.Http.Json;
using Competition.Engine.Judging;
using Competition.Engine.Persistence;
using Competition.Engine.Scoreboards;
using Competition.Tests.Infrastructure;

namespace Competition.Tests.Integration.Contests;

/// <summary>Public and jury boards through the freeze, the "do it now" buttons and the reveal. Time is the fake clock's, moved by the test.</summary>
public class BoardTests
{
    private static async Task<(ContestScenario S, FakeClock Clock)> StartedAsync(DatabaseProvider provider)
    {
        var clock = new FakeClock(DateTimeOffset.UtcNow);
        var app = await AppFactory.StartAsync(provider, AppFactory.ClockDrivenByTest(), clock);
        var s = await ContestScenario.CreateAsync(app, clock.GetUtcNow().UtcDateTime);
        await s.TickAsync();   // the scheduled start has passed: the contest runs
        return (s, clock);
    }

    private static async Task<ContestPhase> PhaseAsync(ContestScenario s)
    {
        await using var db = s.App.Database.NewContext();
        return db.Contests.Single(c => c.Id == s.ContestId).Phase;
    }

    private static double TotalOf(Board board, string number) => board.Rows.Single(r => r.Number == number).Total;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AtTheFreeze_ThePublicBoardStaysWhileTheJuryBoardMoves_ThenTheRevealReachesTheFinalStandings(DatabaseProvider provider)
    {
        var (s, clock) = await StartedAsync(provider);
        await using var _ = s.App;
        await s.MarkFullyAsync("A001", met: true, measured: 20.00, 2, 2, 2);
        await s.MarkFullyAsync("A002", met: false, measured: 20.00, 1, 1, 1);

        clock.Advance(TimeSpan.FromMinutes(31));   // past the freeze; the clock moves the contest on
        (await s.TickAsync()).Changed.ShouldBe(1);
        (await PhaseAsync(s)).ShouldBe(ContestPhase.Frozen);
        await s.MarkFullyAsync("A003", met: true, measured: 20.01, 3, 3, 3);   // A003 now leads, but only the jury sees it
        var jury = await s.BoardAsync(jury: true);
        jury.Rows[0].Number.ShouldBe("A003");
        var publicBoard = await s.BoardAsync(jury: false);
        publicBoard.Frozen.ShouldBeTrue();
        publicBoard.PhaseName.ShouldBe(PhaseRules.Name(ContestPhase.Frozen));
        publicBoard.Rows[0].Number.ShouldBe("A001");
        TotalOf(publicBoard, "A003").ShouldBe(0);

        // Too early to reveal; then end the contest at once and reveal from the bottom up.
        (await s.Organizer.PostAsJsonAsync($"/api/contests/{s.ContestId}/reveal", new { group = ContestScenario.Group })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await s.MoveToAsync(ContestPhase.Ended)).EnsureSuccessStatusCode();
        (await s.BoardAsync(jury: false)).Rows[0].Number.ShouldBe("A001");
        for (var step = 0; step < 3; step++) await s.RevealNextAsync();
        var revealed = await s.BoardAsync(jury: false);
        revealed.Frozen.ShouldBeFalse();
        revealed.Rows.Select(r => (r.Number, r.Total, r.Rank, r.SharedRank)).ShouldBe((await s.BoardAsync(jury: true)).Rows.Select(r => (r.Number, r.Total, r.Rank, r.SharedRank)));
        revealed.Rows[0].Number.ShouldBe("A003");
        (await s.Organizer.PostAsJsonAsync($"/api/contests/{s.ContestId}/reveal", new { group = ContestScenario.Group })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // Marking is locked after the end; finalizing waits for every task to be signed off.
        (await s.MarkAsync(s.Judges[0], "A001", ("M1", 0))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await s.MoveToAsync(ContestPhase.Finalized)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var chief = await s.App.SignedInClientAsync(s.Chief);
        foreach (var id in s.Contestants.Values)
            (await chief.PostAsJsonAsync("/api/marks/signoff", new { contestantId = id, taskId = s.TaskId })).EnsureSuccessStatusCode();
        (await s.MoveToAsync(ContestPhase.Finalized)).EnsureSuccessStatusCode();
        (await s.MoveToAsync(ContestPhase.Running)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FreezeNow_HoldsThePublicBoardFromTheClick_NotFromTheScheduledFreeze(DatabaseProvider provider)
    {
        var (s, clock) = await StartedAsync(provider);
        await using var _ = s.App;
        await s.MarkFullyAsync("A001", met: true, measured: 20.00, 2, 2, 2);
        clock.Advance(TimeSpan.FromMinutes(5));
        (await s.MoveToAsync(ContestPhase.Frozen)).EnsureSuccessStatusCode();   // 立即封榜, 25 minutes before the scheduled freeze

        clock.Advance(TimeSpan.FromMinutes(1));
        await s.MarkFullyAsync("A002", met: true, measured: 20.00, 3, 3, 3);
        TotalOf(await s.BoardAsync(jury: false), "A002").ShouldBe(0);
        TotalOf(await s.BoardAsync(jury: true), "A002").ShouldBe(100);

        // The scheduled freeze passes: the board stays frozen at the click, not at the schedule.
        clock.Advance(TimeSpan.FromMinutes(30));
        await s.TickAsync();
        (await PhaseAsync(s)).ShouldBe(ContestPhase.Frozen);
        var board = await s.BoardAsync(jury: false);
        board.Frozen.ShouldBeTrue();
        TotalOf(board, "A002").ShouldBe(0);
        board.Rows[0].Number.ShouldBe("A001");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EndNowBeforeTheScheduledFreeze_FreezesThePublicBoardAtTheEnd_SoLaterCorrectionsWaitForTheReveal(DatabaseProvider provider)
    {
        var (s, clock) = await StartedAsync(provider);
        await using var _ = s.App;
        await s.MarkFullyAsync("A001", met: true, measured: 20.00, 3, 3, 3);
        clock.Advance(TimeSpan.FromMinutes(10));
        (await s.MoveToAsync(ContestPhase.Ended)).EnsureSuccessStatusCode();   // 立即结束, 20 minutes before the scheduled freeze

        clock.Advance(TimeSpan.FromMinutes(1));
        (await s.OverrideAsync(s.Judges[0], "A001", "M1", 0)).EnsureSuccessStatusCode();   // the chief judge's correction after the end
        TotalOf(await s.BoardAsync(jury: true), "A001").ShouldBe(83.33);
        var publicBoard = await s.BoardAsync(jury: false);
        publicBoard.Frozen.ShouldBeTrue();
        TotalOf(publicBoard, "A001").ShouldBe(100);

        // A later start of the clock changes nothing: the contest has ended and is not read again.
        clock.Advance(TimeSpan.FromHours(1));
        (await s.TickAsync()).Examined.ShouldBe(0);
        for (var step = 0; step < 3; step++) await s.RevealNextAsync();
        TotalOf(await s.BoardAsync(jury: false), "A001").ShouldBe(83.33);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheReveal_ShowsSharedRanksAtEveryStep_WithArrowsOnlyForRealMoves(DatabaseProvider provider)
    {
        var (s, clock) = await StartedAsync(provider);
        await using var _ = s.App;
        await s.MarkFullyAsync("A001", met: true, measured: 20.00, 3, 3, 3);   // 100 before the freeze
        (await s.MoveToAsync(ContestPhase.Frozen)).EnsureSuccessStatusCode();
        clock.Advance(TimeSpan.FromMinutes(1));
        await s.MarkFullyAsync("A002", met: true, measured: 20.00, 3, 3, 3);   // both catch up after it: a three-way tie for first
        await s.MarkFullyAsync("A003", met: true, measured: 20.00, 3, 3, 3);
        (await s.MoveToAsync(ContestPhase.Ended)).EnsureSuccessStatusCode();

        static (string, int, bool, int)[] Shown(Board b) => b.Rows.Select(r => (r.Number, r.Rank, r.SharedRank, r.Move)).ToArray();
        var frozen = await s.BoardAsync(jury: false);
        frozen.Rows.Select(r => (r.Number, r.Rank, r.SharedRank)).ShouldBe([("A001", 1, false), ("A002", 2, true), ("A003", 2, true)]);
        // Step 1 reveals A003 (lowest of the frozen board): level with A001, both 1=; A002 drops to 3rd.
        Shown(await s.RevealNextAsync()).ShouldBe([("A001", 1, true, 0), ("A003", 1, true, 1), ("A002", 3, false, -1)]);
        // Step 2 reveals A002: all three share first; only A002 moved.
        Shown(await s.RevealNextAsync()).ShouldBe([("A001", 1, true, 0), ("A002", 1, true, 2), ("A003", 1, true, 0)]);
        // Step 3 reveals A001, whose total did not change: the final standings, with nobody moving.
        var last = await s.RevealNextAsync();
        last.Frozen.ShouldBeFalse();
        Shown(last).ShouldBe([("A001", 1, true, 0), ("A002", 1, true, 0), ("A003", 1, true, 0)]);
        last.Rows.Select(r => (r.Number, r.Rank, r.SharedRank)).ShouldBe((await s.BoardAsync(jury: true)).Rows.Select(r => (r.Number, r.Rank, r.SharedRank)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheJuryBoard_NeedsARole(DatabaseProvider provider)
    {
        await using var app = await AppFactory.StartAsync(provider, AppFactory.ClockDrivenByTest());
        var s = await ContestScenario.CreateAsync(app, DateTime.UtcNow);
        var anonymous = await app.NewClient().GetAsync($"/api/contests/{s.ContestId}/board?group={Uri.EscapeDataString(ContestScenario.Group)}&jury=true");
        anonymous.StatusCode.ShouldBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden);
        (await s.BoardAsync(jury: false)).Rows.Count.ShouldBe(3);
    }
}
