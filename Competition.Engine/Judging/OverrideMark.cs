using Competition.Engine.Accounts;
using Competition.Engine.Common;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace Competition.Engine.Judging;

/// <summary>
/// After sign-off or the round's end, only the contest's chief judge may change a mark, only with a reason, and only in the
/// name of a judge assigned to that station; it is audited.
/// </summary>
public static class OverrideMark
{
    public sealed record Command(Guid ContestantId, Guid TaskId, string ItemCode, string JudgeUserName, double Value, string Reason, Actor Actor) : IRequest<TaskScore>;

    public sealed class Validator : IValidator<Command>
    {
        public IEnumerable<ValidationError> Validate(Command c)
        {
            if (string.IsNullOrWhiteSpace(c.Reason) || c.Reason.Trim().Length < 4) yield return new(nameof(c.Reason), "修改已锁定的评分必须写明理由（至少 4 个字）");
        }
    }

    public sealed class Handler(CompetitionDbContext db, UserManager<AppUser> users, IMediator mediator, TimeProvider clock) : IRequestHandler<Command, TaskScore>
    {
        public async Task<TaskScore> Handle(Command c, CancellationToken ct)
        {
            var (contestant, task, round) = await Marking.LoadAsync(db, c.ContestantId, c.TaskId, ct);
            await SheetAccess.EnsureChiefJudgeOfAsync(db, c.Actor, contestant.ContestId, "修改评分", ct);
            var item = task.Scheme.FirstOrDefault(s => s.Code == c.ItemCode) ?? throw new ValidationException([new(nameof(c.ItemCode), $"评分项 {c.ItemCode} 不存在")]);
            if (TaskScores.Problem(item, c.Value) is { } problem) throw new ValidationException([new(nameof(c.Value), problem)]);
            var judge = await SheetAccess.NamedJudgeAsync(db, users, c.JudgeUserName, round, task, ct);
            await Marking.ApplyAsync(db, contestant, task, judge.Id, [new SubmitMarks.Mark(c.ItemCode, c.Value)], c.Actor.UserName, c.Reason.Trim(), clock.GetUtcNow().UtcDateTime, ct);
            await Marking.SaveAsync(db, ct);
            await mediator.Publish(new ScoreChanged(contestant.ContestId), ct);
            return await Marking.ScoreAsync(db, contestant.Id, task, ct);
        }
    }
}
