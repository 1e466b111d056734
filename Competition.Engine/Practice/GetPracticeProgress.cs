using Competition.Engine.Common;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Practice;

/// <summary>A worker's own progress per trade: how much of the bank is done, and where the weak points are.</summary>
public static class GetPracticeProgress
{
    public sealed record Query(Actor Actor) : IRequest<IReadOnlyList<TradeProgress>>;

    /// <param name="Marked">Answers the machine marked; short answers are self-assessed and left out of accuracy.</param>
    /// <param name="Accuracy">Percent of marked answers that were right; null when none were marked.</param>
    public sealed record Tally(string Label, int Answers, int Marked, int Correct)
    {
        public double? Accuracy => PracticeAccess.Accuracy(Correct, Marked);
    }

    /// <param name="QuestionsDone">Distinct questions answered at least once.</param>
    /// <param name="ByKnowledgePoint">Weakest first, so the page leads with what to practise.</param>
    public sealed record TradeProgress(string TradeCode, string TradeName, int BankSize, int QuestionsDone, Tally Overall,
        IReadOnlyList<Tally> ByKnowledgePoint, IReadOnlyList<Tally> ByLevel, int SelfRight = 0, int SelfPartly = 0, int SelfWrong = 0)
    {
        /// <summary>Short answers the worker judged (by their latest judgement of each question).</summary>
        public int SelfAssessed => SelfRight + SelfPartly + SelfWrong;
    }

    private sealed record Line(string TradeCode, SkillLevel Level, string KnowledgePoints, int Seen, int Correct, bool Marked, SelfAssessment? Self);

    public sealed class Handler(CompetitionDbContext db) : IRequestHandler<Query, IReadOnlyList<TradeProgress>>
    {
        public async Task<IReadOnlyList<TradeProgress>> Handle(Query r, CancellationToken ct)
        {
            var workerId = r.Actor.RequireWorker();
            // One row per question the worker has answered: small enough to total in memory.
            var lines = await (from rec in db.PracticeRecords.AsNoTracking()
                               join q in db.Questions on rec.QuestionId equals q.Id
                               where rec.WorkerId == workerId
                               select new Line(rec.TradeCode, rec.Level, rec.KnowledgePoints, rec.Seen, rec.Correct, q.Type != QuestionType.ShortAnswer, rec.SelfAssessment))
                .ToListAsync(ct);
            var codes = lines.Select(l => l.TradeCode).Distinct().ToList();
            var names = await db.Trades.AsNoTracking().Where(t => codes.Contains(t.Code)).ToDictionaryAsync(t => t.Code, t => t.Name, ct);
            var sizes = await db.Questions.AsNoTracking().Where(q => codes.Contains(q.TradeCode) && !q.IsSynthetic)
                .GroupBy(q => q.TradeCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);

            return lines.GroupBy(l => l.TradeCode).OrderBy(g => names.GetValueOrDefault(g.Key, g.Key)).Select(g => new TradeProgress(
                g.Key, names.GetValueOrDefault(g.Key, g.Key), sizes.GetValueOrDefault(g.Key), g.Count(), Total("合计", g),
                g.SelectMany(l => l.KnowledgePoints.Split('|', StringSplitOptions.RemoveEmptyEntries).Select(p => (Point: p, Line: l)))
                    .GroupBy(x => x.Point).Select(p => Total(p.Key, p.Select(x => x.Line)))
                    .OrderBy(t => t.Accuracy ?? 101).ThenBy(t => t.Label, StringComparer.Ordinal).ToList(),
                g.GroupBy(l => l.Level).OrderByDescending(l => l.Key).Select(l => Total(l.Key.Title(), l)).ToList(),
                g.Count(l => l.Self == SelfAssessment.Right), g.Count(l => l.Self == SelfAssessment.Partly), g.Count(l => l.Self == SelfAssessment.Wrong))).ToList();
        }

        private static Tally Total(string label, IEnumerable<Line> lines)
        {
            var list = lines.ToList();
            return new Tally(label, list.Sum(l => l.Seen), list.Where(l => l.Marked).Sum(l => l.Seen), list.Where(l => l.Marked).Sum(l => l.Correct));
        }
    }
}
