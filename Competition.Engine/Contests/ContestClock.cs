using Competition.Engine.Exams;
using Competition.Engine.Judging;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Competition.Engine.Contests;

/// <summary>
/// Moves contests and rounds through their times; run every second by the host. It reads only what is due (a
/// contest's <see cref="Contest.NextDueAt"/>, a round's unlocked end), so ended contests are never read again. Each
/// contest is moved and saved on its own: one that cannot be moved is logged and the others still move. The database
/// holds every time, so after a restart whatever is overdue happens at once, and running it twice changes nothing.
/// </summary>
public static class ContestClock
{
    public sealed record Command : IRequest<Result>;

    /// <param name="Examined">Contests read because something of theirs was due.</param>
    /// <param name="Changed">Contests whose phase or rounds moved.</param>
    /// <param name="Failed">Contests that could not be moved this time (logged; tried again next time).</param>
    public sealed record Result(int Examined, int Changed, int Failed);

    public sealed class Handler(CompetitionDbContext db, IMediator mediator, TimeProvider clock, ILogger<Handler> log) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command c, CancellationToken ct)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var dueContests = await db.Contests.AsNoTracking().Where(x => x.NextDueAt != null && x.NextDueAt <= now).Select(x => x.Id).ToListAsync(ct);
            var dueRounds = await db.Rounds.AsNoTracking().Where(r => !r.MarkingLocked && r.EndsAt <= now).Select(r => r.ContestId).ToListAsync(ct);
            var ids = dueContests.Concat(dueRounds).Distinct().ToList();
            int changed = 0, failed = 0;
            foreach (var id in ids)
            {
                try
                {
                    if (!await MoveAsync(id, now, ct)) continue;
                    changed++;
                    await mediator.Publish(new ScoreChanged(id), ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    failed++;
                    db.ChangeTracker.Clear();
                    log.LogError(ex, "Contest {ContestId} could not be moved on; the other contests still move and it is tried again next time", id);
                }
            }
            return new Result(ids.Count, changed, failed);
        }

        private async Task<bool> MoveAsync(Guid contestId, DateTime now, CancellationToken ct)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var contest = await db.Contests.FirstAsync(x => x.Id == contestId, ct);
            var moved = contest.CatchUp(now);
            // Once the contest has ended, every round is over, whatever its own end time says.
            moved |= await EndRoundsAsync(db, contest.Id, now, all: contest.Phase >= ContestPhase.Ended, ct) > 0;
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException)
            {
                // A person moved the contest while this step read it: their step stands, the next run reads it afresh.
                db.ChangeTracker.Clear();
                return false;
            }
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
            return moved;
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
                await db.Attempts.Where(AnswerAcceptance.IsOpen).Where(a => a.ExamId == exam && a.CloseAt > now)
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
