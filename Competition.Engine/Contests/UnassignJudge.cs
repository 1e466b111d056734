using Competition.Engine.Common;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Contests;

/// <summary>
/// Takes a judge off a round's station. Once that judge has marked there, their marks are counted in the item's
/// median or average and named in the audit trail, so the assignment stays: removal is refused with the reason.
/// </summary>
public static class UnassignJudge
{
    public sealed record Command(Guid ContestId, Guid AssignmentId, Actor Actor) : IRequest<MediatR.Unit>;

    public sealed class Handler(CompetitionDbContext db) : IRequestHandler<Command, MediatR.Unit>
    {
        public async Task<MediatR.Unit> Handle(Command c, CancellationToken ct)
        {
            var contest = await ContestAccess.ManagedAsync(db, c.ContestId, c.Actor, ct);
            var assignment = await db.JudgeAssignments.FirstOrDefaultAsync(a => a.Id == c.AssignmentId && a.ContestId == contest.Id, ct)
                             ?? throw new NotFoundException("裁判分配", c.AssignmentId);
            var marked = await (from m in db.ItemMarks
                                join t in db.PracticalTasks on m.TaskId equals t.Id
                                where m.JudgeUserId == assignment.JudgeUserId && t.RoundId == assignment.RoundId && t.Station == assignment.Station
                                select m.Id).CountAsync(ct);
            if (marked > 0)
                throw new RuleViolationException($"该裁判已在工位 {assignment.Station} 评了 {marked} 项分，不能再移除（评分计入成绩和审计记录）；如需换人，请另行分配一名裁判。");
            db.JudgeAssignments.Remove(assignment);
            await db.SaveChangesAsync(ct);
            return MediatR.Unit.Value;
        }
    }
}
