using Microsoft.AspNetCore.Identity;

namespace Competition.Engine.Accounts;

public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>The city an organizer (or judge) is scoped to; null for admins and workers.</summary>
    public string? CityCode { get; set; }

    public Guid? WorkerId { get; set; }
}
