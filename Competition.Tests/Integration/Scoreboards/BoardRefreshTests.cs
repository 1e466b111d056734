using System.Collections.Concurrent;
using System.Net;
using Competition.Engine.Persistence;
using Competition.Engine.Scoreboards;
using Competition.Tests.Infrastructure;
using Competition.Tests.Integration.Contests;
using Microsoft.Extensions.DependencyInjection;

namespace Competition.Tests.Integration.Scoreboards;

/// <summary>Boards are refreshed in the background per contest: the judge's request never waits for, nor fails on, a push.</summary>
public class BoardRefreshTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);   // only against a hang; each wait ends on an event

    /// <summary>A publisher whose every push fails, as a broken SignalR backplane would.</summary>
    private sealed class FailingPublisher : IScoreboardPublisher
    {
        public Task PublishAsync(Board board, CancellationToken ct) => throw new InvalidOperationException("backplane down");
    }

    /// <summary>Keeps every board it is given and lets a test wait for one.</summary>
    private sealed class RecordingPublisher : IScoreboardPublisher
    {
        private readonly ConcurrentQueue<Board> _boards = new();
        private readonly SemaphoreSlim _arrived = new(0);

        public Task PublishAsync(Board board, CancellationToken ct)
        {
            _boards.Enqueue(board);
            _arrived.Release();
            return Task.CompletedTask;
        }

        public async Task<Board> WaitForAsync(Func<Board, bool> match)
        {
            using var cts = new CancellationTokenSource(Bound);
            while (true)
            {
                if (_boards.FirstOrDefault(match) is { } found) return found;
                await _arrived.WaitAsync(cts.Token);
            }
        }
    }

    /// <summary>Once armed, holds the first push until released: a recompute stuck on a slow push.</summary>
    private sealed class GatedPublisher : IScoreboardPublisher
    {
        private readonly SemaphoreSlim _release = new(0);
        private int _armed;
        public readonly TaskCompletionSource Entered = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Arm() => Interlocked.Exchange(ref _armed, 1);

        public void Release() => _release.Release();

        public async Task PublishAsync(Board board, CancellationToken ct)
        {
            if (Interlocked.Exchange(ref _armed, 0) == 0) return;
            Entered.TrySetResult();
            await _release.WaitAsync(ct);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task APublisherThatFails_NeverFailsTheMark_AndTheOtherPublishersStillGetTheBoards(DatabaseProvider provider)
    {
        var recorder = new RecordingPublisher();
        await using var app = await AppFactory.StartAsync(provider, AppFactory.ClockDrivenByTest(), services: s =>
        {
            s.AddSingleton<IScoreboardPublisher, FailingPublisher>();   // registered before the recorder: its failure must not stop the recorder
            s.AddSingleton<IScoreboardPublisher>(recorder);
        });
        var s = await ContestScenario.CreateAsync(app, DateTime.UtcNow);

        var res = await s.MarkAsync(s.Judges[0], "A001", ("M1", 1), ("M2", 20.00));
        res.StatusCode.ShouldBe(HttpStatusCode.OK, await res.Content.ReadAsStringAsync());
        var pushed = await recorder.WaitForAsync(b => b.Jury && b.Rows.Any(r => r.Number == "A001" && r.Practical == 30));
        pushed.Rows[0].Number.ShouldBe("A001");
        (await s.BoardAsync(jury: true)).Rows.Single(r => r.Number == "A001").Practical.ShouldBe(30);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ABurstOfMarks_IsMergedIntoFarFewerRecomputes_AndNoMarkWaitsForThePush(DatabaseProvider provider)
    {
        var gate = new GatedPublisher();
        await using var app = await AppFactory.StartAsync(provider, AppFactory.ClockDrivenByTest(), services: s => s.AddSingleton<IScoreboardPublisher>(gate));
        var s = await ContestScenario.CreateAsync(app, DateTime.UtcNow);
        var judge = await app.SignedInClientAsync(s.Judges[0]);
        await s.BoardAsync(jury: true);   // the contest's boards are computed and nothing is pending
        var projection = app.Services.GetRequiredService<ScoreboardProjection>();
        var before = projection.Recomputes(s.ContestId);

        gate.Arm();
        (await Mark(judge, s, "A001", 19.990)).EnsureSuccessStatusCode();
        await gate.Entered.Task.WaitAsync(Bound);   // the recompute for that mark is now stuck pushing
        const int burst = 20;
        for (var i = 1; i <= burst; i++)
        {
            // Every mark is stored and answered while the push is still stuck.
            var res = await Mark(judge, s, $"A00{i % 3 + 1}", 19.990 + i * 0.001);
            res.StatusCode.ShouldBe(HttpStatusCode.OK, await res.Content.ReadAsStringAsync());
        }
        gate.Release();

        var board = await s.BoardAsync(jury: true);   // waits for every change made so far
        board.Rows.ShouldAllBe(r => r.Practical == 30);   // M1 and M2 in tolerance for everyone
        await using (var db = app.Database.NewContext())
            db.ItemMarks.Single(m => m.ContestantId == s.Contestants["A001"] && m.ItemCode == "M2").Value.ShouldBe(20.008);   // A001's last value (i = 18)
        var recomputes = projection.Recomputes(s.ContestId) - before;
        recomputes.ShouldBeLessThanOrEqualTo(3, $"{burst + 1} marks gave {recomputes} recomputes");
    }

    private static Task<HttpResponseMessage> Mark(HttpClient judge, ContestScenario s, string number, double measured) =>
        System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(judge, "/api/marks", new
        {
            contestantId = s.Contestants[number], taskId = s.TaskId,
            marks = new object[] { new { itemCode = "M1", value = 1 }, new { itemCode = "M2", value = Math.Round(measured, 3) } },
        });

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnUnknownContestOrGroup_IsNotFound_AndNothingIsComputed(DatabaseProvider provider)
    {
        await using var app = await AppFactory.StartAsync(provider, AppFactory.ClockDrivenByTest());
        var s = await ContestScenario.CreateAsync(app, DateTime.UtcNow);
        await s.BoardAsync(jury: false);
        var projection = app.Services.GetRequiredService<ScoreboardProjection>();
        var before = projection.Recomputes(s.ContestId);

        (await app.NewClient().GetAsync($"/api/contests/{Guid.NewGuid()}/board?group={Uri.EscapeDataString(ContestScenario.Group)}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var unknownGroup = await app.NewClient().GetAsync($"/api/contests/{s.ContestId}/board?group={Uri.EscapeDataString("不存在的组")}");
        unknownGroup.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await unknownGroup.Content.ReadAsStringAsync()).ShouldContain("职工组");   // says which groups there are
        (await s.Organizer.GetAsync($"/api/contests/{s.ContestId}/board?group=x&jury=true")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        projection.Recomputes(s.ContestId).ShouldBe(before);
        projection.Recomputes(Guid.NewGuid()).ShouldBe(0);
    }
}
