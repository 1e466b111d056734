namespace Competition.Engine.Common;

/// <summary>Times are stored in UTC and shown in Asia/Shanghai, whatever the server's own zone.</summary>
public static class TimeZones
{
    private static readonly TimeZoneInfo China = FindChina();

    public static DateTime Shanghai(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), China);

    public static DateTime FromShanghai(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), China);

    /// <summary>The calendar day in China, e.g. for "answered right on two different days".</summary>
    public static DateOnly ShanghaiDay(DateTime utc) => DateOnly.FromDateTime(Shanghai(utc));

    private static TimeZoneInfo FindChina()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.CreateCustomTimeZone("China Standard Time", TimeSpan.FromHours(8), "CST", "CST"); }
    }
}
