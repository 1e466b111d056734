using System.Globalization;

namespace Competition.Engine.Judging;

public enum ItemState
{
    Scored = 1,
    Flagged = 2,    // judges disagree too much: the chief judge has the item re-marked
    Incomplete = 3, // not every mark is in yet
}

/// <param name="Points">Rounded to 2 decimals; null unless <see cref="ItemState.Scored"/>.</param>
/// <param name="Derivation">How the mark comes about, in Chinese, for the scoresheet and for appeals.</param>
public sealed record ItemResult(ItemState State, double? Points, string Derivation);

/// <summary>Marks one item of a practical task. Pure.</summary>
public static class ItemScoring
{
    public const int MaxJudgeScore = 3;

    /// <summary>WorldSkills: three judges whose scores differ by more than this must re-mark the item.</summary>
    public const int MaxJudgeDifference = 1;

    /// <param name="met">null while nobody has checked the item.</param>
    public static ItemResult MeetsOrNot(MarkingItem item, bool? met)
    {
        Expect(item, ItemKind.MeetsOrNot);
        return met switch
        {
            null => new(ItemState.Incomplete, null, "尚未评判"),
            true => new(ItemState.Scored, item.MaxPoints, $"符合要求，得 {Figures.Points(item.MaxPoints)} 分"),
            false => new(ItemState.Scored, 0, "不符合要求，得 0 分"),
        };
    }

    /// <param name="value">The measured value; null while not yet measured.</param>
    public static ItemResult Measured(MarkingItem item, decimal? value)
    {
        Expect(item, ItemKind.MeasuredValue);
        var nominal = item.Nominal!.Value;
        var tolerance = item.Tolerance!;
        // Show every figure with the precision of the drawing, so 20 ±0.05 reads "20.00 ±0.05" and 19.9 reads "19.90".
        var scale = Math.Max(nominal.Scale, Math.Max(tolerance.Lower.Scale, tolerance.Upper.Scale));
        var required = tolerance.IsSymmetric
            ? $"{F(nominal, scale)} ±{F(tolerance.Lower, scale)}"
            : $"{F(nominal, scale)} −{F(tolerance.Lower, scale)}/+{F(tolerance.Upper, scale)}";
        if (value is not { } v) return new(ItemState.Incomplete, null, $"尚未测量，要求 {required}");

        var low = nominal - tolerance.Lower;
        var high = nominal + tolerance.Upper;
        var shown = $"测量值 {F(v, Math.Max(scale, v.Scale))}，要求 {required}";
        if (v < low) return new(ItemState.Scored, 0, $"{shown}：低于下限 {F(low, scale)}，不合格，得 0 分");
        if (v > high) return new(ItemState.Scored, 0, $"{shown}：超出上限 {F(high, scale)}，不合格，得 0 分");
        return new(ItemState.Scored, item.MaxPoints, $"{shown}：合格，得 {Figures.Points(item.MaxPoints)} 分");
    }

    /// <param name="scores">The scores received so far, one per judge, each an integer 0–3.</param>
    public static ItemResult Judged(MarkingItem item, IReadOnlyList<int> scores)
    {
        Expect(item, ItemKind.Judgement);
        var required = item.JudgeCount!.Value;
        if (scores.Count > required)
            throw new ArgumentException($"评分项 {item.Code} 由 {required} 名裁判评分，却收到 {scores.Count} 个评分。", nameof(scores));
        foreach (var s in scores)
            if (s is < 0 or > MaxJudgeScore)
                throw new ArgumentException($"裁判评分必须为 0–{MaxJudgeScore} 的整数，收到 {s}。", nameof(scores));
        if (scores.Count < required)
            return new(ItemState.Incomplete, null, $"{required} 名裁判中已有 {scores.Count} 名评分，待全部评分后计分");

        var head = $"{required} 名裁判：{List(scores)}";
        if (required == 3)
        {
            var spread = scores.Max() - scores.Min();
            if (spread > MaxJudgeDifference)
                return new(ItemState.Flagged, null, $"{head}；最大差 {spread} > {MaxJudgeDifference}，须重新评分");
            return Average(item, scores, $"{head}；最大差 {spread} ≤ {MaxJudgeDifference}；平均");
        }

        // Five judges (the usual Chinese practice): one highest and one lowest are dropped, so no difference check
        // is needed — a single outlying judge cannot move the mark.
        var kept = scores.ToList();
        int highest = kept.Max(), lowest = kept.Min();
        kept.RemoveAt(kept.LastIndexOf(highest));
        kept.RemoveAt(kept.LastIndexOf(lowest));
        return Average(item, kept, $"{head}，去掉最高 {highest} 与最低 {lowest}，其余 {List(kept)} 平均");
    }

    private static ItemResult Average(MarkingItem item, IReadOnlyList<int> counted, string lead)
    {
        // One division at the end: rounding the mean first would turn 7/3 into 2.33 and 10 points into 7.77.
        var points = Figures.Round((decimal)item.MaxPoints * counted.Sum() / (MaxJudgeScore * counted.Count));
        var mean = Figures.Round((decimal)counted.Sum() / counted.Count);
        return new(ItemState.Scored, points,
            $"{lead} {Figures.Points(mean)}/{MaxJudgeScore} × {Figures.Points(item.MaxPoints)} 分 = {Figures.Points(points)} 分");
    }

    private static void Expect(MarkingItem item, ItemKind kind)
    {
        if (item.Kind != kind)
            throw new ArgumentException($"评分项 {item.Code} 的评分方式为{Name(item.Kind)}，不能按{Name(kind)}计分。", nameof(item));
    }

    private static string Name(ItemKind kind) => kind switch
    {
        ItemKind.MeetsOrNot => "“符合/不符合”",
        ItemKind.MeasuredValue => "“测量”",
        _ => "“裁判评判”",
    };

    private static string List(IEnumerable<int> scores) => string.Join("、", scores);

    private static string F(decimal value, int scale) => value.ToString("F" + scale, CultureInfo.InvariantCulture);
}
