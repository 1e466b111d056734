using Competition.Engine.Common;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Practice;

/// <summary>The worker's 错题本: questions still in the book, newest first.</summary>
public static class GetWrongBook
{
    public sealed record Query(Actor Actor, string? TradeCode = null) : IRequest<IReadOnlyList<Row>>;

    /// <param name="AddedOn">The China day the question (last) entered the book.</param>
    /// <param name="AnsweredRightOnce">Answered right on one day already: one more right answer on another day takes it out.</param>
    public sealed record Row(string QuestionId, string TradeCode, string TradeName, SkillLevel Level, QuestionType Type, string StemPreview,
        int WrongCount, DateOnly AddedOn, bool AnsweredRightOnce);

    public sealed class Handler(CompetitionDbContext db) : IRequestHandler<Query, IReadOnlyList<Row>>
    {
        public async Task<IReadOnlyList<Row>> Handle(Query r, CancellationToken ct)
        {
            var workerId = r.Actor.RequireWorker();
            var trade = string.IsNullOrWhiteSpace(r.TradeCode) ? null : r.TradeCode.Trim();
            var rows = await (from e in db.WrongBookEntries.AsNoTracking()
                              join q in db.Questions on e.QuestionId equals q.Id
                              join t in db.Trades on q.TradeCode equals t.Code
                              where e.WorkerId == workerId && e.MasteredAt == null && (trade == null || e.TradeCode == trade)
                              orderby e.AddedAt descending, e.QuestionId
                              select new { e.QuestionId, e.TradeCode, t.Name, q.Level, q.Type, q.Stem, e.WrongCount, e.AddedAt, e.FirstRightDay })
                .ToListAsync(ct);
            return rows.Select(x => new Row(x.QuestionId, x.TradeCode, x.Name, x.Level, x.Type, PracticeAccess.Preview(x.Stem), x.WrongCount,
                TimeZones.ShanghaiDay(x.AddedAt), x.FirstRightDay is not null)).ToList();
        }
    }
}
