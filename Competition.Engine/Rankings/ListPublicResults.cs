using Competition.Engine.Contests;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Rankings;

/// <summary>
/// The public list of contests whose results are shown (成绩公示): one row per contest with a version in 公示 or final,
/// newest notice first. Drafts never appear here: a contest with only a draft is not listed, for anyone.
/// </summary>
public static class ListPublicResults
{
    public sealed record Query : IRequest<IReadOnlyList<Row>>;

    public sealed record Row(Guid ContestId, string Title, string Trade, string Level, string City, int Number, ResultState State,
        string StateName, DateTime? NoticeEndsAt, DateTime? FinalizedAt);

    public sealed class Handler(CompetitionDbContext db) : IRequestHandler<Query, IReadOnlyList<Row>>
    {
        public async Task<IReadOnlyList<Row>> Handle(Query q, CancellationToken ct)
        {
            var current = await db.ResultVersions.AsNoTracking().Where(v => v.State == ResultState.Notice || v.State == ResultState.Final)
                .Select(v => new { v.ContestId, v.Number, v.State, v.NoticeStartsAt, v.NoticeEndsAt, v.FinalizedAt }).ToListAsync(ct);
            var ids = current.Select(v => v.ContestId).Distinct().ToList();
            var contests = await db.Contests.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
            var trades = await db.Trades.AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.Name, ct);
            var cities = await db.Cities.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Name, ct);
            // One current version per contest (a correction's 公示 supersedes the last one); the highest number wins if ever two.
            return current.GroupBy(v => v.ContestId).Select(g => g.MaxBy(v => v.Number)!)
                .OrderByDescending(v => v.NoticeStartsAt)
                .Select(v =>
                {
                    var c = contests[v.ContestId];
                    return new Row(c.Id, c.Title, trades.GetValueOrDefault(c.TradeCode, c.TradeCode), ContestAccess.LevelName(c.Level),
                        c.CityCode.Length == 0 ? "" : cities.GetValueOrDefault(c.CityCode, c.CityCode), v.Number, v.State,
                        ResultVersion.StateName(v.State), v.NoticeEndsAt, v.FinalizedAt);
                }).ToList();
        }
    }
}
