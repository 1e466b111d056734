using Competition.Engine.Contests;
using Competition.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Judging;

/// <summary>
/// The judges' values per contestant, task and item, in the order they were given: now, or as they stood at a
/// moment (the last audited change before it, for a frozen board). Loaded in one query for a whole contest.
/// </summary>
public sealed class MarkValues
{
    private readonly Dictionary<(Guid Contestant, Guid Task), Dictionary<string, IReadOnlyList<double>>> _values;

    private MarkValues(IEnumerable<(Guid Contestant, Guid Task, string Item, double Value, DateTime At)> rows) =>
        _values = rows.GroupBy(r => (r.Contestant, r.Task)).ToDictionary(g => g.Key,
            g => g.GroupBy(r => r.Item).ToDictionary(i => i.Key, i => (IReadOnlyList<double>)i.OrderBy(r => r.At).Select(r => r.Value).ToList()));

    public TaskScore Score(Guid contestantId, PracticalTask task) =>
        TaskScores.Compute(contestantId, task, _values.GetValueOrDefault((contestantId, task.Id)) ?? []);

    public static async Task<MarkValues> ForContestAsync(CompetitionDbContext db, Guid contestId, DateTime? asOf, CancellationToken ct)
    {
        if (asOf is not { } t)
            return new((await db.ItemMarks.AsNoTracking().Where(m => m.ContestId == contestId && m.Value != null).ToListAsync(ct))
                .Select(m => (m.ContestantId, m.TaskId, m.ItemCode, m.Value!.Value, m.MarkedAt)));
        return new((await db.MarkAudits.AsNoTracking().Where(a => a.ContestId == contestId && a.At <= t).ToListAsync(ct))
            .GroupBy(a => (a.ContestantId, a.TaskId, a.ItemCode, a.JudgeUserId)).Select(g => g.OrderBy(a => a.At).Last())
            .Select(a => (a.ContestantId, a.TaskId, a.ItemCode, a.NewValue, a.At)));
    }

    public static async Task<MarkValues> ForTaskAsync(CompetitionDbContext db, Guid contestantId, Guid taskId, CancellationToken ct) =>
        new((await db.ItemMarks.AsNoTracking().Where(m => m.ContestantId == contestantId && m.TaskId == taskId && m.Value != null).ToListAsync(ct))
            .Select(m => (m.ContestantId, m.TaskId, m.ItemCode, m.Value!.Value, m.MarkedAt)));
}
