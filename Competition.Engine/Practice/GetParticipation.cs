using Competition.Engine.Common;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Practice;

/// <summary>
/// Participation in drills and exams for organizers: 人数 (distinct workers) and 人次 (sittings: drill sessions
/// plus exam attempts) by China day, trade, unit and city, with units and cities ranked by participation points.
/// </summary>
public static class GetParticipation
{
    public sealed record Query(Actor Actor, DateOnly From, DateOnly To, string? CityCode = null) : IRequest<Result>;

    public sealed record Line(string Key, string Name, int People, int Sittings);

    public sealed record Ranked(int Rank, string Key, string Name, string CityName, int People, int Sittings, int Points);

    /// <param name="CityCode">The city the figures cover; null for all cities (admins only).</param>
    public sealed record Result(DateOnly From, DateOnly To, string? CityCode, int People, int Sittings,
        IReadOnlyList<Line> ByDay, IReadOnlyList<Line> ByTrade, IReadOnlyList<Ranked> Units, IReadOnlyList<Ranked> Cities);

    public const int MaxDays = 366;

    public sealed class Validator : IValidator<Query>
    {
        public IEnumerable<ValidationError> Validate(Query q)
        {
            if (q.To < q.From) yield return new(nameof(q.To), "结束日期不能早于开始日期");
            else if (q.To.DayNumber - q.From.DayNumber + 1 > MaxDays) yield return new(nameof(q.To), $"统计区间最长 {MaxDays} 天，请缩短日期范围");
        }
    }

    public sealed class Handler(CompetitionDbContext db) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query q, CancellationToken ct)
        {
            q.Actor.EnsureOrganizer();
            var city = Scope(q.Actor, q.CityCode);
            var fromUtc = TimeZones.FromShanghai(q.From.ToDateTime(TimeOnly.MinValue));
            var toUtc = TimeZones.FromShanghai(q.To.AddDays(1).ToDateTime(TimeOnly.MinValue));
            var sittings = await ParticipationSource.LoadAsync(db, fromUtc, toUtc, city, ct);

            var cities = await db.Cities.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Name, ct);
            var trades = await db.Trades.AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.Name, ct);
            trades[ParticipationSource.MixedExam] = "理论考试（多工种）";
            var unitIds = sittings.Select(s => s.UnitId).Distinct().ToList();
            var units = new Dictionary<Guid, string>();
            foreach (var chunk in unitIds.Chunk(500))
                foreach (var u in await db.Units.AsNoTracking().Where(u => chunk.Contains(u.Id)).Select(u => new { u.Id, u.Name }).ToListAsync(ct))
                    units[u.Id] = u.Name;

            var byDay = sittings.GroupBy(s => TimeZones.ShanghaiDay(s.At)).OrderBy(g => g.Key)
                .Select(g => Line(g.Key.ToString("yyyy-MM-dd"), g.Key.ToString("yyyy-MM-dd"), g)).ToList();
            var byTrade = sittings.GroupBy(s => s.TradeCode).Select(g => Line(g.Key, trades.GetValueOrDefault(g.Key, g.Key), g))
                .OrderByDescending(l => l.Sittings).ThenBy(l => l.Name, StringComparer.Ordinal).ToList();
            var byUnit = sittings.GroupBy(s => (s.UnitId, s.CityCode))
                .Select(g => (Line: Line(g.Key.UnitId.ToString(), units.GetValueOrDefault(g.Key.UnitId, "（已删除的单位）"), g), City: g.Key.CityCode));
            var byCity = sittings.GroupBy(s => s.CityCode).Select(g => (Line: Line(g.Key, cities.GetValueOrDefault(g.Key, g.Key), g), City: g.Key));

            return new Result(q.From, q.To, city, sittings.Select(s => s.WorkerId).Distinct().Count(), sittings.Count, byDay, byTrade,
                Rank(byUnit, cities), Rank(byCity, cities));
        }

        private static Line Line(string key, string name, IEnumerable<Sitting> group)
        {
            var list = group.ToList();
            return new Line(key, name, list.Select(s => s.WorkerId).Distinct().Count(), list.Count);
        }

        private static List<Ranked> Rank(IEnumerable<(Line Line, string City)> rows, Dictionary<string, string> cities) =>
            ParticipationPoints.Rank(rows.OrderBy(r => r.Line.Name, StringComparer.Ordinal), r => ParticipationPoints.For(r.Line.People, r.Line.Sittings))
                .Select(x => new Ranked(x.Rank, x.Item.Line.Key, x.Item.Line.Name, cities.GetValueOrDefault(x.Item.City, x.Item.City),
                    x.Item.Line.People, x.Item.Line.Sittings, ParticipationPoints.For(x.Item.Line.People, x.Item.Line.Sittings)))
                .ToList();

        /// <summary>Organizers see their own city only; admins see every city, or the one they ask for.</summary>
        private static string? Scope(Actor actor, string? requested)
        {
            var wanted = string.IsNullOrWhiteSpace(requested) ? null : requested.Trim();
            if (actor.IsAdmin) return wanted;
            if (actor.CityCode is null) throw new ForbiddenException("组织者账号未分配城市，无法查看参与统计，请联系管理员。");
            if (wanted is not null && wanted != actor.CityCode)
                throw new ForbiddenException($"组织者只能查看本市（{actor.CityCode}）的参与统计，不能查看 {wanted} 的数据。");
            return actor.CityCode;
        }
    }
}
