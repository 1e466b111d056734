using System.Security.Claims;
using Competition.Engine.Accounts;
using Competition.Web.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Competition.Web.Accounts;

/// <summary>Adds the organizer's city and the display name to the sign-in cookie.</summary>
public sealed class AppClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.CityCode is not null) identity.AddClaim(new Claim(ActorAccessor.CityClaim, user.CityCode));
        if (user.WorkerId is { } worker) identity.AddClaim(new Claim(ActorAccessor.WorkerClaim, worker.ToString()));
        identity.AddClaim(new Claim("display_name", user.DisplayName));
        return identity;
    }
}
