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
            foreach (var code in c.Marks.GroupBy(m => m.ItemCode).Where(g => g.Count() > 1).Select(g => g.Key))
                yield return new(Field(code), $"评分项 {code} 在一次提交中出现了多次");
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
            var problems = c.Marks.Select(m => (m.ItemCode, Problem: scheme.TryGetValue(m.ItemCode, out var item) ? TaskScores.Problem(item, m.Value) : $"评分项 {m.ItemCode} 不存在"))
                .Where(p => p.Problem is not null).Select(p => new ValidationError(Field(p.ItemCode), p.Problem!)).ToList();
            if (problems.Count > 0) throw new ValidationException(problems);

            var now = clock.GetUtcNow().UtcDateTime;
            await Marking.ApplyAsync(db, contestant, task, c.Actor.UserId, c.Marks, c.Actor.UserName, reason: null, now, ct);
            await Marking.SaveAsync(db, ct);
            await mediator.Publish(new ScoreChanged(contestant.ContestId), ct);
            return await Marking.ScoreAsync(db, contestant.Id, task, ct);
        }
    }

    /// <summary>The field a problem with one item's value is reported under, so a form can show it next to the item.</summary>
    public static string Field(string itemCode) => $"Marks.{itemCode}";
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

    /// <summary>
    /// Stores the judge's values. A judge who has no mark on an item yet takes one of its free places: an item never
    /// holds more marks than it has judges (one value for an objective item), so a further judge is refused with the rule.
    /// </summary>
    public static async Task ApplyAsync(CompetitionDbContext db, Contestant contestant, PracticalTask task, string judgeUserId, IReadOnlyList<SubmitMarks.Mark> marks,
        string by, string? reason, DateTime now, CancellationToken ct)
    {
        var codes = marks.Select(m => m.ItemCode).ToList();
        var onItems = await db.ItemMarks.Where(m => m.ContestantId == contestant.Id && m.TaskId == task.Id && codes.Contains(m.ItemCode)).ToListAsync(ct);
        var scheme = task.Scheme.ToDictionary(s => s.Code);
        foreach (var mark in marks)
        {
            var row = onItems.FirstOrDefault(m => m.ItemCode == mark.ItemCode && m.JudgeUserId == judgeUserId);
            if (row is null)
            {
                var item = scheme[mark.ItemCode];
                var capacity = MarkValueRules.Capacity(item);
                var taken = onItems.Where(m => m.ItemCode == item.Code).Select(m => m.Slot).ToHashSet();
                var slot = Enumerable.Range(1, capacity).FirstOrDefault(s => !taken.Contains(s));
                if (slot == 0) throw new RuleViolationException(item.Kind == ItemKind.Judgement
                    ? $"{contestant.Number} 号的评分项 {item.Code} 由 {capacity} 名裁判评分，{capacity} 名裁判都已评分，不能再增加评分；如需更正请由裁判长修改其中一名裁判的评分。"
                    : $"{contestant.Number} 号的评分项 {item.Code} 只记录一个值，已由另一名裁判录入；如需更正请由裁判长修改该裁判的评分。");
                row = new ItemMark(Guid.NewGuid(), contestant.ContestId, contestant.Id, task.Id, item.Code, judgeUserId, slot);
                db.ItemMarks.Add(row);
                onItems.Add(row);
            }
            if (row.Change(mark.Value, by, reason, now) is { } audit) db.MarkAudits.Add(audit);
        }
    }

    /// <summary>Saves marks; two judges taking the same free place at once (or one judge's two taps) lose only the later one, with a message.</summary>
    public static async Task SaveAsync(CompetitionDbContext db, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException ex) when (IsUniqueViolation(ex))
        {
            throw new RuleViolationException("同一评分项刚刚有另一次评分提交，本次未保存；请刷新评分表查看后重试。");
        }
    }

    private static bool IsUniqueViolation(DbUpdateException ex) => ex.InnerException switch
    {
        Microsoft.Data.Sqlite.SqliteException s => s.SqliteErrorCode == 19, // SQLITE_CONSTRAINT
        Npgsql.PostgresException p => p.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    public static async Task<TaskScore> ScoreAsync(CompetitionDbContext db, Guid contestantId, PracticalTask task, CancellationToken ct) =>
        (await MarkValues.ForTaskAsync(db, contestantId, task.Id, ct)).Score(contestantId, task);
}
