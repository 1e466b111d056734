using Competition.Engine.Common;

namespace Competition.Engine.Practice;

/// <summary>
/// The one home of the participation figures' default period: the last 30 China days up to today, what an organizer
/// usually checks before a monthly report. Used by the API and the page alike.
/// </summary>
public static class ParticipationWindow
{
    public const int DefaultDays = 30;

    /// <summary>Fills what the caller left open: "to" defaults to today (China time), "from" to 30 days up to "to".</summary>
    public static (DateOnly From, DateOnly To) Resolve(DateOnly? from, DateOnly? to, DateTime nowUtc)
    {
        var until = to ?? TimeZones.ShanghaiDay(nowUtc);
        return (from ?? until.AddDays(-(DefaultDays - 1)), until);
    }
}
