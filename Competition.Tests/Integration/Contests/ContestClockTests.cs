using Competition.Engine.Contests;
using Competition.Engine.Exams;
using Competition.Engine.Judging;
using Competition.Engine.Persistence;
using Competition.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Competition.Tests.Integration.Exams.ExamScenario;

namespace Competition.Tests.Integration.Contests;

/// <summary>The clock: what is due moves, one contest at a time; ended contests are never read again; Quartz runs each job on its own.</summary>
public class ContestClockTests
{
    private static async Task<ContestPhase> PhaseAsync(AppFactory app, Guid contestId)
    {
        await using var db = app.Database.NewContext();
        return await db.Contests.Where(c => c.Id == contestId).Select(c => c.Phase).SingleAsync();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OneBrokenContest_DoesNotStopTheOthers_AndEndedContestsAreNotReadAgain(DatabaseProvider provider)
    {
        var clock = new FakeClock(DateTimeOffset.UtcNow);
        await using var app = await AppFactory.StartAsync(provider, AppFactory.ClockDrivenByTest(), clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var broken = await ContestScenario.CreateAsync(app, now);
        var good = await ContestScenario.CreateAsync(app, now);
        // Times stored out of order (as no form accepts today) make the broken contest's phase impossible to work out.
        await using (var db = app.Database.NewContext())
            await db.Contests.Where(c => c.Id == broken.ContestId).ExecuteUpdateAsync(u => u.SetProperty(c => c.FreezeAt, now.AddHours(5)));

        var first = await good.TickAsync();
        (first.Examined, first.Changed, first.Failed).ShouldBe((2, 1, 1));
        (await PhaseAsync(app, good.ContestId)).ShouldBe(ContestPhase.Running);

        clock.Advance(TimeSpan.FromMinutes(61));   // past the good contest's end
        (await good.TickAsync()).Changed.ShouldBe(1);
        (await PhaseAsync(app, good.ContestId)).ShouldBe(ContestPhase.Ended);
        await using (var db = app.Database.NewContext())
            (await db.Rounds.Where(r => r.ContestId == good.ContestId).AllAsync(r => r.MarkingLocked)).ShouldBeTrue();

        // From now on only the broken contest is still due; the ended one is not read at all.
        clock.Advance(TimeSpan.FromDays(1));
        var later = await good.TickAsync();
        (later.Examined, later.Changed, later.Failed).ShouldBe((1, 0, 1));
        (await good.TickAsync()).ShouldBe(later);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheQuartzJobs_CloseDueAttemptsAndMoveContests_EachOnItsOwnSchedule(DatabaseProvider provider)
    {
        // The one test of the real timers: both jobs are scheduled every second; the bound is generous for a busy machine.
        var clock = new FakeClock(DateTimeOffset.UtcNow);
        await using var app = await AppFactory.StartAsync(provider, clock: clock);
        var organizer = await app.OrganizerClientAsync();
        var examId = await PublishedExamAsync(organizer, Standard, Settings(clock.GetUtcNow().UtcDateTime, duration: 30));
        var (user, _) = await app.CreateWorkerAsync();
        var attempt = await StartAsync(await app.SignedInClientAsync(user), examId);
        var s = await ContestScenario.CreateAsync(app, clock.GetUtcNow().UtcDateTime);

        clock.Advance(TimeSpan.FromMinutes(31));   // the attempt's time is up and the contest's freeze has come
        (await EventuallyAsync(() => PhaseAsync(app, s.ContestId), p => p == ContestPhase.Frozen)).ShouldBe(ContestPhase.Frozen);
        await using var db = app.Database.NewContext();
        (await EventuallyAsync(() => db.Attempts.AsNoTracking().Where(a => a.Id == attempt).Select(a => a.State).SingleAsync(), st => st == AttemptState.Submitted))
            .ShouldBe(AttemptState.Submitted);
    }
}
