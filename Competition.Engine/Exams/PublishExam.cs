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

internal static class ExamAccess
{
    /// <summary>Organizers manage the exams of their own city; an admin's exams (city "all") only an admin.</summary>
    public static void EnsureMayManage(Actor actor, Exam exam)
    {
        actor.EnsureOrganizer();
        if (!actor.IsAdmin && exam.CityCode != actor.CityCode)
            throw new ForbiddenException("只能管理本市组织的考试。");
    }
}
