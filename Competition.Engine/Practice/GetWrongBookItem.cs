using Competition.Engine.Common;
using Competition.Engine.Exams;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Practice;

/// <summary>
/// One 错题本 item opened for review: the question, the worker's last wrong answer, the key and the explanation. Only the
/// worker's own entry, and — as in a drill — never while they sit an exam in that trade.
/// </summary>
public static class GetWrongBookItem
{
    public sealed record Query(Actor Actor, string QuestionId) : IRequest<Result>;

    public sealed record Option(string Key, string Html, bool IsKey, bool Chosen);

    /// <param name="LastAnswer">The last wrong answer as a worker reads it; null when it was not kept (entries from before).</param>
    public sealed record Result(string QuestionId, string TradeCode, string TradeName, SkillLevel Level, QuestionType Type, string StemHtml,
        IReadOnlyList<Option> Options, string? LastAnswer, string Key, string ExplanationHtml, int WrongCount, bool AnsweredRightOnce);

    public sealed class Handler(CompetitionDbContext db) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query q, CancellationToken ct)
        {
            var workerId = q.Actor.RequireWorker();
            var entry = await db.WrongBookEntries.AsNoTracking().FirstOrDefaultAsync(e => e.WorkerId == workerId && e.QuestionId == q.QuestionId, ct)
                        ?? throw new NotFoundException("错题", q.QuestionId);
            await BankAccess.EnsureMayDrillTradeAsync(db, workerId, entry.TradeCode, ct);
            var question = await db.Questions.AsNoTracking().Where(x => x.Id == q.QuestionId).Select(x => new { x.ContentJson, x.Sealed }).FirstAsync(ct);
            BankAccess.EnsureDrillable(q.QuestionId, question.Sealed);
            var content = QuestionContent.FromCanonicalJson(question.ContentJson);
            var name = await db.Trades.AsNoTracking().Where(t => t.Code == entry.TradeCode).Select(t => t.Name).FirstOrDefaultAsync(ct) ?? entry.TradeCode;
            var chosen = content.Type is QuestionType.Single or QuestionType.Multiple ? entry.LastResponse ?? "" : "";
            var options = content.Options.Select(o => new Option(o.Key, MarkdownRenderer.ToInlineHtml(o.Text), content.Answer.Contains(o.Key),
                chosen.Contains(o.Key, StringComparison.Ordinal))).ToList();
            return new Result(q.QuestionId, entry.TradeCode, name, content.Level, content.Type, MarkdownRenderer.ToHtml(content.Stem), options,
                Readable(content.Type, entry.LastResponse), KeyForWorker(content), MarkdownRenderer.ToHtml(content.Explanation), entry.WrongCount,
                entry.FirstRightDay is not null);
        }

        private static string? Readable(QuestionType type, string? response) => response is null ? null : type switch
        {
            QuestionType.TrueFalse => response == "true" ? "对" : response == "false" ? "错" : response,
            QuestionType.FillBlank => string.Join(" / ", Marker.FillResponses(response)),
            _ => response,
        };

        private static string KeyForWorker(QuestionContent q) => q.Type == QuestionType.FillBlank
            ? string.Join(" / ", q.Answer.Select(a => string.Join(" 或 ", a.Split('|'))))
            : q.AnswerDisplay;
    }
}
