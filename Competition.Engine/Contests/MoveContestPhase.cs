using Competition.Engine.Common;
using Competition.Engine.Exams;
using Competition.Engine.Judging;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Contests;

/// <summary>
/// "Do it now": moves a contest to the next phase ahead of its time (start, freeze, end, finalize). Ending locks
/// marking of every round and closes open theory attempts. Finalizing needs every task marked and signed off.
/// </summary>
public static class MoveContestPhase
{
    public sealed record Command(Guid ContestId, ContestPhase To, Actor Actor) : IRequest<ContestPhase>;

    public sealed class Handler(CompetitionDbContext db, IMediator mediator, TimeProvider clock) : IRequestHandler<Command, ContestPhase>
    {
        public async Task<ContestPhase> Handle(Command c, CancellationToken ct)
        {
            var contest = await ContestAccess.ManagedAsync(db, c.ContestId, c.Actor, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            // The clock job may not have caught up yet (it runs every second); "end now" on a running contest must not fail for that.
            contest.CatchUp(now);
            var (unmarked, unsigned) = c.To == ContestPhase.Finalized ? await ContestClock.OutstandingAsync(db, contest.Id, ct) : (0, 0);
            contest.MoveTo(c.To, unmarked, unsigned);
            if (contest.Phase >= ContestPhase.Ended) await ContestClock.EndRoundsAsync(db, contest.Id, now, all: true, ct);
            await db.SaveChangesAsync(ct);
            await mediator.Publish(new ScoreChanged(contest.Id), ct);
            return contest.Phase;
        }
    }
}

/// <summary>
/// Moves contests and rounds through their times; run every second by the host. The database holds every time,
/// so after a restart whatever is overdue happens at once, and running it twice changes nothing.
/// </summary>
public static class ContestClock
{
    public sealed record Command : IRequest<int>;

    public sealed class Handler(CompetitionDbContext db, IMediator mediator, TimeProvider clock) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command c, CancellationToken ct)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var changed = new HashSet<Guid>();
            var active = await db.Contests.Where(x => x.Phase != ContestPhase.Finalized).ToListAsync(ct);
            foreach (var contest in active)
            {
                if (contest.CatchUp(now)) changed.Add(contest.Id);
                // Once the contest has ended, every round is over, whatever its own end time says.
                if (await EndRoundsAsync(db, contest.Id, now, all: contest.Phase >= ContestPhase.Ended, ct) > 0) changed.Add(contest.Id);
            }
            await db.SaveChangesAsync(ct);
            foreach (var id in changed) await mediator.Publish(new ScoreChanged(id), ct);
            return changed.Count;
        }
    }

    /// <summary>Locks rounds whose end has passed (or all of them) and brings their open theory attempts to their deadline now.</summary>
    internal static async Task<int> EndRoundsAsync(CompetitionDbContext db, Guid contestId, DateTime now, bool all, CancellationToken ct)
    {
        var ended = 0;
        foreach (var round in await db.Rounds.Where(r => r.ContestId == contestId && !r.MarkingLocked && (all || r.EndsAt <= now)).ToListAsync(ct))
        {
            round.End();
            ended++;
            if (round.ExamId is { } exam)
                await db.Attempts.Where(a => a.ExamId == exam && (a.State == AttemptState.InProgress || a.State == AttemptState.Overdue) && a.CloseAt > now)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.Deadline, now).SetProperty(a => a.CloseAt, now), ct);
        }
        return ended;
    }

    /// <summary>Items not yet fully marked, and tasks not signed off, across all contestants of the contest.</summary>
    internal static async Task<(int Unmarked, int Unsigned)> OutstandingAsync(CompetitionDbContext db, Guid contestId, CancellationToken ct)
    {
        var contestants = await db.Contestants.AsNoTracking().Where(x => x.ContestId == contestId).Select(x => x.Id).ToListAsync(ct);
        var roundIds = await db.Rounds.AsNoTracking().Where(r => r.ContestId == contestId).Select(r => r.Id).ToListAsync(ct);
        var tasks = await db.PracticalTasks.AsNoTracking().Where(t => roundIds.Contains(t.RoundId)).ToListAsync(ct);
        var signed = await db.TaskSignOffs.AsNoTracking().Where(s => contestants.Contains(s.ContestantId)).Select(s => new { s.ContestantId, s.TaskId }).ToListAsync(ct);
        var values = await MarkValues.ForContestAsync(db, contestId, asOf: null, ct);
        var unmarked = contestants.Sum(contestant => tasks.Sum(task => values.Score(contestant, task).Outstanding));
        return (unmarked, contestants.Count * tasks.Count - signed.Count);
    }
}
