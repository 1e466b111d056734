using Competition.Engine.Contests;
using Competition.Engine.Judging;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Scoreboards;

/// <summary>
/// The public boards anyone may open from the home page: contests under way or just ended (the reveal is shown
/// there), one board per group. The public board is open to all (<see cref="BoardAccess"/>), so a projector in the
/// hall needs no account: it clicks its way to the board.
/// </summary>
public static class ListPublicBoards
{
    public const int Limit = 20;

    public sealed record Query : IRequest<IReadOnlyList<Row>>;

    public sealed record Row(Guid ContestId, string Title, ContestPhase Phase, IReadOnlyList<string> Groups);

    public sealed class Handler(CompetitionDbContext db) : IRequestHandler<Query, IReadOnlyList<Row>>
    {
        public async Task<IReadOnlyList<Row>> Handle(Query q, CancellationToken ct)
        {
            var contests = await db.Contests.AsNoTracking()
                .Where(c => c.Phase == ContestPhase.Running || c.Phase == ContestPhase.Frozen || c.Phase == ContestPhase.Ended)
                .OrderByDescending(c => c.StartsAt).Take(Limit).ToListAsync(ct);
            return contests.Select(c => new Row(c.Id, c.Title, c.Phase, c.GroupList)).ToList();
        }
    }
}
