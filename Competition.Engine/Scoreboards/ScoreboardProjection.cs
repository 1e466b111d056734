using System.Collections.Concurrent;
using Competition.Engine.Judging;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Scoreboards;

/// <summary>Sends boards to their viewers. The host implements it (SignalR); the engine does not know how.</summary>
public interface IScoreboardPublisher
{
    Task PublishAsync(Board board, CancellationToken ct);
}

/// <summary>
/// The latest board per contest, group and audience, kept in memory. A score change recomputes the contest's
/// boards, stamps a new version and each row's rank move against the previous board, and hands them to the publisher.
/// </summary>
public sealed class ScoreboardProjection
{
    private readonly ConcurrentDictionary<(Guid, string, bool), Board> _boards = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _version;

    public async Task<Board> CurrentAsync(CompetitionDbContext db, Guid contestId, string group, bool jury, DateTime nowUtc, CancellationToken ct)
    {
        if (_boards.TryGetValue((contestId, group, jury), out var board)) return board;
        return (await RefreshAsync(db, contestId, nowUtc, ct)).First(b => b.Group == group && b.Jury == jury);
    }

    public async Task<IReadOnlyList<Board>> RefreshAsync(CompetitionDbContext db, Guid contestId, DateTime nowUtc, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var groups = (await db.Contests.AsNoTracking().Where(c => c.Id == contestId).Select(c => c.Groups).FirstAsync(ct)).Split('|');
            var boards = new List<Board>();
            foreach (var group in groups)
            foreach (var jury in new[] { false, true })
            {
                var fresh = await BoardCalculator.ComputeAsync(db, contestId, group, jury, nowUtc, ct);
                var previous = _boards.GetValueOrDefault((contestId, group, jury));
                var moves = previous is null ? new Dictionary<Guid, int>() : previous.Rows.ToDictionary(r => r.ContestantId, r => r.Rank);
                fresh = fresh with
                {
                    Version = Interlocked.Increment(ref _version),
                    Rows = fresh.Rows.Select(r => r with { Move = moves.TryGetValue(r.ContestantId, out var before) ? before - r.Rank : 0 }).ToList(),
                };
                _boards[(contestId, group, jury)] = fresh;
                boards.Add(fresh);
            }
            return boards;
        }
        finally { _gate.Release(); }
    }
}

/// <summary>Scores changed: refresh the contest's boards and push them; the public board of a frozen contest simply stays as it was.</summary>
public sealed class ScoreChangedHandler(CompetitionDbContext db, ScoreboardProjection projection, IEnumerable<IScoreboardPublisher> publishers, TimeProvider clock)
    : INotificationHandler<ScoreChanged>
{
    public async Task Handle(ScoreChanged notification, CancellationToken ct)
    {
        var boards = await projection.RefreshAsync(db, notification.ContestId, clock.GetUtcNow().UtcDateTime, ct);
        foreach (var publisher in publishers)
        foreach (var board in boards)
            await publisher.PublishAsync(board, ct);
    }
}
