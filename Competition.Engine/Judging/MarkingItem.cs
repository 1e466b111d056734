namespace Competition.Engine.Judging;

/// <summary>How an item of a practical task's marking scheme is marked (after WorldSkills' measurement and judgement aspects).</summary>
public enum ItemKind
{
    MeetsOrNot = 1,    // 符合/不符合: a yes-or-no check such as "no burrs on the edges"
    MeasuredValue = 2, // a dimension measured against a nominal value and its tolerance
    Judgement = 3,     // a quality judged by several judges on a 0–3 scale
}

/// <summary>
/// Permitted deviations from the nominal value as non-negative amounts: a value passes when it lies in
/// [nominal − Lower, nominal + Upper], both ends included.
/// </summary>
public sealed record Tolerance(decimal Lower, decimal Upper)
{
    public static Tolerance Symmetric(decimal plusMinus) => new(plusMinus, plusMinus);

    public bool IsSymmetric => Lower == Upper;
}

/// <summary>
/// One item of a practical task's marking scheme (评分项). Built through the factories, which enforce what each kind
/// needs; the properties are get-only so a <c>with</c> expression cannot make an item invalid.
/// </summary>
public sealed record MarkingItem
{
    public string Code { get; }
    public string Description { get; }
    public ItemKind Kind { get; }
    public double MaxPoints { get; }

    /// <summary>Only for <see cref="ItemKind.MeasuredValue"/>.</summary>
    public decimal? Nominal { get; }

    /// <summary>Only for <see cref="ItemKind.MeasuredValue"/>.</summary>
    public Tolerance? Tolerance { get; }

    /// <summary>Only for <see cref="ItemKind.Judgement"/>: 3 (WorldSkills) or 5 (drop highest and lowest).</summary>
    public int? JudgeCount { get; }

    private MarkingItem(string code, string description, ItemKind kind, double maxPoints, decimal? nominal, Tolerance? tolerance, int? judgeCount)
    {
        if (string.IsNullOrWhiteSpace(code))
            throw new ArgumentException("评分项编号不能为空。", nameof(code));
        if (!double.IsFinite(maxPoints) || maxPoints <= 0)
            throw new ArgumentOutOfRangeException(nameof(maxPoints), maxPoints, $"评分项 {code} 的配分必须为正数。");
        (Code, Description, Kind, MaxPoints, Nominal, Tolerance, JudgeCount) = (code, description, kind, maxPoints, nominal, tolerance, judgeCount);
    }

    public static MarkingItem MeetsOrNot(string code, string description, double maxPoints) =>
        new(code, description, ItemKind.MeetsOrNot, maxPoints, null, null, null);

    public static MarkingItem Measured(string code, string description, double maxPoints, decimal nominal, Tolerance tolerance)
    {
        if (tolerance.Lower < 0 || tolerance.Upper < 0)
            throw new ArgumentException($"评分项 {code} 的上下偏差应填写为非负数值（下限 = 基本尺寸 − 下偏差，上限 = 基本尺寸 + 上偏差）。", nameof(tolerance));
        return new(code, description, ItemKind.MeasuredValue, maxPoints, nominal, tolerance, null);
    }

    public static MarkingItem Judged(string code, string description, double maxPoints, int judgeCount)
    {
        if (judgeCount is not (3 or 5))
            throw new ArgumentOutOfRangeException(nameof(judgeCount), judgeCount, $"评分项 {code} 的评判裁判人数只能为 3 或 5 名。");
        return new(code, description, ItemKind.Judgement, maxPoints, null, null, judgeCount);
    }
}
