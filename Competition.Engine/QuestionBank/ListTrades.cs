using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.QuestionBank;

/// <summary>
/// Trades with their question counts and knowledge points, for filters and pickers; <c>DrillQuestions</c> counts what a
/// drill may serve (exam-only questions and banks left out).
/// </summary>
public static class ListTrades
{
    public sealed record Query(bool IncludeSynthetic = false) : IRequest<IReadOnlyList<Row>>;

    public sealed record Row(string Code, string Name, string NameEn, string Category, int Questions, IReadOnlyList<string> KnowledgePoints,
        bool Sealed = false, int DrillQuestions = 0);

    public sealed class Handler(CompetitionDbContext db) : IRequestHandler<Query, IReadOnlyList<Row>>
    {
        public async Task<IReadOnlyList<Row>> Handle(Query request, CancellationToken ct)
        {
            var trades = await db.Trades.AsNoTracking().Where(t => request.IncludeSynthetic || !t.IsSynthetic)
                .OrderBy(t => t.Category).ThenBy(t => t.Code).ToListAsync(ct);
            var points = await db.Questions.AsNoTracking().Where(q => request.IncludeSynthetic || !q.IsSynthetic)
                .Select(q => new { q.TradeCode, q.KnowledgePoints, q.Sealed }).ToListAsync(ct);
            var byTrade = points.GroupBy(p => p.TradeCode).ToDictionary(g => g.Key, g => (Count: g.Count(), Open: g.Count(p => !p.Sealed),
                Points: g.SelectMany(p => p.KnowledgePoints.Split('|', StringSplitOptions.RemoveEmptyEntries)).Distinct().Order().ToList()));
            return trades.Select(t => byTrade.TryGetValue(t.Code, out var s)
                ? new Row(t.Code, t.Name, t.NameEn, t.Category, s.Count, s.Points, t.Sealed, t.Sealed ? 0 : s.Open)
                : new Row(t.Code, t.Name, t.NameEn, t.Category, 0, [], t.Sealed)).ToList();
        }
    }
}
