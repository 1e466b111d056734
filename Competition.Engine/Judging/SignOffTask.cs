using Competition.Engine.Common;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Judging;

/// <summary>The chief judge signs off a contestant's task: only when every item is scored (none flagged or missing); its marks then lock.</summary>
public static class SignOffTask
{
    public sealed record Command(Guid ContestantId, Guid TaskId, Actor Actor) : IRequest<TaskScore>;

    public sealed class Handler(CompetitionDbContext db, IMediator mediator, TimeProvider clock) : IRequestHandler<Command, TaskScore>
    {
        public async Task<TaskScore> Handle(Command c, CancellationToken ct)
        {
            var (contestant, task, _) = await Marking.LoadAsync(db, c.ContestantId, c.TaskId, ct);
            await SheetAccess.EnsureChiefJudgeOfAsync(db, c.Actor, contestant.ContestId, "签字确认", ct);
            var score = await Marking.ScoreAsync(db, contestant.Id, task, ct);
            if (!score.Complete)
                throw new RuleViolationException($"{contestant.Number} 号的「{task.Title}」还有未完成或需重评的评分项：" +
                    string.Join("；", score.Items.Where(i => i.Result.State != ItemState.Scored).Select(i => $"{i.Item.Code} {i.Result.Derivation}")));
            if (!await db.TaskSignOffs.AnyAsync(s => s.ContestantId == contestant.Id && s.TaskId == task.Id, ct))
            {
                db.TaskSignOffs.Add(new TaskSignOff(contestant.Id, task.Id, c.Actor.UserName, clock.GetUtcNow().UtcDateTime));
                await db.SaveChangesAsync(ct);
                await mediator.Publish(new ScoreChanged(contestant.ContestId), ct);
            }
            return score;
        }
    }
}
