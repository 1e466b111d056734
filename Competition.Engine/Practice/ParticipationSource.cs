using Competition.Engine.Exams;
using Competition.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Practice;

/// <summary>One sitting: a drill session or an exam attempt, by whom, when, for which unit, city and trade.</summary>
internal sealed record Sitting(Guid WorkerId, DateTime At, Guid UnitId, string CityCode, string TradeCode);

/// <summary>Reads the sittings of a period for participation statistics.</summary>
internal static class ParticipationSource
{
    /// <summary>Trade key for an exam whose blueprint spans several trades.</summary>
    public const string MixedExam = "*exam";

    /// <summary>
    /// Rows are totalled in memory: a month of a city is some thousands of rows, and grouping by China day in
    /// SQL would need provider-specific time-zone functions.
    /// </summary>
    public static async Task<List<Sitting>> LoadAsync(CompetitionDbContext db, DateTime fromUtc, DateTime toUtc, string? city, CancellationToken ct)
    {
        // Drill sessions carry the unit and city they were started for.
        var sittings = await db.PracticeSessions.AsNoTracking()
            .Where(s => s.StartedAt >= fromUtc && s.StartedAt < toUtc && (city == null || s.CityCode == city))
            .Select(s => new Sitting(s.WorkerId, s.StartedAt, s.UnitId, s.CityCode, s.TradeCode))
            .ToListAsync(ct);

        // Attempts know only the worker: the unit and city are the worker's.
        var attempts = await (from a in db.Attempts.AsNoTracking()
                              join w in db.Workers on a.WorkerId equals w.Id
                              join u in db.Units on w.UnitId equals u.Id
                              where a.StartedAt >= fromUtc && a.StartedAt < toUtc && (city == null || u.CityCode == city)
                              select new { a.WorkerId, a.StartedAt, UnitId = u.Id, u.CityCode, a.ExamId })
            .ToListAsync(ct);
        var trades = await ExamTradesAsync(db, attempts.Select(a => a.ExamId).Distinct().ToList(), ct);
        sittings.AddRange(attempts.Select(a => new Sitting(a.WorkerId, a.StartedAt, a.UnitId, a.CityCode, trades[a.ExamId])));
        return sittings;
    }

    /// <summary>An exam counts for its trade when its blueprint draws from one trade only.</summary>
    private static async Task<Dictionary<Guid, string>> ExamTradesAsync(CompetitionDbContext db, List<Guid> examIds, CancellationToken ct)
    {
        var result = new Dictionary<Guid, string>();
        foreach (var chunk in examIds.Chunk(500))
        {
            var exams = await db.Exams.AsNoTracking().Where(e => chunk.Contains(e.Id)).Select(e => new { e.Id, e.BlueprintJson }).ToListAsync(ct);
            foreach (var e in exams)
            {
                var codes = Blueprint.FromJson(e.BlueprintJson).Cells.Select(c => c.TradeCode).Distinct().ToList();
                result[e.Id] = codes.Count == 1 ? codes[0] : MixedExam;
            }
        }
        return result;
    }
}
