using System.Threading.RateLimiting;
using Competition.Engine.Accounts;
using Competition.Web.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Competition.Web.Accounts;

/// <summary>
/// Sign-in for the page and the API alike. A failure says the same thing, with the same status and about the same
/// work, whether the name is unknown, the password wrong or the account locked, so that nobody learns which names
/// exist. Failures are limited per user name, whatever address they come from, and per address: a whole exam room
/// behind one address signs in at once and mostly succeeds, and a test or an app signing in again and again succeeds,
/// while a script trying passwords mostly fails. (All attempts per address are the "sign-in" policy, set high enough
/// for that room.)
/// </summary>
public sealed class SignInGate : IDisposable
{
    public enum Outcome { SignedIn, Failed, TooMany }

    /// <param name="User">The account signed in (so the caller need not look it up again).</param>
    public sealed record Result(Outcome Outcome, int RetryAfterSeconds = 0, AppUser? User = null);

    private readonly PartitionedRateLimiter<string> _failuresPerUser;
    private readonly PartitionedRateLimiter<string> _failuresPerAddress;

    public SignInGate(IOptions<RateLimitSettings> options)
    {
        var settings = options.Value;
        _failuresPerUser = PartitionedRateLimiter.Create<string, string>(name => RateLimitPartition.GetFixedWindowLimiter(name, _ =>
            new FixedWindowRateLimiterOptions { PermitLimit = settings.SignInFailuresPerUserPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        _failuresPerAddress = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address, _ =>
            new FixedWindowRateLimiterOptions { PermitLimit = settings.SignInFailuresPerAddressPerHour, Window = TimeSpan.FromHours(1), QueueLimit = 0 }));
    }

    public async Task<Result> SignInAsync(SignInManager<AppUser> signIn, string address, string? userName, string? password)
    {
        var name = (userName ?? "").Trim();
        var key = name.ToUpperInvariant();
        // Asking for no permit only looks: a name or an address is held back once its failures are used up.
        using (var failures = _failuresPerAddress.AttemptAcquire(address, 0))
            if (!failures.IsAcquired) return TooMany(failures);
        using (var failures = _failuresPerUser.AttemptAcquire(key, 0))
            if (!failures.IsAcquired) return TooMany(failures);

        var user = name.Length == 0 ? null : await signIn.UserManager.FindByNameAsync(name);
        SignInResult? result = null;
        if (user is null || await signIn.UserManager.IsLockedOutAsync(user))
            HashDecoy(signIn.UserManager.PasswordHasher, password);   // Identity answers these without hashing; hash anyway so the time does not tell
        else
            result = await signIn.PasswordSignInAsync(user, password ?? "", isPersistent: true, lockoutOnFailure: true);
        if (result?.Succeeded == true) return new Result(Outcome.SignedIn, User: user);
        _failuresPerAddress.AttemptAcquire(address).Dispose();
        _failuresPerUser.AttemptAcquire(key).Dispose();
        return new Result(Outcome.Failed);
    }

    private static Result TooMany(RateLimitLease lease) =>
        new(Outcome.TooMany, lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)) : 60);

    private static string? _decoy;

    private static void HashDecoy(IPasswordHasher<AppUser> hasher, string? password)
    {
        var decoy = _decoy ??= hasher.HashPassword(new AppUser(), Guid.NewGuid().ToString());
        hasher.VerifyHashedPassword(new AppUser(), decoy, password ?? "");
    }

    public void Dispose()
    {
        _failuresPerUser.Dispose();
        _failuresPerAddress.Dispose();
    }
}

public static class LoginMessages
{
    /// <summary>The one answer to every failed sign-in.</summary>
    public const string Failed = "账号或密码错误。连续输错 5 次账号将锁定 15 分钟；如已锁定，请稍后再试或联系组织者解锁。";
}
