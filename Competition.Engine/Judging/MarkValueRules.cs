using System.Globalization;
using Competition.Engine.Contests;

namespace Competition.Engine.Judging;

/// <summary>
/// Numbers at the judging boundary, in one place: what a judge may enter for an item (finite, in a sane range, no more
/// decimals than the item is measured to), how many marks an item holds, and what an organizer may write into a
/// marking scheme. The same rules check stored values, so a bad value already in a database is shown as a problem
/// for the chief judge instead of breaking the sheet or the board. Pure.
/// </summary>
public static class MarkValueRules
{
    public const int MaxDecimals = 6;
    public const double MaxItemPoints = 1000;
    /// <summary>Nominal sizes and tolerances beyond this are typing errors, not drawings.</summary>
    public const decimal MaxMeasure = 1_000_000m;

    /// <summary>
    /// Decimals a measured value may have: the item's setting, else one more than the drawing (20.00 ±0.05 is read to
    /// 0.001 with a micrometer), so a reading is never refused for being as precise as the instrument.
    /// </summary>
    public static int Decimals(SchemeItem item) =>
        item.Decimals ?? Math.Min(MaxDecimals, Math.Max(Scale(item.Nominal), Math.Max(Scale(item.Lower), Scale(item.Upper))) + 1);

    /// <summary>
    /// The readings that can be meant for a measured item: the nominal give or take the larger of the nominal itself,
    /// ten tolerance bands, or 1. 200.3 for a 20 ±0.05 dimension is a slip of the finger, not a measurement.
    /// </summary>
    public static (decimal Low, decimal High) Range(SchemeItem item)
    {
        // Clamped so that a scheme stored before these rules existed cannot overflow the arithmetic.
        var nominal = Math.Clamp(item.Nominal ?? 0, -MaxMeasure, MaxMeasure);
        var band = Math.Clamp(item.Lower ?? 0, 0, MaxMeasure) + Math.Clamp(item.Upper ?? 0, 0, MaxMeasure);
        var spread = Math.Max(Math.Abs(nominal), Math.Max(10 * band, 1));
        return (nominal - spread, nominal + spread);
    }

    /// <summary>How many marks the item holds: one per judge for a judged item, one value for an objective item.</summary>
    public static int Capacity(SchemeItem item) => item.Kind == ItemKind.Judgement ? item.JudgeCount ?? 3 : 1;

    /// <summary>What is wrong with a value entered (or stored) for the item, in Chinese; null when it may be kept.</summary>
    /// <param name="stored">A value already stored: a reading with more decimals than the item allows today is still a
    /// reading and is scored; only what cannot be scored is a problem.</param>
    public static string? Problem(SchemeItem item, double value, bool stored = false)
    {
        if (!double.IsFinite(value)) return $"评分项 {item.Code} 的值无效，请填写数字";
        switch (item.Kind)
        {
            case ItemKind.MeetsOrNot:
                return value is 0 or 1 ? null : $"评分项 {item.Code} 只能填 1（符合）或 0（不符合）";
            case ItemKind.Judgement:
                return value is >= 0 and <= ItemScoring.MaxJudgeScore && value == Math.Round(value) ? null : $"评分项 {item.Code} 的评判分只能是 0、1、2、3";
            default:
                var (low, high) = Range(item);
                if (value < (double)low || value > (double)high)
                    return $"评分项 {item.Code} 的测量值 {Show(value)} 超出合理范围 {low.ToString(CultureInfo.InvariantCulture)}–{high.ToString(CultureInfo.InvariantCulture)}，请核对读数";
                if (stored) return null;
                var decimals = Decimals(item);
                var exact = (decimal)value;
                return Math.Round(exact, decimals) == exact ? null : $"评分项 {item.Code} 的测量值最多 {decimals} 位小数，收到 {Show(value)}";
        }
    }

    /// <summary>What is wrong with a scheme item an organizer writes, in Chinese; empty when it is sound.</summary>
    public static IEnumerable<string> SchemeProblems(SchemeItem item) => SchemeItemProblems(item).Select(p => p.Message);

    /// <summary><see cref="SchemeProblems"/> with the field each is about (a <see cref="SchemeColumns"/> name), so a sheet can name the column.</summary>
    public static IEnumerable<(string Field, string Message)> SchemeItemProblems(SchemeItem item)
    {
        var code = string.IsNullOrWhiteSpace(item.Code) ? "（无编号）" : item.Code;
        if (string.IsNullOrWhiteSpace(item.Code)) yield return (SchemeColumns.Code, "评分项编号不能为空");
        else if (item.Code.Trim().Length > 32) yield return (SchemeColumns.Code, $"评分项编号 {code} 过长（最多 32 个字符）");
        if ((item.Title ?? "").Length > 200) yield return (SchemeColumns.Title, $"评分项 {code} 的名称过长（最多 200 个字符）");
        if (!double.IsFinite(item.MaxPoints) || item.MaxPoints <= 0 || item.MaxPoints > MaxItemPoints)
            yield return (SchemeColumns.Points, $"评分项 {code} 的配分应在 0–{MaxItemPoints} 分之间，当前为 {Show(item.MaxPoints)}");
        else if (Math.Round(item.MaxPoints, 2) != item.MaxPoints) yield return (SchemeColumns.Points, $"评分项 {code} 的配分最多 2 位小数，当前为 {Show(item.MaxPoints)}");
        if (!Enum.IsDefined(item.Kind)) yield return (SchemeColumns.Kind, $"评分项 {code} 的评分方式无效");
        if (item.Kind == ItemKind.MeasuredValue)
        {
            if (item.Nominal is null) yield return (SchemeColumns.Nominal, $"评分项 {code} 缺少基本尺寸");
            else if (Math.Abs(item.Nominal.Value) > MaxMeasure) yield return (SchemeColumns.Nominal, $"评分项 {code} 的基本尺寸超出 ±{MaxMeasure}");
            foreach (var (name, value) in new[] { (SchemeColumns.Lower, item.Lower), (SchemeColumns.Upper, item.Upper) })
                if (value is < 0 or > MaxMeasure) yield return (name, $"评分项 {code} 的{name}应为 0–{MaxMeasure} 之间的非负数（下限 = 基本尺寸 − 下偏差，上限 = 基本尺寸 + 上偏差）");
            if (item.Decimals is < 0 or > MaxDecimals) yield return (SchemeColumns.Decimals, $"评分项 {code} 的小数位数应为 0–{MaxDecimals}");
            else if (item.Decimals is { } d && d < Math.Max(Scale(item.Nominal), Math.Max(Scale(item.Lower), Scale(item.Upper))))
                yield return (SchemeColumns.Decimals, $"评分项 {code} 只记 {d} 位小数，少于图纸尺寸与公差的精度");
        }
        if (item.Kind == ItemKind.Judgement && item.JudgeCount is not (null or 3 or 5)) yield return (SchemeColumns.Judges, $"评分项 {code} 的评判裁判人数只能为 3 或 5 名");
    }

    private static int Scale(decimal? value) => value?.Scale ?? 0;

    private static string Show(double value) => Math.Abs(value) < 1e15 ? value.ToString("0.##########", CultureInfo.InvariantCulture) : value.ToString("G6", CultureInfo.InvariantCulture);
}
