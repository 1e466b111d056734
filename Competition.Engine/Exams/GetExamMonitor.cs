using Competition.Engine.Common;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Exams;

/// <summary>The organizer watches attempts as they happen: who is in, answered how many, time left, scores.</summary>
public static class GetExamMonitor
{
    public sealed record Query(Guid ExamId, Actor Actor) : IRequest<Result>;

    public sealed record Row(Guid AttemptId, string Worker, string Unit, AttemptState State, DateTime StartedAt, DateTime Deadline,
        int Answered, int Questions, double? Score, int PendingMarks);

    public sealed record Result(Guid ExamId, string Title, ExamStatus Status, int InProgress, int Submitted, int Abandoned, double? MeanScore, IReadOnlyList<Row> Rows);

    public sealed class Handler(CompetitionDbContext db) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query q, CancellationToken ct)
        {
            var exam = await db.Exams.AsNoTracking().FirstOrDefaultAsync(e => e.Id == q.ExamId, ct) ?? throw new NotFoundException("考试", q.ExamId);
            ExamAccess.EnsureMayManage(q.Actor, exam);
            var questions = exam.Blueprint.QuestionCount;
            var rows = await (from a in db.Attempts.AsNoTracking().Where(a => a.ExamId == exam.Id)
                              join w in db.Workers on a.WorkerId equals w.Id
                              join u in db.Units on w.UnitId equals u.Id
                              orderby a.StartedAt descending
                              select new Row(a.Id, w.Name, u.Name, a.State, a.StartedAt, a.Deadline,
                                  db.AttemptAnswers.Count(x => x.AttemptId == a.Id && x.Response != ""), questions, a.Score, a.PendingMarks))
                .Take(1000).ToListAsync(ct);
            var scored = rows.Where(r => r.State == AttemptState.Submitted && r.Score is not null).Select(r => r.Score!.Value).ToList();
            return new Result(exam.Id, exam.Title, exam.Status, rows.Count(r => AnswerAcceptance.IsOpenState(r.State)),
                rows.Count(r => r.State == AttemptState.Submitted), rows.Count(r => r.State == AttemptState.Abandoned),
                scored.Count == 0 ? null : Math.Round(scored.Average(), 2), rows);
        }
    }
}
