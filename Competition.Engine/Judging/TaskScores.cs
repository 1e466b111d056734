using Competition.Engine.Contests;

namespace Competition.Engine.Judging;

/// <summary>A contestant's task as marked so far: each item's result with how it was derived, and the task's points.</summary>
public sealed record ScoredItem(SchemeItem Item, ItemResult Result);

public sealed record TaskScore(Guid ContestantId, Guid TaskId, IReadOnlyList<ScoredItem> Items)
{
    public double Points => Math.Round(Items.Sum(i => i.Result.Points ?? 0), 2);
    public bool Complete => Items.All(i => i.Result.State == ItemState.Scored);
    public int Outstanding => Items.Count(i => i.Result.State != ItemState.Scored);
}

/// <summary>Applies the item rules to the judges' marks. Pure.</summary>
public static class TaskScores
{
    /// <param name="marks">The values per item code, one per judge (objective items use the latest single value).</param>
    public static TaskScore Compute(Guid contestantId, PracticalTask task, IReadOnlyDictionary<string, IReadOnlyList<double>> marks)
    {
        var items = task.Scheme.Select(s =>
        {
            var rule = s.ToRule();
            var values = marks.GetValueOrDefault(s.Code) ?? [];
            var result = s.Kind switch
            {
                ItemKind.MeetsOrNot => ItemScoring.MeetsOrNot(rule, values.Count == 0 ? null : values[^1] >= 0.5),
                ItemKind.MeasuredValue => ItemScoring.Measured(rule, values.Count == 0 ? null : (decimal)values[^1]),
                _ => ItemScoring.Judged(rule, values.Select(v => (int)Math.Round(v)).ToList()),
            };
            return new ScoredItem(s, result);
        }).ToList();
        return new TaskScore(contestantId, task.Id, items);
    }

    /// <summary>Checks a value a judge enters for an item before it is stored.</summary>
    public static string? Problem(SchemeItem item, double value) => item.Kind switch
    {
        ItemKind.MeetsOrNot when value is not (0 or 1) => $"评分项 {item.Code} 只能填 1（符合）或 0（不符合）",
        ItemKind.Judgement when value is < 0 or > 3 || value != Math.Round(value) => $"评分项 {item.Code} 的评判分只能是 0、1、2、3",
        ItemKind.MeasuredValue when !double.IsFinite(value) => $"评分项 {item.Code} 的测量值无效",
        _ => null,
    };
}
