using Competition.Engine.Common;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Exams;

/// <summary>
/// Takes a published exam back to draft before it opens (to correct it). After it opens workers may have started, so it is
/// refused, saying when it opened.
/// </summary>
public static class UnpublishExam
{
    public sealed record Command(Guid ExamId, Actor Actor) : IRequest<MediatR.Unit>;

    public sealed class Handler(CompetitionDbContext db, TimeProvider clock) : IRequestHandler<Command, MediatR.Unit>
    {
        public async Task<MediatR.Unit> Handle(Command c, CancellationToken ct)
        {
            var exam = await db.Exams.FindAsync([c.ExamId], ct) ?? throw new NotFoundException("考试", c.ExamId);
            ExamAccess.EnsureMayManage(c.Actor, exam);
            exam.Unpublish(clock.GetUtcNow().UtcDateTime);
            // Belt and braces: a paper prepared ahead or an attempt means someone already has it.
            if (await db.Attempts.AnyAsync(a => a.ExamId == exam.Id, ct))
                throw new RuleViolationException("已有职工开始作答，不能撤回发布。");
            await db.SaveChangesAsync(ct);
            return MediatR.Unit.Value;
        }
    }
}
