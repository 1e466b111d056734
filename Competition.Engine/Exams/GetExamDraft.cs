using Competition.Engine.Common;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Exams;

/// <summary>An exam as its edit form shows it; <see cref="Result.EditRefusal"/> says why it cannot be edited (null for a draft).</summary>
public static class GetExamDraft
{
    public sealed record Query(Guid ExamId, Actor Actor) : IRequest<Result>;

    public sealed record Result(Guid Id, string Title, ExamStatus Status, Blueprint Blueprint, ExamSettings Settings, ExamAudience Audience, string? EditRefusal);

    public sealed class Handler(CompetitionDbContext db) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query q, CancellationToken ct)
        {
            var exam = await db.Exams.AsNoTracking().FirstOrDefaultAsync(e => e.Id == q.ExamId, ct) ?? throw new NotFoundException("考试", q.ExamId);
            ExamAccess.EnsureMayManage(q.Actor, exam);
            return new Result(exam.Id, exam.Title, exam.Status, exam.Blueprint, exam.Settings, exam.Audience, exam.EditRefusal());
        }
    }
}
