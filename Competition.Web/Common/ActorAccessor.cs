using System.Security.Claims;
using Competition.Engine.Accounts;
using Competition.Engine.Common;

namespace Competition.Web.Common;

public static class ActorAccessor
{
    public const string CityClaim = "city";
    public const string WorkerClaim = "worker";

    /// <summary>The signed-in user as the engine sees them: id, roles, and the city an organizer is scoped to.</summary>
    public static Actor ToActor(this ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
        user.Identity?.Name ?? "",
        Roles.All.Where(user.IsInRole).ToHashSet(),
        user.FindFirstValue(CityClaim),
        Guid.TryParse(user.FindFirstValue(WorkerClaim), out var worker) ? worker : null);
}
