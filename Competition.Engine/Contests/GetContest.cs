using Competition.Engine.Common;
using Competition.Engine.Organizations;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Contests;

/// <summary>
/// One contest as its organizers set it up and run it: rounds, registered contestants, and the cities whose people
/// its level admits. Only for the organizers who manage it.
/// </summary>
public static class GetContest
{
    public sealed record Query(Guid ContestId, Actor Actor) : IRequest<Result>;

    public sealed record Result(Contest Contest, IReadOnlyList<Round> Rounds, IReadOnlyList<Contestant> Contestants, IReadOnlyList<City> EntryCities);

    public sealed class Handler(CompetitionDbContext db) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query q, CancellationToken ct)
        {
            q.Actor.EnsureOrganizer();
            var contest = await db.Contests.AsNoTracking().FirstOrDefaultAsync(c => c.Id == q.ContestId, ct) ?? throw new NotFoundException("竞赛", q.ContestId);
            ContestAccess.EnsureMayManage(q.Actor, contest);
            var rounds = await db.Rounds.AsNoTracking().Where(r => r.ContestId == contest.Id).OrderBy(r => r.StartsAt).ToListAsync(ct);
            var contestants = await db.Contestants.AsNoTracking().Where(c => c.ContestId == contest.Id).OrderBy(c => c.Number).ToListAsync(ct);
            var cities = await db.Cities.AsNoTracking().OrderBy(c => c.Code).ToListAsync(ct);
            return new Result(contest, rounds, contestants, ContestAccess.EntryCities(contest, cities));
        }
    }
}
