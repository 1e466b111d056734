using Competition.Engine.Common;
using Competition.Engine.Judging;
using Competition.Engine.Persistence;
using Competition.Engine.Scoreboards;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Contests;

/// <summary>The reveal ceremony: after the end, each step shows the next frozen row's final score, from the bottom up.</summary>
public static class RevealNext
{
    public sealed record Command(Guid ContestId, string Group, Actor Actor) : IRequest<Board>;

    public sealed class Handler(CompetitionDbContext db, IMediator mediator, ScoreboardProjection projection, TimeProvider clock) : IRequestHandler<Command, Board>
    {
        public async Task<Board> Handle(Command c, CancellationToken ct)
        {
            var contest = await ContestAccess.ManagedAsync(db, c.ContestId, c.Actor, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            // The ceremony has one step per contestant of the group.
            contest.RevealNext(await db.Contestants.CountAsync(x => x.ContestId == contest.Id && x.Group == c.Group, ct));
            await db.SaveChangesAsync(ct);
            await mediator.Publish(new ScoreChanged(contest.Id), ct);
            return await projection.CurrentAsync(db, contest.Id, c.Group, false, now, ct);
        }
    }
}
