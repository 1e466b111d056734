using System.Security.Claims;
using Competition.Engine.Accounts;

namespace Competition.Web.Scoreboards;

/// <summary>The only place SignalR group names are made, and where it is said who may watch a jury board.</summary>
public static class BoardGroups
{
    private static readonly string[] JuryRoles = [Roles.Judge, Roles.ChiefJudge, Roles.Organizer, Roles.Admin];

    public static bool MayWatchJury(ClaimsPrincipal? user) => JuryRoles.Any(r => user?.IsInRole(r) == true);

    public static string Name(Guid contestId, string group, bool jury) => $"board:{contestId:N}:{group}:{(jury ? "jury" : "public")}";
}
