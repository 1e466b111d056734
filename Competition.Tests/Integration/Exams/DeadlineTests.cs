using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Competition.Engine.Exams;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using Competition.Engine.QuestionBank.Sheets;
using Competition.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Competition.Tests.Integration.Exams.ExamScenario;

namespace Competition.Tests.Integration.Exams;

/// <summary>The server's deadline: Quartz closes attempts within seconds, after restarts too, as each exam's rule says.</summary>
public class DeadlineTests
{
    private static async Task<AttemptState> StateAsync(AppFactory app, Guid attemptId)
    {
        await using var db = app.Database.NewContext();
        return await db.Attempts.Where(a => a.Id == attemptId).Select(a => a.State).SingleAsync();
    }

    private static async Task<(AppFactory App, FakeClock Clock, HttpClient Worker, Guid Attempt)> SittingAsync(DatabaseProvider provider,
        OverdueHandling overdue, int grace = 0, TestDatabase? keep = null)
    {
        var clock = new FakeClock(DateTimeOffset.UtcNow);
        var app = keep is null ? await AppFactory.StartAsync(provider, clock: clock) : AppFactory.StartOn(keep, clock: clock);
        var organizer = await app.OrganizerClientAsync();
        var examId = await PublishedExamAsync(organizer, Standard, Settings(clock.GetUtcNow().UtcDateTime, overdue, grace, duration: 30));
        var (user, _) = await app.CreateWorkerAsync();
        var worker = await app.SignedInClientAsync(user);
        return (app, clock, worker, await StartAsync(worker, examId));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AutoSubmit_QuartzSubmitsWithinSecondsOfTheDeadline_AndLateSavesAreRefused(DatabaseProvider provider)
    {
        var (app, clock, worker, attempt) = await SittingAsync(provider, OverdueHandling.AutoSubmit);
        await using var _ = app;
        (await SaveAsync(worker, attempt, 0, "A", 1)).EnsureSuccessStatusCode();
        clock.Advance(TimeSpan.FromMinutes(29));
        await Task.Delay(1500);
        (await StateAsync(app, attempt)).ShouldBe(AttemptState.InProgress);

        clock.Advance(TimeSpan.FromMinutes(1));
        (await EventuallyAsync(() => StateAsync(app, attempt), s => s == AttemptState.Submitted, seconds: 5)).ShouldBe(AttemptState.Submitted);
        var late = await SaveAsync(worker, attempt, 1, "B", 2);
        late.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await late.Content.ReadAsStringAsync()).ShouldContain("已交卷");
        await using var db = app.Database.NewContext();
        (await db.AttemptAnswers.SingleAsync(a => a.AttemptId == attempt)).Response.ShouldBe("A");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GracePeriod_TakesAnswersUntilItEnds_ThenSubmits(DatabaseProvider provider)
    {
        var (app, clock, worker, attempt) = await SittingAsync(provider, OverdueHandling.GracePeriod, grace: 5);
        await using var _ = app;
        clock.Advance(TimeSpan.FromMinutes(31));
        (await EventuallyAsync(() => StateAsync(app, attempt), s => s == AttemptState.Overdue, seconds: 5)).ShouldBe(AttemptState.Overdue);
        (await SaveAsync(worker, attempt, 0, "A", 1)).StatusCode.ShouldBe(HttpStatusCode.OK);
        clock.Advance(TimeSpan.FromMinutes(5));
        (await EventuallyAsync(() => StateAsync(app, attempt), s => s == AttemptState.Submitted, seconds: 5)).ShouldBe(AttemptState.Submitted);
        (await SaveAsync(worker, attempt, 0, "B", 2)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Abandon_LeavesTheAttemptUnscored(DatabaseProvider provider)
    {
        var (app, clock, _, attempt) = await SittingAsync(provider, OverdueHandling.Abandon);
        await using var __ = app;
        clock.Advance(TimeSpan.FromMinutes(31));
        (await EventuallyAsync(() => StateAsync(app, attempt), s => s == AttemptState.Abandoned, seconds: 5)).ShouldBe(AttemptState.Abandoned);
        await using var db = app.Database.NewContext();
        (await db.Attempts.SingleAsync(a => a.Id == attempt)).Score.ShouldBeNull();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AfterARestart_OverdueAttemptsAreClosedAtOnce_AndClosingTwiceChangesNothing(DatabaseProvider provider)
    {
        var db = await TestDatabase.CreateAsync(provider);
        var (app, clock, worker, attempt) = await SittingAsync(provider, OverdueHandling.AutoSubmit, keep: db);
        (await SaveAsync(worker, attempt, 0, "A", 1)).EnsureSuccessStatusCode();
        await app.DisposeAsync(); // the app stops; its database stays
        clock.Advance(TimeSpan.FromHours(1));
        await using var restarted = AppFactory.StartOn(db, clock: clock);
        try
        {
            (await EventuallyAsync(() => StateAsync(restarted, attempt), s => s == AttemptState.Submitted, seconds: 5)).ShouldBe(AttemptState.Submitted);
            var again = await restarted.SendAsync(new CloseDueAttempts.Command());
            again.ShouldBe(new CloseDueAttempts.Result(0, 0, 0));
        }
        finally { await db.DisposeAsync(); }
    }
}
