using Competition.Engine.Common;
using Competition.Engine.Judging;
using Competition.Engine.Persistence;
using Competition.Engine.Scoreboards;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Contests;

/// <summary>
/// The reveal ceremony of one group: after the end, each step shows the next frozen row's final score, from the
/// bottom up. Each group has its own ceremony (and its own count of steps).
/// </summary>
public static class RevealNext
{
    public sealed record Command(Guid ContestId, string Group, Actor Actor) : IRequest<Board>;

    public sealed class Handler(CompetitionDbContext db, IMediator mediator, ScoreboardProjection projection) : IRequestHandler<Command, Board>
    {
        // Two quick clicks read the same step; the row version makes the second one count from the first one's result.
        public Task<Board> Handle(Command c, CancellationToken ct) =>
            Concurrency.RetryAsync(db, () => RevealAsync(c, ct), "揭晓进度刚被其他操作更改，请刷新页面后重试。");

        private async Task<Board> RevealAsync(Command c, CancellationToken ct)
        {
            var contest = await ContestAccess.ManagedAsync(db, c.ContestId, c.Actor, ct);
            var group = (c.Group ?? "").Trim();
            // The ceremony has one step per contestant of the group.
            contest.RevealNext(group, await db.Contestants.CountAsync(x => x.ContestId == contest.Id && x.Group == group, ct));
            await db.SaveChangesAsync(ct);
            await mediator.Publish(new ScoreChanged(contest.Id), ct);
            return await projection.CurrentAsync(contest.Id, group, false, ct);
        }
    }
}
