using System.Net;
using System.Net.Http.Json;
using Competition.Engine.Judging;
using Competition.Engine.Persistence;
using Competition.Tests.Infrastructure;

namespace Competition.Tests.Integration.Contests;

public class BoardTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AtTheFreeze_ThePublicBoardStaysWhileTheJuryBoardMoves_ThenTheRevealReachesTheFinalStandings(DatabaseProvider provider)
    {
        var clock = new FakeClock(DateTimeOffset.UtcNow);
        await using var app = await AppFactory.StartAsync(provider, clock: clock);
        var s = await ContestScenario.CreateAsync(app, clock.GetUtcNow().UtcDateTime);
        await s.MarkFullyAsync("A001", met: true, measured: 20.00, 2, 2, 2);
        await s.MarkFullyAsync("A002", met: false, measured: 20.00, 1, 1, 1);

        clock.Advance(TimeSpan.FromMinutes(31));   // past the freeze; the clock job moves the contest on
        await EventuallyFrozenAsync(s);
        await s.MarkFullyAsync("A003", met: true, measured: 20.01, 3, 3, 3);   // A003 now leads, but only the jury sees it
        var jury = await s.BoardAsync(jury: true);
        jury.Rows[0].Number.ShouldBe("A003");
        var publicBoard = await s.BoardAsync(jury: false);
        publicBoard.Frozen.ShouldBeTrue();
        publicBoard.Rows[0].Number.ShouldBe("A001");
        publicBoard.Rows.Single(r => r.Number == "A003").Total.ShouldBe(0);

        // Too early to reveal; then end the contest at once and reveal from the bottom up.
        (await s.Organizer.PostAsJsonAsync($"/api/contests/{s.ContestId}/reveal", new { group = ContestScenario.Group })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await s.Organizer.PostAsJsonAsync($"/api/contests/{s.ContestId}/phase", new { to = "Ended" })).EnsureSuccessStatusCode();
        (await s.BoardAsync(jury: false)).Rows[0].Number.ShouldBe("A001");
        for (var step = 0; step < 3; step++)
            (await s.Organizer.PostAsJsonAsync($"/api/contests/{s.ContestId}/reveal", new { group = ContestScenario.Group })).EnsureSuccessStatusCode();
        var revealed = await s.BoardAsync(jury: false);
        revealed.Frozen.ShouldBeFalse();
        revealed.Rows.Select(r => (r.Number, r.Total)).ShouldBe((await s.BoardAsync(jury: true)).Rows.Select(r => (r.Number, r.Total)));
        revealed.Rows[0].Number.ShouldBe("A003");

        // Marking is locked after the end; finalizing waits for every task to be signed off.
        (await s.MarkAsync(s.Judges[0], "A001", ("M1", 0))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var early = await s.Organizer.PostAsJsonAsync($"/api/contests/{s.ContestId}/phase", new { to = "Finalized" });
        early.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var chief = await app.SignedInClientAsync(s.Chief);
        foreach (var id in s.Contestants.Values)
            (await chief.PostAsJsonAsync("/api/marks/signoff", new { contestantId = id, taskId = s.TaskId })).EnsureSuccessStatusCode();
        (await s.Organizer.PostAsJsonAsync($"/api/contests/{s.ContestId}/phase", new { to = "Finalized" })).EnsureSuccessStatusCode();
        (await s.Organizer.PostAsJsonAsync($"/api/contests/{s.ContestId}/phase", new { to = "Running" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheJuryBoard_NeedsARole(DatabaseProvider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        var s = await ContestScenario.CreateAsync(app, DateTime.UtcNow);
        var anonymous = await app.NewClient().GetAsync($"/api/contests/{s.ContestId}/board?group={Uri.EscapeDataString(ContestScenario.Group)}&jury=true");
        anonymous.StatusCode.ShouldBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden);
        (await s.BoardAsync(jury: false)).Rows.Count.ShouldBe(3);
    }

    private static async Task EventuallyFrozenAsync(ContestScenario s)
    {
        var until = DateTime.UtcNow.AddSeconds(6);
        while (DateTime.UtcNow < until)
        {
            await using var db = s.App.Database.NewContext();
            if (db.Contests.Single(c => c.Id == s.ContestId).Phase == ContestPhase.Frozen) return;
            await Task.Delay(200);
        }
        throw new Xunit.Sdk.XunitException("contest did not freeze");
    }
}
