using Competition.Engine.Common;
using Competition.Engine.Exams;
using Competition.Engine.Judging;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Contests;

/// <summary>
/// "Do it now": moves a contest to the next phase ahead of its time (start, freeze, end, finalize), recording the
/// moment of the click as the moment of the step (the freeze that counts is this one, not the scheduled one). Ending
/// locks marking of every round and closes open theory attempts. Finalizing needs every task marked and signed off.
/// </summary>
public static class MoveContestPhase
{
    public sealed record Command(Guid ContestId, ContestPhase To, Actor Actor) : IRequest<ContestPhase>;

    public sealed class Handler(CompetitionDbContext db, IMediator mediator, TimeProvider clock) : IRequestHandler<Command, ContestPhase>
    {
        // The clock job (or another organizer) may move the contest at the same moment: the later save fails on the
        // contest's row version and this runs again from what they saved, instead of moving the contest back.
        public Task<ContestPhase> Handle(Command c, CancellationToken ct) =>
            Concurrency.RetryAsync(db, () => MoveAsync(c, ct), "竞赛阶段刚被其他操作更改，本次操作未执行，请刷新页面后重试。");

        private async Task<ContestPhase> MoveAsync(Command c, CancellationToken ct)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var contest = await ContestAccess.ManagedAsync(db, c.ContestId, c.Actor, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            // The clock job may not have caught up yet; "end now" on a running contest must not fail for that.
            contest.CatchUp(now);
            var (unmarked, unsigned) = c.To == ContestPhase.Finalized ? await ContestClock.OutstandingAsync(db, contest.Id, ct) : (0, 0);
            contest.MoveTo(c.To, now, unmarked, unsigned);
            // In the same transaction as the phase, so a refused save also leaves the theory attempts open.
            if (contest.Phase >= ContestPhase.Ended) await ContestClock.EndRoundsAsync(db, contest.Id, now, all: true, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            await mediator.Publish(new ScoreChanged(contest.Id), ct);
            return contest.Phase;
        }
    }
}
