using Competition.Engine.Accounts;

namespace Competition.Web.Accounts;

/// <summary>Where each role lands after signing in: judges on their contests, everyone else on the home page.</summary>
public static class Landing
{
    public const string Judges = "/Judging";

    public static string For(IEnumerable<string> roles)
    {
        var set = roles.ToHashSet();
        var organizes = set.Contains(Roles.Organizer) || set.Contains(Roles.Admin);
        return !organizes && (set.Contains(Roles.Judge) || set.Contains(Roles.ChiefJudge)) ? Judges : "/";
    }
}
