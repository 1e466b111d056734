using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Exams;

/// <summary>
/// Handles every attempt whose time is up, as its exam says: submit, start the grace period (then submit), or
/// abandon. The database is the only source of deadlines, so after a restart overdue attempts are handled on
/// the first run; handling an attempt twice changes nothing.
/// </summary>
public static class CloseDueAttempts
{
    public sealed record Command(int Batch = 5000) : IRequest<Result>;

    public sealed record Result(int Submitted, int Overdue, int Abandoned);

    public sealed class Handler(CompetitionDbContext db, PaperCache papers, AttemptDirectory directory, QuestionCatalog catalog, TimeProvider clock)
        : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command c, CancellationToken ct)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var dueIds = await db.Attempts.AsNoTracking()
                .Where(a => (a.State == AttemptState.InProgress && a.Deadline <= now) || (a.State == AttemptState.Overdue && a.CloseAt <= now))
                .OrderBy(a => a.Deadline).Take(c.Batch).Select(a => a.Id).ToListAsync(ct);
            if (dueIds.Count == 0) return new Result(0, 0, 0);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await AttemptLocks.LockForCloseAsync(db, dueIds, ct);
            // Read again under the lock: a worker may have submitted in the meantime; the entity then does nothing.
            var due = await db.Attempts.Where(a => dueIds.Contains(a.Id)).ToListAsync(ct);
            var examIds = due.Select(a => a.ExamId).Distinct().ToList();
            var exams = await db.Exams.AsNoTracking().Where(e => examIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);

            int overdue = 0, abandoned = 0;
            var toSubmit = new List<Attempt>();
            foreach (var a in due)
                switch (a.TimeUp(exams[a.ExamId].Overdue, now))
                {
                    case TimeUpOutcome.Submit: toSubmit.Add(a); break;
                    case TimeUpOutcome.Overdue: overdue++; break;
                    case TimeUpOutcome.Abandoned: abandoned++; break;
                }
            foreach (var group in toSubmit.GroupBy(a => exams[a.ExamId].MultipleScoring))
                await SubmitAttempt.Finish(db, papers, catalog, group.ToList(), group.Key, now, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            SubmitAttempt.Forget(papers, directory, due);
            return new Result(toSubmit.Count, overdue, abandoned);
        }
    }
}
