using Competition.Engine.Common;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Exams;

/// <summary>
/// 考试须知: what a worker should know before starting — duration, questions, total and pass mark, what happens when time is
/// up, attempts left, what is shown afterwards. Only a worker who may sit the exam sees it (the same rule as starting).
/// </summary>
public static class GetExamNotice
{
    public sealed record Query(Guid ExamId, Actor Actor) : IRequest<Result>;

    /// <param name="OpenAttempt">An attempt already running: the worker continues it rather than starting anew.</param>
    /// <param name="StartRefusal">Why a new attempt cannot start now (the rule StartAttempt enforces); null when it can.</param>
    public sealed record Result(Guid ExamId, string Title, int DurationMinutes, int Questions, double MaxScore, double PassMark,
        OverdueHandling Overdue, int GraceMinutes, int AttemptsAllowed, int AttemptsUsed, DateTime OpensAt, DateTime ClosesAt,
        ReviewOptions Review, bool IsPractice, Guid? OpenAttempt, string? StartRefusal)
    {
        public int AttemptsLeft => Math.Max(0, AttemptsAllowed - AttemptsUsed);
        public bool MayStart => OpenAttempt is null && StartRefusal is null;
    }

    public sealed class Handler(CompetitionDbContext db, TimeProvider clock) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query q, CancellationToken ct)
        {
            var worker = q.Actor.RequireWorker();
            var exam = await db.Exams.AsNoTracking().FirstOrDefaultAsync(e => e.Id == q.ExamId && e.Status != ExamStatus.Draft, ct)
                       ?? throw new NotFoundException("考试", q.ExamId);
            await ExamAccess.EnsureMaySitAsync(db, q.Actor, exam, ct);
            var mine = await db.Attempts.AsNoTracking().Where(a => a.ExamId == exam.Id && a.WorkerId == worker)
                .Select(a => new { a.Id, a.State }).ToListAsync(ct);
            var open = mine.FirstOrDefault(a => AnswerAcceptance.IsOpenState(a.State))?.Id;
            return new Result(exam.Id, exam.Title, exam.DurationMinutes, exam.Blueprint.QuestionCount, exam.MaxScore, exam.PassMark,
                exam.Overdue, exam.GraceMinutes, exam.AttemptsAllowed, mine.Count, exam.OpensAt, exam.ClosesAt, exam.Review, exam.IsPractice,
                open, open is null ? exam.StartRefusal(clock.GetUtcNow().UtcDateTime, mine.Count) : null);
        }
    }
}
