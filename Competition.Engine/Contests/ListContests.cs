using Competition.Engine.Common;
using Competition.Engine.Judging;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Contests;

/// <summary>The contests an organizer manages (their city's; an admin's, all), newest first.</summary>
public static class ListContests
{
    public sealed record Query(Actor Actor) : IRequest<IReadOnlyList<Row>>;

    public sealed record Row(Guid Id, string Title, ContestLevel Level, ContestPhase Phase, DateTime StartsAt);

    public sealed class Handler(CompetitionDbContext db) : IRequestHandler<Query, IReadOnlyList<Row>>
    {
        public async Task<IReadOnlyList<Row>> Handle(Query q, CancellationToken ct)
        {
            q.Actor.EnsureOrganizer();
            return await ContestAccess.Managed(db.Contests.AsNoTracking(), q.Actor).OrderByDescending(c => c.StartsAt)
                .Select(c => new Row(c.Id, c.Title, c.Level, c.Phase, c.StartsAt)).Take(200).ToListAsync(ct);
        }
    }
}
