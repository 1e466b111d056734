using System.Collections.Concurrent;
using Competition.Engine.Common;
using Competition.Engine.Judging;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Competition.Engine.Scoreboards;

/// <summary>Sends boards to their viewers. The host implements it (SignalR); the engine does not know how.</summary>
public interface IScoreboardPublisher
{
    Task PublishAsync(Board board, CancellationToken ct);
}

/// <summary>
/// The latest boards of each contest, kept in memory and refreshed in the background, one worker per contest: a score
/// change only marks the contest as stale and returns, so the judge's request never waits for a recompute or a push.
/// A burst of changes while a recompute runs is merged into one more recompute. Each recompute loads the contest's
/// data once for all its groups and both audiences, stamps a version and each row's rank move on every board that
/// changed, and hands those boards to the publishers; a publisher that fails is logged and the others still get them.
/// </summary>
public sealed class ScoreboardProjection(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ScoreboardProjection> log) : IAsyncDisposable, IDisposable
{
    private readonly ConcurrentDictionary<Guid, ContestBoards> _contests = new();
    private readonly CancellationTokenSource _stopping = new();
    // Versions only grow, across restarts too, so a client that kept the last version it saw accepts the new server's boards.
    private long _version = clock.GetUtcNow().ToUnixTimeMilliseconds() * 1000;

    /// <summary>Marks the contest's boards as stale; a background worker recomputes and pushes them. Never throws, never waits.</summary>
    public void Request(Guid contestId) => Request(_contests.GetOrAdd(contestId, id => new ContestBoards(id)));

    /// <summary>Whether the contest exists and has this group, without computing anything.</summary>
    public async Task<bool> ExistsAsync(Guid contestId, string group, CancellationToken ct) =>
        await KnownAsync(contestId, ct) is { } s && s.Groups!.Contains(group);

    /// <summary>
    /// The board as of every change made before this call (waiting for a pending recompute if there is one).
    /// </summary>
    /// <exception cref="NotFoundException">No such contest, or no such group in it: nothing is computed.</exception>
    public async Task<Board> CurrentAsync(Guid contestId, string group, bool jury, CancellationToken ct)
    {
        var s = await KnownAsync(contestId, ct) ?? throw new NotFoundException("竞赛", contestId);
        if (!s.Groups!.Contains(group)) throw new NotFoundException("排行榜", $"{group}（本竞赛的组别为 {string.Join("、", s.Groups)}）");
        long target;
        lock (s.Gate) target = s.Boards is null && s.Requested == s.Done && s.Worker is null ? 0 : s.Requested;
        if (target == 0) target = Request(s);
        await WaitAsync(s, target, ct);
        return s.Boards?.GetValueOrDefault((group, jury)) ?? throw new NotFoundException("排行榜", group);
    }

    /// <summary>How many times the contest's boards have been recomputed since the start (for monitoring and tests).</summary>
    public long Recomputes(Guid contestId) => _contests.TryGetValue(contestId, out var s) ? Interlocked.Read(ref s.Recomputes) : 0;

    private long Request(ContestBoards s)
    {
        lock (s.Gate)
        {
            var target = ++s.Requested;
            if (s.Worker is null && !_stopping.IsCancellationRequested) s.Worker = Task.Run(() => RunAsync(s));
            return target;
        }
    }

