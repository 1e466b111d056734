using Competition.Engine.Common;
using Competition.Engine.Rankings;

namespace Competition.Web.Pages.Rankings;

/// <summary>How results pages write times and states, the same on the organizer's and the public pages.</summary>
public static class ResultsText
{
    /// <summary>A notice ends at 24:00 Beijing time of its last working day, which reads better than 00:00 of the next.</summary>
    public static string NoticeEnd(DateTime utc) => TimeZones.Shanghai(utc).AddMinutes(-1).ToString("yyyy-MM-dd") + " 24:00";

    public static string Time(DateTime? utc) => utc is { } t ? TimeZones.Shanghai(t).ToString("yyyy-MM-dd HH:mm") : "—";

    public static string StateBadge(ResultState state) => state switch
    {
        ResultState.Notice => "text-bg-warning", ResultState.Final => "text-bg-success", ResultState.Draft => "text-bg-secondary", _ => "text-bg-light border",
    };

    public static string Points(double? value) => value?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) ?? "—";
}
