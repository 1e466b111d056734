using System.Globalization;
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
    public static TaskScore Compute(Guid contestantId, PracticalTask task, IReadOnlyDictionary<string, IReadOnlyList<double>> marks) =>
        new(contestantId, task.Id, task.Scheme.Select(s => new ScoredItem(s, Score(s, marks.GetValueOrDefault(s.Code) ?? []))).ToList());

    /// <summary>Checks a value a judge enters for an item before it is stored.</summary>
    public static string? Problem(SchemeItem item, double value) => MarkValueRules.Problem(item, value);

    /// <summary>
    /// One item's result. Values that could never have been accepted (too many marks, a non-number, a measurement far
    /// outside the item's range — stored before the rules were checked) flag the item for the chief judge with the
    /// reason, instead of failing the whole sheet or board.
    /// </summary>
    private static ItemResult Score(SchemeItem s, IReadOnlyList<double> values)
    {
        MarkingItem rule;
        try { rule = s.ToRule(); }
        catch (ArgumentException ex) { return new(ItemState.Flagged, null, $"评分细则有误（{ex.Message.Split(" (Parameter")[0]}），请组织者更正"); }
        var capacity = MarkValueRules.Capacity(s);
        if (values.Count > capacity)
            return new(ItemState.Flagged, null, $"本项应有 {capacity} 个评分，却存有 {values.Count} 个（{List(values)}），须由裁判长核查更正");
        foreach (var v in values)
            if (MarkValueRules.Problem(s, v, stored: true) is { } problem) return new(ItemState.Flagged, null, $"存有无效评分：{problem}，须由裁判长更正");
        return s.Kind switch
        {
            ItemKind.MeetsOrNot => ItemScoring.MeetsOrNot(rule, values.Count == 0 ? null : values[^1] >= 0.5),
            ItemKind.MeasuredValue => ItemScoring.Measured(rule, values.Count == 0 ? null : (decimal)values[^1]),
            _ => ItemScoring.Judged(rule, values.Select(v => (int)Math.Round(v)).ToList()),
        };
    }

    private static string List(IEnumerable<double> values) => string.Join("、", values.Select(v => v.ToString("G6", CultureInfo.InvariantCulture)));
}
