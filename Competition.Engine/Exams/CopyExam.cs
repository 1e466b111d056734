using Competition.Engine.Common;
using Competition.Engine.Persistence;
using MediatR;

namespace Competition.Engine.Exams;

/// <summary>A new draft with an exam's blueprint, settings and audience (e.g. for next year's sitting); the original is untouched.</summary>
public static class CopyExam
{
    public sealed record Command(Guid ExamId, Actor Actor) : IRequest<Guid>;

    public sealed class Handler(CompetitionDbContext db, TimeProvider clock) : IRequestHandler<Command, Guid>
    {
        public async Task<Guid> Handle(Command c, CancellationToken ct)
        {
            var exam = await db.Exams.FindAsync([c.ExamId], ct) ?? throw new NotFoundException("考试", c.ExamId);
            ExamAccess.EnsureMayManage(c.Actor, exam);
            // The copy belongs to the exam's city, which the actor manages (an admin copying a city's exam keeps it that city's).
            var copy = exam.CopyAsDraft(Guid.NewGuid(), exam.CityCode, c.Actor.UserName, clock.GetUtcNow().UtcDateTime);
            db.Exams.Add(copy);
            await db.SaveChangesAsync(ct);
            return copy.Id;
        }
    }
}
