using Competition.Engine.Common;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Exams;

/// <summary>The worker hands in: everything saved is marked; short answers wait for a person. Twice changes nothing.</summary>
public static class SubmitAttempt
{
    public sealed record Command(Guid AttemptId, Actor Actor) : IRequest<MediatR.Unit>;

    public sealed class Handler(CompetitionDbContext db, PaperCache papers, AttemptDirectory directory, QuestionCatalog catalog, TimeProvider clock)
        : IRequestHandler<Command, MediatR.Unit>
    {
        public async Task<MediatR.Unit> Handle(Command c, CancellationToken ct)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await AttemptLocks.LockForCloseAsync(db, [c.AttemptId], ct);
            var attempt = await db.Attempts.FirstOrDefaultAsync(a => a.Id == c.AttemptId, ct) ?? throw new NotFoundException("作答", c.AttemptId);
            AttemptAccess.EnsureOwner(c.Actor, attempt.WorkerId);
            if (!attempt.IsOpen) return MediatR.Unit.Value;
            var now = clock.GetUtcNow().UtcDateTime;
            if (now > attempt.CloseAt) throw new RuleViolationException("作答时间已结束，系统会按考试规则自动处理本次作答。");
            var exam = await db.Exams.AsNoTracking().FirstAsync(e => e.Id == attempt.ExamId, ct);
            await Finish(db, papers, catalog, [attempt], exam.MultipleScoring, now, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            Forget(papers, directory, [attempt]);
            return MediatR.Unit.Value;
        }
    }

    /// <summary>
    /// Marks and submits tracked attempts (shared with closing at the deadline); flags short answers for the marking
    /// queue. Callers hold the attempts' locks (see <see cref="AttemptLocks"/>), so the answers read here are final.
    /// </summary>
    internal static async Task Finish(CompetitionDbContext db, PaperCache papers, QuestionCatalog catalog, IReadOnlyList<Attempt> attempts,
        MultipleChoiceScoring scoring, DateTime now, CancellationToken ct)
    {
        var paperItems = await papers.LoadAsync(db, attempts.Select(a => a.PaperId), ct);
        var versions = await catalog.LoadAsync(db, paperItems.Values.SelectMany(p => p).Select(i => (i.QuestionId, i.Version)), ct);
        var ids = attempts.Select(a => a.Id).ToList();
        var responses = new Dictionary<Guid, Dictionary<int, string>>();
        foreach (var chunk in ids.Chunk(500))
            foreach (var row in await db.AttemptAnswers.AsNoTracking().Where(a => chunk.Contains(a.AttemptId))
                         .Select(a => new { a.AttemptId, a.Item, a.Response }).ToListAsync(ct))
                (responses.TryGetValue(row.AttemptId, out var d) ? d : responses[row.AttemptId] = [])[row.Item] = row.Response;
        var pending = new List<(Guid Attempt, int Item)>();
        foreach (var attempt in attempts)
        {
            var items = paperItems[attempt.PaperId];
            var scores = AttemptMarking.Mark(items, responses.GetValueOrDefault(attempt.Id) ?? [], i => versions[(i.QuestionId, i.Version)].Content, scoring);
            if (attempt.Submit(scores, now))
                pending.AddRange(scores.Select((s, i) => (s, i)).Where(x => x.s is null).Select(x => (attempt.Id, x.i)));
        }
        foreach (var group in pending.GroupBy(p => p.Attempt))
        {
            var items = group.Select(g => g.Item).ToList();
            await db.AttemptAnswers.Where(a => a.AttemptId == group.Key && items.Contains(a.Item))
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.NeedsMarking, true), ct);
        }
    }

    /// <summary>Closed attempts take no more saves: their owner and paper need not stay in memory.</summary>
    internal static void Forget(PaperCache papers, AttemptDirectory directory, IEnumerable<Attempt> closed)
    {
        foreach (var a in closed.Where(a => !a.IsOpen))
        {
            directory.Forget(a.Id);
            papers.Forget(a.PaperId);
        }
    }
}
