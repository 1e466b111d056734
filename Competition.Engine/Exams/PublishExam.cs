using Competition.Engine.Common;
using Competition.Engine.Persistence;
using MediatR;

namespace Competition.Engine.Exams;

public static class PublishExam
{
    public sealed record Command(Guid ExamId, Actor Actor) : IRequest<MediatR.Unit>;

    public sealed class Handler(CompetitionDbContext db) : IRequestHandler<Command, MediatR.Unit>
    {
        public async Task<MediatR.Unit> Handle(Command c, CancellationToken ct)
        {
            var exam = await db.Exams.FindAsync([c.ExamId], ct) ?? throw new NotFoundException("考试", c.ExamId);
            ExamAccess.EnsureMayManage(c.Actor, exam);
            exam.Publish();
            await db.SaveChangesAsync(ct);
            return MediatR.Unit.Value;
        }
    }
}
