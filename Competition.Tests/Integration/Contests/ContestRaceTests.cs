using System.Net.Http.Json;
using Competition.Engine.Contests;
using Competition.Engine.Judging;
using Competition.Engine.Persistence;
using Competition.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Competition.Tests.Integration.Contests;

/// <summary>
/// The clock job and a person's "do it now" read a contest at the same moment. The interleaving is fixed by hand (the
/// barrier is the order of the steps), so the race is the same on every run, however busy the machine.
/// </summary>
public class ContestRaceTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AClockStepReadBeforeEndNow_CannotMoveTheEndedContestBackToFrozen(DatabaseProvider provider)
    {
        var clock = new FakeClock(DateTimeOffset.UtcNow);
        await using var app = await AppFactory.StartAsync(provider, AppFactory.ClockDrivenByTest(), clock);
        var s = await ContestScenario.CreateAsync(app, clock.GetUtcNow().UtcDateTime);
        await s.TickAsync();   // running
        clock.Advance(TimeSpan.FromMinutes(31));   // the scheduled freeze has passed; the clock has not run yet

        // The clock's read, as it would be one moment before the organizer ends the contest.
        await using var stale = app.Database.NewContext();
        var clockView = await stale.Contests.SingleAsync(c => c.Id == s.ContestId);

        (await s.Organizer.PostAsJsonAsync($"/api/contests/{s.ContestId}/phase", new { to = ContestPhase.Ended }, ContestScenario.Json)).EnsureSuccessStatusCode();

        clockView.CatchUp(clock.GetUtcNow().UtcDateTime).ShouldBeTrue();   // it would freeze the contest…
        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => stale.SaveChangesAsync());   // …but the save is refused

        await using var db = app.Database.NewContext();
        (await db.Contests.SingleAsync(c => c.Id == s.ContestId)).Phase.ShouldBe(ContestPhase.Ended);
        (await s.TickAsync()).Failed.ShouldBe(0);   // and the real clock run afterwards finds nothing to undo
        (await db.Contests.AsNoTracking().SingleAsync(c => c.Id == s.ContestId)).Phase.ShouldBe(ContestPhase.Ended);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TwoRevealClicksReadAtOnce_BothCount(DatabaseProvider provider)
    {
        var clock = new FakeClock(DateTimeOffset.UtcNow);
        await using var app = await AppFactory.StartAsync(provider, AppFactory.ClockDrivenByTest(), clock);
        var s = await ContestScenario.CreateAsync(app, clock.GetUtcNow().UtcDateTime);
        await s.TickAsync();
        (await s.Organizer.PostAsJsonAsync($"/api/contests/{s.ContestId}/phase", new { to = ContestPhase.Ended }, ContestScenario.Json)).EnsureSuccessStatusCode();

        // Two clicks whose reads happened before either saved: both see no step revealed.
        await using var first = app.Database.NewContext();
        await using var second = app.Database.NewContext();
        var a = await first.Contests.SingleAsync(c => c.Id == s.ContestId);
        var b = await second.Contests.SingleAsync(c => c.Id == s.ContestId);
        a.RevealNext(ContestScenario.Group, 3);
        b.RevealNext(ContestScenario.Group, 3);
        await first.SaveChangesAsync();
        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        // The handler retries from a fresh read, so the second click still counts.
        (await s.Organizer.PostAsJsonAsync($"/api/contests/{s.ContestId}/reveal", new { group = ContestScenario.Group }, ContestScenario.Json)).EnsureSuccessStatusCode();
        await using var db = app.Database.NewContext();
        (await db.Contests.SingleAsync(c => c.Id == s.ContestId)).RevealedSteps(ContestScenario.Group).ShouldBe(2);
    }
}
