using Competition.Engine.Common;
using Competition.Engine.Contests;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Judging;

/// <summary>
/// A judge enters marks for one contestant's task at their station. Refused when the judge is not assigned
/// there, the round is locked, or the chief judge has signed the task off. Every change is audited; the
/// scoreboards are told.
/// </summary>
public static class SubmitMarks
{
    public sealed record Mark(string ItemCode, double Value);

    public sealed record Command(Guid ContestantId, Guid TaskId, IReadOnlyList<Mark> Marks, Actor Actor) : IRequest<TaskScore>;

    public sealed class Validator : IValidator<Command>
    {
        public IEnumerable<ValidationError> Validate(Command c)
        {
            if (c.Marks.Count == 0) yield return new(nameof(c.Marks), "没有要保存的评分");
        }
    }

    public sealed class Handler(CompetitionDbContext db, IMediator mediator, TimeProvider clock) : IRequestHandler<Command, TaskScore>
    {
        public async Task<TaskScore> Handle(Command c, CancellationToken ct)
        {
            var (contestant, task, round) = await Marking.LoadAsync(db, c.ContestantId, c.TaskId, ct);
            await SheetAccess.EnsureMayMarkAsync(db, c.Actor, round, task, ct);
            if (round.MarkingLocked) throw new RuleViolationException($"「{round.Title}」已结束，评分已锁定；如需更正请由裁判长说明理由后修改。");
            if (await db.TaskSignOffs.AnyAsync(s => s.ContestantId == contestant.Id && s.TaskId == task.Id, ct))
                throw new RuleViolationException($"{contestant.Number} 号的「{task.Title}」已由裁判长签字确认，评分已锁定；如需更正请由裁判长说明理由后修改。");

            var scheme = task.Scheme.ToDictionary(s => s.Code);
            var problems = c.Marks.Select(m => scheme.TryGetValue(m.ItemCode, out var item) ? TaskScores.Problem(item, m.Value) : $"评分项 {m.ItemCode} 不存在")
                .OfType<string>().Select(p => new ValidationError("Marks", p)).ToList();
            if (problems.Count > 0) throw new ValidationException(problems);

            var now = clock.GetUtcNow().UtcDateTime;
            await Marking.ApplyAsync(db, contestant, task, c.Actor.UserId, c.Marks, c.Actor.UserName, reason: null, now, ct);
            await db.SaveChangesAsync(ct);
            await mediator.Publish(new ScoreChanged(contestant.ContestId), ct);
            return await Marking.ScoreAsync(db, contestant.Id, task, ct);
        }
    }
}

internal static class Marking
{
    public static async Task<(Contestant, PracticalTask, Round)> LoadAsync(CompetitionDbContext db, Guid contestantId, Guid taskId, CancellationToken ct)
    {
        var contestant = await db.Contestants.FirstOrDefaultAsync(x => x.Id == contestantId, ct) ?? throw new NotFoundException("选手", contestantId);
        var task = await db.PracticalTasks.FirstOrDefaultAsync(x => x.Id == taskId, ct) ?? throw new NotFoundException("任务", taskId);
        var round = await db.Rounds.FirstAsync(r => r.Id == task.RoundId, ct);
        if (round.ContestId != contestant.ContestId) throw new NotFoundException("任务", taskId);
        return (contestant, task, round);
    }

    public static async Task ApplyAsync(CompetitionDbContext db, Contestant contestant, PracticalTask task, string judgeUserId, IReadOnlyList<SubmitMarks.Mark> marks,
        string by, string? reason, DateTime now, CancellationToken ct)
    {
        var codes = marks.Select(m => m.ItemCode).ToList();
        var existing = await db.ItemMarks.Where(m => m.ContestantId == contestant.Id && m.TaskId == task.Id && m.JudgeUserId == judgeUserId && codes.Contains(m.ItemCode))
            .ToDictionaryAsync(m => m.ItemCode, ct);
        foreach (var mark in marks)
        {
            if (!existing.TryGetValue(mark.ItemCode, out var row))
            {
                row = new ItemMark(Guid.NewGuid(), contestant.ContestId, contestant.Id, task.Id, mark.ItemCode, judgeUserId);
                db.ItemMarks.Add(row);
            }
            if (row.Change(mark.Value, by, reason, now) is { } audit) db.MarkAudits.Add(audit);
        }
    }

    public static async Task<TaskScore> ScoreAsync(CompetitionDbContext db, Guid contestantId, PracticalTask task, CancellationToken ct) =>
        (await MarkValues.ForTaskAsync(db, contestantId, task.Id, ct)).Score(contestantId, task);
}
