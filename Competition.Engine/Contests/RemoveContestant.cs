using Competition.Engine.Common;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Contests;

/// <summary>
/// Removes a contestant registered by mistake. Once a judge has marked any of their items (or a task was signed off),
/// the marks are part of the contest's record and the audit trail, so removal is refused with the reason.
/// </summary>
public static class RemoveContestant
{
    public sealed record Command(Guid ContestId, Guid ContestantId, Actor Actor) : IRequest<string>;

    public sealed class Handler(CompetitionDbContext db, IMediator mediator) : IRequestHandler<Command, string>
    {
        public async Task<string> Handle(Command c, CancellationToken ct)
        {
            var contest = await ContestAccess.ManagedAsync(db, c.ContestId, c.Actor, ct);
            var contestant = await db.Contestants.FirstOrDefaultAsync(x => x.Id == c.ContestantId && x.ContestId == contest.Id, ct)
                             ?? throw new NotFoundException("选手", c.ContestantId);
            var marks = await db.ItemMarks.CountAsync(m => m.ContestantId == contestant.Id, ct);
            if (marks > 0 || await db.TaskSignOffs.AnyAsync(s => s.ContestantId == contestant.Id, ct))
                throw new RuleViolationException($"{contestant.Number} 号选手已有 {marks} 项评分，评分开始后不能移除（成绩和审计记录需保留）；如确需更正，请由裁判长在评分页修改并说明理由。");
            db.Contestants.Remove(contestant);
            await db.SaveChangesAsync(ct);
            await mediator.Publish(new Judging.ScoreChanged(contest.Id), ct);   // the boards lose a row
            return contestant.Number;
        }
    }
}
