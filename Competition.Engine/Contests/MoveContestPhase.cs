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
        public async Task<ContestPhase> Handle(Command c, CancellationToken ct)
        {
            var contest = await ContestAccess.ManagedAsync(db, c.ContestId, c.Actor, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            // The clock job may not have caught up yet; "end now" on a running contest must not fail for that.
            contest.CatchUp(now);
            var (unmarked, unsigned) = c.To == ContestPhase.Finalized ? await ContestClock.OutstandingAsync(db, contest.Id, ct) : (0, 0);
            contest.MoveTo(c.To, now, unmarked, unsigned);
            if (contest.Phase >= ContestPhase.Ended) await ContestClock.EndRoundsAsync(db, contest.Id, now, all: true, ct);
            await db.SaveChangesAsync(ct);
            await mediator.Publish(new ScoreChanged(contest.Id), ct);
            return contest.Phase;
        }
    }
}
