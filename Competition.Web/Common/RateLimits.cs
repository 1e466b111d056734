using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Competition.Web.Common;

/// <summary>
/// Limits set well above what a person does, so that only scripts meet them (section "RateLimits" of the settings).
/// Behind a reverse proxy, client addresses are the proxy's unless forwarded headers are enabled.
/// </summary>
public sealed class RateLimitSettings
{
    /// <summary>Sign-in attempts (page and API, and registrations) per client address per minute: a whole exam room
    /// behind one address (3,000 candidates starting within a minute) signs in at once.</summary>
    public int SignInPerAddressPerMinute { get; set; } = 6000;

    /// <summary>Failed sign-ins per client address per hour: the real limit on trying passwords across many names.</summary>
    public int SignInFailuresPerAddressPerHour { get; set; } = 300;

    /// <summary>Failed sign-ins per user name per minute, whatever the address, known name or not (an existing account
    /// is also locked after 5 wrong passwords).</summary>
    public int SignInFailuresPerUserPerMinute { get; set; } = 10;

    /// <summary>Answer saves (exam answers, drill answers, later flag submissions) a signed-in user may send at once…</summary>
    public int AnswersBurst { get; set; } = 600;

    /// <summary>…and per second after that. An exam page saves a few a second at most; the cap keeps one account (or
    /// a runaway script) from taking more than a small share of what the answer writer stores per second.</summary>
    public double AnswersPerSecond { get; set; } = 50;
}

public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string Answers = "answers";
    public const string Title = "请求过于频繁";

    public static string TryAgain(int seconds) => $"操作过于频繁，请在 {seconds} 秒后再试。";

    public static IServiceCollection AddCompetitionRateLimits(this IServiceCollection services)
    {
        // Read when the app runs, not while services are registered, so settings added by a host (or a test) count.
        services.AddOptions<RateLimitSettings>().BindConfiguration("RateLimits");
        static RateLimitSettings Settings(HttpContext http) => http.RequestServices.GetRequiredService<IOptions<RateLimitSettings>>().Value;
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(SignIn, http => HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
                ? RateLimitPartition.GetNoLimiter("read")
                : RateLimitPartition.GetFixedWindowLimiter(ClientAddress(http), _ => new FixedWindowRateLimiterOptions
                    { PermitLimit = Settings(http).SignInPerAddressPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.AddPolicy(Answers, http => RateLimitPartition.GetTokenBucketLimiter(
                http.User.Identity?.IsAuthenticated == true ? "user:" + http.User.Identity.Name : "address:" + ClientAddress(http),
                _ => AnswerBucket(Settings(http))));
            o.OnRejected = async (context, _) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)) : 60;
                await RejectAsync(context.HttpContext, seconds);
            };
        });
        return services;
    }

    /// <summary>429 with Retry-After: a ProblemDetails for APIs; pages get the error page (status-code re-execution).</summary>
    public static async Task RejectAsync(HttpContext http, int seconds)
    {
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (!ErrorPages.IsApi(http)) return;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = StatusCodes.Status429TooManyRequests, Title = Title, Detail = TryAgain(seconds) },
        });
    }

    public static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    // Below one token a second the bucket refills one token per 1/rate seconds, so a low setting still means what it says.
    private static TokenBucketRateLimiterOptions AnswerBucket(RateLimitSettings s)
    {
        var perSecond = Math.Max(s.AnswersPerSecond, 0.001);
        var (tokens, period) = perSecond >= 1 ? ((int)perSecond, TimeSpan.FromSeconds(1)) : (1, TimeSpan.FromSeconds(1 / perSecond));
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, s.AnswersBurst), TokensPerPeriod = tokens, ReplenishmentPeriod = period, QueueLimit = 0, AutoReplenishment = true,
        };
    }
}
