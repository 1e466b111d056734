namespace Competition.Engine.Rankings;

/// <summary>
/// Working days in Beijing time for the 公示 period: Saturdays and Sundays are off, the configured statutory holidays are
/// off, and the configured make-up days (调休, a weekend day worked) are on. Pure.
/// </summary>
/// <remarks>A notice started on a given day runs for N whole working days after it and ends at 24:00 of the last one,
/// which is how a notice reads "公示期为 5 个工作日（12 月 1 日至 12 月 8 日）".</remarks>
public sealed record WorkingDays(IReadOnlySet<DateOnly> Holidays, IReadOnlySet<DateOnly> MakeUpDays)
{
    public static readonly WorkingDays WeekendsOnly = new(new HashSet<DateOnly>(), new HashSet<DateOnly>());

    public bool IsWorkingDay(DateOnly day) =>
        MakeUpDays.Contains(day) || !(Holidays.Contains(day) || day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The last day of a notice of <paramref name="count"/> working days starting the day after <paramref name="start"/>.</summary>
    public DateOnly LastDay(DateOnly start, int count)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), "公示期至少 1 个工作日");
        var day = start;
        for (var left = count; left > 0;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day)) left--;
        }
        return day;
    }

    /// <summary>When the notice ends (UTC): 24:00 Beijing time of its last working day.</summary>
    public DateTime NoticeEndsUtc(DateTime startUtc, int count)
    {
        var last = LastDay(Common.TimeZones.ShanghaiDay(startUtc), count);
        return Common.TimeZones.FromShanghai(last.AddDays(1).ToDateTime(TimeOnly.MinValue));
    }
}
