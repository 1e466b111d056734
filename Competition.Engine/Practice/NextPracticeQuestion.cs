using Competition.Engine.Common;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Practice;

/// <summary>
/// The next question of a drill: the questions the worker has seen least come first, so a drill walks the whole
/// bank before repeating; within equal counts by id (in order) or at random. Null when nothing qualifies. Exam-only
/// questions are never served, and nothing is served while the worker sits an exam in the session's trade.
/// </summary>
public static class NextPracticeQuestion
{
    public sealed record Query(Actor Actor, Guid SessionId) : IRequest<Result?>;

    public sealed record Option(string Key, string Html);

    /// <param name="Options">Original keys and rendered text; answers name options by these keys.</param>
    /// <param name="Answered">How many answers this session already holds; this question is number Answered + 1.</param>
    public sealed record Result(string QuestionId, int Version, QuestionType Type, SkillLevel Level, string StemHtml,
        IReadOnlyList<Option> Options, int Blanks, IReadOnlyList<string> KnowledgePoints, string TradeCode, PracticeMode Mode,
        int Answered, int Correct, int? SetSize = null);

    public sealed class Handler(CompetitionDbContext db) : IRequestHandler<Query, Result?>
    {
        public async Task<Result?> Handle(Query r, CancellationToken ct)
        {
            var s = await db.OwnSessionAsync(r.Actor, r.SessionId, track: false, ct);
            if (s.SetComplete) return null;   // the set is done: the page shows its summary
            await BankAccess.EnsureMayDrillTradeAsync(db, s.WorkerId, s.TradeCode, ct);
            var id = await NextIdAsync(s, ct);
            if (id is null) return null;
            var q = await db.Questions.AsNoTracking().Where(x => x.Id == id)
                .Select(x => new { x.Id, x.CurrentVersion, x.ContentJson }).FirstAsync(ct);
            var content = QuestionContent.FromCanonicalJson(q.ContentJson);
            // Options keep their order even in random mode, so the key shown after answering ("B") matches the letters on screen.
            var options = content.Options.Select(o => new Option(o.Key, MarkdownRenderer.ToInlineHtml(o.Text))).ToList();
            return new Result(q.Id, q.CurrentVersion, content.Type, content.Level, MarkdownRenderer.ToHtml(content.Stem), options,
                content.Type == QuestionType.FillBlank ? QuestionRules.CountBlanks(content.Stem) : 0, content.KnowledgePoints,
                s.TradeCode, s.Mode, s.Answered, s.Correct, s.SetSize);
        }

        private async Task<string?> NextIdAsync(PracticeSession s, CancellationToken ct)
        {
            var pool = db.Questions.AsNoTracking().Where(q => q.TradeCode == s.TradeCode && !q.IsSynthetic && !q.Sealed && !q.Retired);
            if (s.Level is { } level) pool = pool.Where(q => q.Level == level);
            if (s.KnowledgePoint is { } point)
            {
                var encoded = "|" + point + "|";
                pool = pool.Where(q => q.KnowledgePoints.Contains(encoded));
            }
            if (s.Mode == PracticeMode.WrongBook)
                pool = pool.Where(q => db.WrongBookEntries.Any(e => e.WorkerId == s.WorkerId && e.QuestionId == q.Id && e.MasteredAt == null));

            var ranked = from q in pool
                         join rec in db.PracticeRecords.Where(x => x.WorkerId == s.WorkerId) on q.Id equals rec.QuestionId into recs
                         from rec in recs.DefaultIfEmpty()
                         select new { q.Id, Seen = rec == null ? 0 : rec.Seen };
            var ordered = ranked.OrderBy(x => x.Seen);
            ordered = s.Mode == PracticeMode.Random ? ordered.ThenBy(x => EF.Functions.Random()) : ordered.ThenBy(x => x.Id);
            return await ordered.Select(x => x.Id).FirstOrDefaultAsync(ct);
        }
    }
}
