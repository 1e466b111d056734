using Competition.Engine.Common;
using Competition.Engine.Exams;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Practice;

/// <summary>
/// Marks one drill answer at once and shows the key and explanation. A wrong answer puts the question in the
/// wrong book; right answers on two different China days take it out. Short answers are not marked by the
/// machine: the worker compares with the reference answer, and they never go into the wrong book.
/// </summary>
public static class AnswerPracticeQuestion
{
    /// <param name="Response">Original option keys ("B", "ACD"), "true"/"false", a JSON array for fill-ins, or text.</param>
    /// <param name="Version">The version shown; marking uses it even if the bank changed since.</param>
    public sealed record Command(Actor Actor, Guid SessionId, string QuestionId, string? Response, int? Version = null) : IRequest<Result>;

    /// <param name="Awarded">1 or 0; null when a person must judge (short answers).</param>
    public sealed record Result(bool Correct, double? Awarded, bool NeedsPerson, string AnswerDisplay, string ExplanationHtml,
        bool WentIntoWrongBook, bool LeftWrongBook, int SessionAnswered, int SessionCorrect, int? SetSize = null)
    {
        /// <summary>The answer ended the set: the page leads to the set's summary instead of a next question.</summary>
        public bool SetComplete => SetSize is { } size && SessionAnswered >= size;
    }

    public sealed class Validator : IValidator<Command>
    {
        public IEnumerable<ValidationError> Validate(Command c)
        {
            if (string.IsNullOrWhiteSpace(c.QuestionId)) yield return new(nameof(c.QuestionId), "缺少题目编号");
            if (string.IsNullOrWhiteSpace(c.Response) || Marker.FillResponses(c.Response).All(string.IsNullOrWhiteSpace))
                yield return new(nameof(c.Response), "请先作答再提交");
        }
    }

    public sealed class Handler(CompetitionDbContext db, TimeProvider clock) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command c, CancellationToken ct)
        {
            var session = await db.OwnSessionAsync(c.Actor, c.SessionId, track: true, ct);
            var q = await db.Questions.AsNoTracking().Where(x => x.Id == c.QuestionId && !x.IsSynthetic)
                        .Select(x => new { x.Id, x.TradeCode, x.Level, x.KnowledgePoints, x.CurrentVersion, x.ContentJson, x.Sealed }).FirstOrDefaultAsync(ct)
                    ?? throw new NotFoundException("题目", c.QuestionId);
            if (q.TradeCode != session.TradeCode)
                throw new RuleViolationException($"题目 {q.Id} 不属于本次练习的工种（{session.TradeCode}），请在练习页面作答当前题目。");
            // The answer returns the key: never for an exam-only question, nor during an exam in this trade.
            BankAccess.EnsureDrillable(q.Id, q.Sealed);
            await BankAccess.EnsureMayDrillTradeAsync(db, session.WorkerId, session.TradeCode, ct);
            var json = c.Version is { } v && v != q.CurrentVersion
                ? await db.QuestionVersions.AsNoTracking().Where(x => x.QuestionId == q.Id && x.Version == v).Select(x => x.ContentJson).FirstOrDefaultAsync(ct)
                  ?? throw new NotFoundException("题目版本", $"{q.Id} v{v}")
                : q.ContentJson;
            var content = QuestionContent.FromCanonicalJson(json);
            var mark = Marker.Mark(content, c.Response, points: 1);
            var now = clock.GetUtcNow().UtcDateTime;

            var record = await db.PracticeRecords.FindAsync([session.WorkerId, q.Id], ct);
            if (record is null)
                db.PracticeRecords.Add(record = new PracticeRecord(session.WorkerId, q.Id, q.TradeCode, q.Level, q.KnowledgePoints));
            record.Record(mark.Correct, now);
            session.Record(mark.Correct, now, mark.NeedsPerson);
            var (went, left) = mark.NeedsPerson ? (false, false) : await UpdateWrongBookAsync(session.WorkerId, q.Id, q.TradeCode, mark.Correct, c.Response, now, ct);
            await db.SaveChangesAsync(ct);

            return new Result(mark.Correct, mark.Awarded, mark.NeedsPerson, KeyForWorker(content), MarkdownRenderer.ToHtml(content.Explanation),
                went, left, session.Answered, session.Correct, session.SetSize);
        }

        /// <summary>Accepted alternatives of a blank are stored as "2|2mm"; a worker reads "2 或 2mm".</summary>
        private static string KeyForWorker(QuestionContent q) => q.Type == QuestionType.FillBlank
            ? string.Join(" / ", q.Answer.Select(a => string.Join(" 或 ", a.Split('|'))))
            : q.AnswerDisplay;

        /// <summary>Returns whether the question has just entered the book, and whether it has just left it.</summary>
        private async Task<(bool Went, bool Left)> UpdateWrongBookAsync(Guid workerId, string questionId, string tradeCode, bool correct, string? response, DateTime now, CancellationToken ct)
        {
            var entry = await db.WrongBookEntries.FindAsync([workerId, questionId], ct);
            if (correct) return (false, entry is not null && entry.AnsweredRight(TimeZones.ShanghaiDay(now), now));
            if (entry is null)
            {
                db.WrongBookEntries.Add(new WrongBookEntry(workerId, questionId, tradeCode, now, response));
                return (true, false);
            }
            var wasActive = entry.IsActive;
            entry.AnsweredWrong(now, response);
            return (!wasActive, false);
        }
    }
}
