using Competition.Engine.Common;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Exams;

/// <summary>
/// A worker starts (or resumes) an attempt. An open attempt is always resumed — on any device — with its own
/// deadline; a new one uses the paper prepared ahead, or draws one now.
/// </summary>
public static class StartAttempt
{
    public sealed record Command(Guid ExamId, Actor Actor) : IRequest<Result>;

    public sealed record Result(Guid AttemptId, bool Resumed);

    public sealed class Handler(CompetitionDbContext db, QuestionCatalog catalog, TimeProvider clock) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command c, CancellationToken ct)
        {
            var worker = c.Actor.RequireWorker();
            var now = clock.GetUtcNow().UtcDateTime;
            var mine = await db.Attempts.AsNoTracking().Where(a => a.ExamId == c.ExamId && a.WorkerId == worker)
                .Select(a => new { a.Id, a.State, a.AttemptNo }).ToListAsync(ct);
            var open = mine.FirstOrDefault(a => AnswerAcceptance.IsOpenState(a.State));
            if (open is not null) return new Result(open.Id, true);

            var exam = await db.Exams.AsNoTracking().FirstOrDefaultAsync(e => e.Id == c.ExamId, ct) ?? throw new NotFoundException("考试", c.ExamId);
            await ExamAccess.EnsureMaySitAsync(db, c.Actor, exam, ct);
            exam.EnsureMayStart(now, mine.Count);

            var attemptNo = mine.Count + 1;
            var paper = await db.Papers.AsNoTracking().FirstOrDefaultAsync(p => p.ExamId == exam.Id && p.WorkerId == worker && p.AttemptNo == attemptNo, ct);
            if (paper is null)
            {
                var seed = PaperSeeds.For(exam.Id, worker, attemptNo);
                IReadOnlyList<PaperItem> items;
                try { items = new PaperAssembler(await catalog.IndexAsync(db, ct)).Assemble(exam.Blueprint, seed, exam.ShuffleQuestions, exam.ShuffleOptions); }
                catch (PaperAssemblyException ex)
                {
                    // The bank changed since the exam was checked; the worker can do nothing but tell the organizer.
                    throw new RuleViolationException($"暂时无法为您组卷：{ex.Message} 请联系考试组织者。");
                }
                paper = new Paper(Guid.NewGuid(), exam.Id, worker, attemptNo, seed, items, now);
                db.Papers.Add(paper);
            }
            var attempt = new Attempt(Guid.NewGuid(), exam, worker, paper, attemptNo, now);
            db.Attempts.Add(attempt);
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException)
            {
                // Two taps of "start" at once: the unique (exam, worker, attempt no) index lets one win; resume that one.
                db.ChangeTracker.Clear();
                var winner = await db.Attempts.AsNoTracking().Where(a => a.ExamId == exam.Id && a.WorkerId == worker && a.AttemptNo == attemptNo)
                    .Select(a => a.Id).FirstOrDefaultAsync(ct);
                if (winner == Guid.Empty) throw;
                return new Result(winner, true);
            }
            return new Result(attempt.Id, false);
        }
    }
}