    private async Task<ContestBoards?> KnownAsync(Guid contestId, CancellationToken ct)
    {
        if (_contests.TryGetValue(contestId, out var known) && known.Groups is not null) return known;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CompetitionDbContext>();
        var groups = await db.Contests.AsNoTracking().Where(c => c.Id == contestId).Select(c => c.Groups).FirstOrDefaultAsync(ct);
        // Unknown ids get no state, so asking for random ids cannot fill the memory.
        if (groups is null) return null;
        var s = _contests.GetOrAdd(contestId, id => new ContestBoards(id));
        s.Groups ??= groups.Split('|', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        return s;
    }

    private static async Task WaitAsync(ContestBoards s, long target, CancellationToken ct)
    {
        TaskCompletionSource waiter;
        lock (s.Gate)
        {
            if (s.Done >= target) return;
            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            s.Waiters.Add((target, waiter));
        }
        await waiter.Task.WaitAsync(ct);
    }

    /// <summary>One contest's worker: recomputes until no request is left unserved, then ends (the next request starts another).</summary>
    private async Task RunAsync(ContestBoards s)
    {
        while (true)
        {
            long target;
            lock (s.Gate)
            {
                if (s.Done >= s.Requested || _stopping.IsCancellationRequested)
                {
                    s.Worker = null;
                    Release(s, _stopping.IsCancellationRequested ? new OperationCanceledException("停止中") : null, all: true);
                    return;
                }
                target = s.Requested;   // every request made so far is served by this one recompute
            }
            try { await RecomputeAsync(s, target, _stopping.Token); }
            catch (Exception ex)
            {
                if (ex is not OperationCanceledException) log.LogError(ex, "Boards of contest {ContestId} could not be recomputed; viewers keep the last boards", s.ContestId);
                lock (s.Gate)
                {
                    s.Done = Math.Max(s.Done, target);
                    // Stale boards are better than an error for someone opening the board; with none at all, say what failed.
                    Release(s, s.Boards is null ? ex : null, all: false);
                }
            }
        }
    }

    private async Task RecomputeAsync(ContestBoards s, long target, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CompetitionDbContext>();
        var data = await BoardData.LoadAsync(db, s.ContestId, ct);
        Interlocked.Increment(ref s.Recomputes);
        var previous = s.Boards ?? new Dictionary<(string, bool), Board>();
        var next = new Dictionary<(string, bool), Board>();
        var changed = new List<Board>();
        foreach (var fresh in data is null ? [] : BoardCalculator.ComputeAll(data, clock.GetUtcNow().UtcDateTime))
        {
            var key = (fresh.Group, fresh.Jury);
            var before = previous.GetValueOrDefault(key);
            if (before is not null && SameContent(before, fresh)) { next[key] = before; continue; }   // nothing to show: no new version, no push
            var stamped = fresh with { Version = Interlocked.Increment(ref _version), Rows = Moves(before, fresh) };
            next[key] = stamped;
            changed.Add(stamped);
        }
        lock (s.Gate)
        {
            if (data is not null) s.Groups = data.Contest.GroupList.ToHashSet();
            s.Boards = next;
            s.Done = Math.Max(s.Done, target);
            Release(s, null, all: false);
        }
        if (changed.Count == 0) return;
        foreach (var publisher in scope.ServiceProvider.GetServices<IScoreboardPublisher>())
        foreach (var board in changed)
        {
            try { await publisher.PublishAsync(board, ct); }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogWarning(ex, "Pushing board {Group}/{Audience} of contest {ContestId} through {Publisher} failed; its viewers catch up on the next change or when they rejoin",
                    board.Group, board.Jury ? "jury" : "public", board.ContestId, publisher.GetType().Name);
            }
        }
    }

    /// <summary>
    /// Rank moves against the board viewers saw before. A reveal step brings its own moves (against the previous step),
    /// worked out by the ceremony, since the board before may be several merged steps back.
    /// </summary>
    private static IReadOnlyList<BoardEntry> Moves(Board? before, Board fresh)
    {
        if (fresh.Frozen && fresh.RevealedSteps > 0) return fresh.Rows;
        var ranks = before?.Rows.ToDictionary(r => r.ContestantId, r => r.Rank) ?? [];
        return fresh.Rows.Select(r => r with { Move = ranks.TryGetValue(r.ContestantId, out var was) ? was - r.Rank : 0 }).ToList();
    }

    private static bool SameContent(Board a, Board b) =>
        a.Title == b.Title && a.Phase == b.Phase && a.Frozen == b.Frozen && a.RevealedSteps == b.RevealedSteps && a.RevealSteps == b.RevealSteps
        && a.Rows.Select(r => r with { Move = 0 }).SequenceEqual(b.Rows.Select(r => r with { Move = 0 }));

    /// <summary>Completes the waiters served by what is done (all of them when stopping); under the contest's lock.</summary>
    private static void Release(ContestBoards s, Exception? error, bool all)
    {
        for (var i = s.Waiters.Count - 1; i >= 0; i--)
        {
            var (target, waiter) = s.Waiters[i];
            if (!all && target > s.Done) continue;
            s.Waiters.RemoveAt(i);
            if (error is null) waiter.TrySetResult();
            else waiter.TrySetException(error);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stopping.Cancel();
        var running = _contests.Values.Select(s => { lock (s.Gate) return s.Worker; }).OfType<Task>().ToArray();
        try { await Task.WhenAll(running).WaitAsync(TimeSpan.FromSeconds(10)); }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException) { /* stopping anyway */ }
    }

    public void Dispose() => _stopping.Cancel();

    private sealed class ContestBoards(Guid contestId)
    {
        public readonly Guid ContestId = contestId;
        public readonly Lock Gate = new();
        public readonly List<(long Target, TaskCompletionSource Waiter)> Waiters = [];
        public long Requested, Done, Recomputes;
        public Task? Worker;
        public IReadOnlySet<string>? Groups;
        public IReadOnlyDictionary<(string Group, bool Jury), Board>? Boards;
    }
}

/// <summary>Scores changed: the contest's boards are marked stale and refreshed in the background; the sender does not wait.</summary>
public sealed class ScoreChangedHandler(ScoreboardProjection projection) : INotificationHandler<ScoreChanged>
{
    public Task Handle(ScoreChanged notification, CancellationToken ct)
    {
        projection.Request(notification.ContestId);
        return Task.CompletedTask;
    }
}
