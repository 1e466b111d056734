using System.Threading.RateLimiting;
using Competition.Engine.Accounts;
using Competition.Web.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Competition.Web.Accounts;

/// <summary>
/// Sign-in for the page and the API alike. A failure says the same thing, with the same status and about the same
/// work, whether the name is unknown, the password wrong or the account locked, so that nobody learns which names
/// exist. Attempts per user name are limited whatever address they come from (per address is the "sign-in" policy).
/// </summary>
public sealed class SignInGate : IDisposable
{
    public enum Outcome { SignedIn, Failed, TooMany }

    public sealed record Result(Outcome Outcome, int RetryAfterSeconds = 0);

    private readonly PartitionedRateLimiter<string> _perUser;

    public SignInGate(IOptions<RateLimitSettings> settings) =>
        _perUser = PartitionedRateLimiter.Create<string, string>(name => RateLimitPartition.GetFixedWindowLimiter(name, _ =>
            new FixedWindowRateLimiterOptions { PermitLimit = settings.Value.SignInPerUserPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));

    public async Task<Result> SignInAsync(SignInManager<AppUser> signIn, string? userName, string? password)
    {
        var name = (userName ?? "").Trim();
        using (var lease = _perUser.AttemptAcquire(name.ToUpperInvariant()))
        {
            if (!lease.IsAcquired)
                return new Result(Outcome.TooMany, lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)) : 60);
        }
        var user = name.Length == 0 ? null : await signIn.UserManager.FindByNameAsync(name);
        if (user is null || await signIn.UserManager.IsLockedOutAsync(user))
        {
            // Identity answers these without hashing; hash anyway so the time taken does not tell them apart.
            HashDecoy(signIn.UserManager.PasswordHasher, password);
            return new Result(Outcome.Failed);
        }
        var result = await signIn.PasswordSignInAsync(user, password ?? "", isPersistent: true, lockoutOnFailure: true);
        return new Result(result.Succeeded ? Outcome.SignedIn : Outcome.Failed);
    }

    private static string? _decoy;

    private static void HashDecoy(IPasswordHasher<AppUser> hasher, string? password)
    {
        var decoy = _decoy ??= hasher.HashPassword(new AppUser(), Guid.NewGuid().ToString());
        hasher.VerifyHashedPassword(new AppUser(), decoy, password ?? "");
    }

    public void Dispose() => _perUser.Dispose();
}

public static class LoginMessages
{
    /// <summary>The one answer to every failed sign-in.</summary>
    public const string Failed = "账号或密码错误。连续输错 5 次账号将锁定 15 分钟；如已锁定，请稍后再试或联系组织者解锁。";
}
