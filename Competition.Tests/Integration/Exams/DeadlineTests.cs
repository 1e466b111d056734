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

/// <summary>
/// The server's deadline: the clock job closes attempts as each exam's rule says, after restarts too. Time is the fake
/// clock's and the job's command is sent by the test (the Quartz wiring has its own test in ContestClockTests), so
/// nothing here waits for a timer.
/// </summary>
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
        var app = keep is null ? await AppFactory.StartAsync(provider, AppFactory.ClockDrivenByTest(), clock) : AppFactory.StartOn(keep, AppFactory.ClockDrivenByTest(), clock);
        var organizer = await app.OrganizerClientAsync();
        var examId = await PublishedExamAsync(organizer, Standard, Settings(clock.GetUtcNow().UtcDateTime, overdue, grace, duration: 30));
        var (user, _) = await app.CreateWorkerAsync();
        var worker = await app.SignedInClientAsync(user);
        return (app, clock, worker, await StartAsync(worker, examId));
    }

    /// <summary>What the Quartz job does every second.</summary>
    private static Task<CloseDueAttempts.Result> TickAsync(AppFactory app) => app.SendAsync(new CloseDueAttempts.Command());

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AutoSubmit_TheClockSubmitsAtTheDeadline_AndLateSavesAreRefused(DatabaseProvider provider)
    {
        var (app, clock, worker, attempt) = await SittingAsync(provider, OverdueHandling.AutoSubmit);
        await using var _ = app;
        (await SaveAsync(worker, attempt, 0, "A", 1)).EnsureSuccessStatusCode();
        clock.Advance(TimeSpan.FromMinutes(29));
        (await TickAsync(app)).ShouldBe(new CloseDueAttempts.Result(0, 0, 0));
        (await StateAsync(app, attempt)).ShouldBe(AttemptState.InProgress);

        clock.Advance(TimeSpan.FromMinutes(1));
        (await TickAsync(app)).Submitted.ShouldBe(1);
        (await StateAsync(app, attempt)).ShouldBe(AttemptState.Submitted);
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
        (await TickAsync(app)).Overdue.ShouldBe(1);
        (await StateAsync(app, attempt)).ShouldBe(AttemptState.Overdue);
        (await SaveAsync(worker, attempt, 0, "A", 1)).StatusCode.ShouldBe(HttpStatusCode.OK);
        clock.Advance(TimeSpan.FromMinutes(3));
        await TickAsync(app);
        (await StateAsync(app, attempt)).ShouldBe(AttemptState.Overdue);   // 34 minutes in: still within the 5-minute grace
        clock.Advance(TimeSpan.FromMinutes(2));
        (await TickAsync(app)).Submitted.ShouldBe(1);
        (await StateAsync(app, attempt)).ShouldBe(AttemptState.Submitted);
        (await SaveAsync(worker, attempt, 0, "B", 2)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Abandon_LeavesTheAttemptUnscored(DatabaseProvider provider)
    {
        var (app, clock, _, attempt) = await SittingAsync(provider, OverdueHandling.Abandon);
        await using var __ = app;
        clock.Advance(TimeSpan.FromMinutes(31));
        (await TickAsync(app)).Abandoned.ShouldBe(1);
        (await StateAsync(app, attempt)).ShouldBe(AttemptState.Abandoned);
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
        await using var restarted = AppFactory.StartOn(db, AppFactory.ClockDrivenByTest(), clock);
        try
        {
            // The first run after the restart closes what fell due while the app was down; the second changes nothing.
            (await TickAsync(restarted)).Submitted.ShouldBe(1);
            (await StateAsync(restarted, attempt)).ShouldBe(AttemptState.Submitted);
            (await TickAsync(restarted)).ShouldBe(new CloseDueAttempts.Result(0, 0, 0));
        }
        finally { await db.DisposeAsync(); }
    }
}
