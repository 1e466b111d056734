namespace Competition.Engine.Common;

/// <summary>
/// Numbers and times typed into forms and APIs. A NaN slips through every "x &lt; min || x &gt; max" check, an
/// Infinity or 1e308 is stored and then breaks every page and JSON answer that shows it, and a year-1 or year-9999
/// date overflows time-zone arithmetic: each is refused at the boundary with the field and the allowed range.
/// </summary>
public static class NumberInput
{
    public static ValidationError? Range(double value, double min, double max, string field, string label, bool minExclusive = false)
    {
        if (!double.IsFinite(value)) return new(field, $"{label}必须是有限的数字（不能是 NaN 或无穷大）");
        if (value < min || value > max || (minExclusive && value == min))
            return new(field, $"{label}应在 {(minExclusive ? "大于 " : "")}{min:0.##} 到 {max:0.##} 之间（现为 {Show(value)}）");
        return null;
    }

    public static ValidationError? Range(long value, long min, long max, string field, string label) =>
        value < min || value > max ? new(field, $"{label}应在 {min} 到 {max} 之间（现为 {value}）") : null;

    public static ValidationError? Range(decimal value, decimal min, decimal max, string field, string label) =>
        value < min || value > max ? new(field, $"{label}应在 {min:0.####} 到 {max:0.####} 之间（现为 {Show((double)value)}）") : null;

    /// <summary>Contest and exam times: between 2000 and 2100, so every time-zone conversion and duration is defined.</summary>
    public static ValidationError? Time(DateTime value, string field, string label) =>
        value.Year is < 2000 or > 2100 ? new(field, $"{label}应在 2000 年到 2100 年之间（现为 {value:yyyy-MM-dd}）") : null;

    private static string Show(double value) => Math.Abs(value) < 1e9 ? value.ToString("0.####") : value.ToString("G3");
}
