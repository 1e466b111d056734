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

    public sealed class Handler(CompetitionDbContext db, PaperCache papers, TimeProvider clock) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command c, CancellationToken ct)
        {
            var attempt = await db.Attempts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == c.AttemptId, ct) ?? throw new NotFoundException("作答", c.AttemptId);
            if (attempt.WorkerId != c.Actor.WorkerId) throw new ForbiddenException("这不是您的作答。");
            var now = clock.GetUtcNow().UtcDateTime;
            attempt.EnsureAcceptsAnswer(now);
            var count = (await papers.ItemsAsync(db, attempt.PaperId, ct)).Count;
            if (c.Item >= count) throw new ValidationException([new(nameof(c.Item), $"题号 {c.Item + 1} 超出试卷范围（共 {count} 题）")]);

            var changed = await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO "AttemptAnswers" ("AttemptId", "Item", "Response", "Flagged", "Sequence", "SavedAt", "NeedsMarking")
                VALUES ({c.AttemptId}, {c.Item}, {c.Response}, {c.Flagged}, {c.Sequence}, {now}, {false})
                ON CONFLICT ("AttemptId", "Item") DO UPDATE SET "Response" = excluded."Response", "Flagged" = excluded."Flagged",
                    "Sequence" = excluded."Sequence", "SavedAt" = excluded."SavedAt"
                WHERE "AttemptAnswers"."Sequence" < excluded."Sequence"
                """, ct);
            if (changed == 1) return new Result(c.Sequence, false, now);
            var stored = await db.AttemptAnswers.AsNoTracking().Where(a => a.AttemptId == c.AttemptId && a.Item == c.Item)
                .Select(a => new { a.Sequence, a.SavedAt }).FirstAsync(ct);
            return new Result(stored.Sequence, stored.Sequence > c.Sequence, stored.SavedAt);
        }
    }
}
