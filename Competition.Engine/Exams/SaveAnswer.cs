using Competition.Engine.Common;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Exams;

/// <summary>
/// Saves one answer the moment it is given, by the protocol of <see cref="AnswerSaves"/>: the server issues versions,
/// a stale view never overwrites a newer answer (it is told the newer one), the same browser's later answer always
/// goes through, and a retried save already stored is acknowledged again. A save after the deadline (plus any grace)
/// is refused. "Stored" is only ever said of what the database now holds.
/// </summary>
public static class SaveAnswer
{
    public sealed record Command(Guid AttemptId, int Item, string Response, bool Flagged, long Base, string Writer, long WriterSeq, Actor Actor) : IRequest<Result>;

    /// <param name="Stored">True only when the database holds exactly this answer.</param>
    /// <param name="Version">The item's version now stored: this answer's, or the newer one's.</param>
    /// <param name="Response">When not stored: the newer answer the server holds, for the page to show.</param>
    public sealed record Result(bool Stored, long Version, DateTime SavedAt, string? Response, bool Flagged);

    public sealed class Validator : IValidator<Command>
    {
        public IEnumerable<ValidationError> Validate(Command c)
        {
            if (c.Item < 0) yield return new(nameof(c.Item), "题号无效");
            if (c.Base is < 0 or > AnswerSaves.MaxVersion) yield return new(nameof(c.Base), $"版本号应在 0–{AnswerSaves.MaxVersion} 之间，请刷新页面后重试");
            if (!AnswerSaves.IsValidWriter(c.Writer)) yield return new(nameof(c.Writer), "浏览器标识无效（8–64 位字母、数字、- 或 _），请刷新页面后重试");
            if (c.WriterSeq is < 1 or > AnswerSaves.MaxWriterSeq) yield return new(nameof(c.WriterSeq), $"序号应在 1–{AnswerSaves.MaxWriterSeq} 之间，请刷新页面后重试");
            if (c.Response.Length > AnswerSaves.MaxResponseLength) yield return new(nameof(c.Response), $"答案过长（最多 {AnswerSaves.MaxResponseLength} 字），请精简后再保存");
        }
    }

    public sealed class Handler(CompetitionDbContext db, PaperCache papers, AttemptDirectory attempts, AnswerWriter writer, TimeProvider clock)
        : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command c, CancellationToken ct)
        {
            var owner = await attempts.OwnerAsync(db, c.AttemptId, ct) ?? throw new NotFoundException("作答", c.AttemptId);
            AttemptAccess.EnsureOwner(c.Actor, owner.WorkerId);
            var count = (await papers.ItemsAsync(db, owner.PaperId, ct)).Count;
            if (c.Item >= count) throw new ValidationException([new(nameof(c.Item), $"题号 {c.Item + 1} 超出试卷范围（共 {count} 题）")]);

            var now = clock.GetUtcNow().UtcDateTime;
            var outcome = await writer.SaveAsync(new AnswerSave(c.AttemptId, c.Item, c.Response, c.Flagged, c.Base, c.Writer, c.WriterSeq), now);
            if (outcome.Status == SaveStatus.Closed)
            {
                // Say exactly why: submitted, abandoned, or past the deadline (plus grace).
                attempts.Forget(c.AttemptId);
                var state = await db.Attempts.AsNoTracking().Where(a => a.Id == c.AttemptId).Select(a => new { a.State, a.CloseAt }).FirstOrDefaultAsync(ct);
                throw new RuleViolationException(state is null ? Closed : AnswerAcceptance.Refusal(state.State, state.CloseAt, now) ?? Closed);
            }
            return new Result(outcome.Status == SaveStatus.Stored, outcome.Version, outcome.SavedAt, outcome.Response, outcome.Flagged);
        }

        private const string Closed = "本次作答已结束，此答案未被接受。";
    }
}
