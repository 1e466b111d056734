using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.QuestionBank;

/// <summary>Trades with their question counts and knowledge points, for filters and pickers.</summary>
public static class ListTrades
{
    public sealed record Query(bool IncludeSynthetic = false) : IRequest<IReadOnlyList<Row>>;

    public sealed record Row(string Code, string Name, string NameEn, string Category, int Questions, IReadOnlyList<string> KnowledgePoints);

    public sealed class Handler(CompetitionDbContext db) : IRequestHandler<Query, IReadOnlyList<Row>>
    {
        public async Task<IReadOnlyList<Row>> Handle(Query request, CancellationToken ct)
        {
            var trades = await db.Trades.AsNoTracking().Where(t => request.IncludeSynthetic || !t.IsSynthetic)
                .OrderBy(t => t.Category).ThenBy(t => t.Code).ToListAsync(ct);
            var points = await db.Questions.AsNoTracking().Where(q => request.IncludeSynthetic || !q.IsSynthetic)
                .Select(q => new { q.TradeCode, q.KnowledgePoints }).ToListAsync(ct);
            var byTrade = points.GroupBy(p => p.TradeCode).ToDictionary(g => g.Key, g => (Count: g.Count(),
                Points: g.SelectMany(p => p.KnowledgePoints.Split('|', StringSplitOptions.RemoveEmptyEntries)).Distinct().Order().ToList()));
            return trades.Select(t => byTrade.TryGetValue(t.Code, out var s)
                ? new Row(t.Code, t.Name, t.NameEn, t.Category, s.Count, s.Points)
                : new Row(t.Code, t.Name, t.NameEn, t.Category, 0, [])).ToList();
        }
    }
}
