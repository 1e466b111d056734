using Competition.Engine.Common;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Exams;

/// <summary>
/// Saves one answer the moment it is given. The client numbers its saves; the stored row only moves forward,
/// so a stale tab or a retried request never overwrites a newer answer, and a retry of the same save is
/// acknowledged again. A save after the deadline (plus any grace) is refused.
/// </summary>
public static class SaveAnswer
{
    public sealed record Command(Guid AttemptId, int Item, string Response, bool Flagged, long Sequence, Actor Actor) : IRequest<Result>;

    /// <param name="Stored">The sequence now stored for the item: the client's own, or a newer one it must not overwrite.</param>
    public sealed record Result(long Stored, bool Newer, DateTime SavedAt);

    public sealed class Validator : IValidator<Command>
    {
        public IEnumerable<ValidationError> Validate(Command c)
        {
            if (c.Item < 0) yield return new(nameof(c.Item), "题号无效");
            if (c.Sequence < 1) yield return new(nameof(c.Sequence), "序号必须从 1 开始递增");
            if (c.Response.Length > 20_000) yield return new(nameof(c.Response), "答案过长（最多 20000 字）");
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
            var outcome = await writer.SaveAsync(c.AttemptId, c.Item, c.Response, c.Flagged, c.Sequence, now);
            if (outcome.Status == SaveStatus.Closed)
            {
                // Say exactly why: submitted, abandoned, or past the deadline (plus grace).
                var attempt = await db.Attempts.AsNoTracking().FirstAsync(a => a.Id == c.AttemptId, ct);
                attempt.EnsureAcceptsAnswer(now);
                throw new RuleViolationException("本次作答已结束，此答案未被接受。");
            }
            return new Result(outcome.StoredSequence, outcome.Status == SaveStatus.Newer, outcome.SavedAt);
        }
    }
}
