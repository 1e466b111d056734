using Microsoft.AspNetCore.Mvc;

namespace Competition.Web.Common;

/// <summary>
/// The JSON APIs and hubs take no cross-site request that changes data. Pages are protected by antiforgery tokens;
/// APIs, multipart imports and logout have none, and the sign-in cookie (SameSite=Lax) still goes with requests from
/// another origin of the same site (another port or subdomain). A browser says where a request comes from
/// (Sec-Fetch-Site, or Origin in older browsers); when it says another origin, the request is refused. Requests that
/// carry neither header (app clients, scripts, tests) are not from a web page and pass. Hub connections are checked
/// whatever the method: a WebSocket is opened with a GET, is not bound by CORS, and would let another origin's page
/// read a jury board with the judge's cookie.
/// </summary>
public sealed class CrossSiteRequestGuard(RequestDelegate next, IProblemDetailsService problems)
{
    public const string Title = "拒绝跨站请求";

    public async Task InvokeAsync(HttpContext http)
    {
        var guarded = http.Request.Path.StartsWithSegments("/hubs") || (ChangesData(http.Request) && ErrorPages.IsApi(http));
        if (guarded && FromAnotherOrigin(http.Request) is { } source)
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status403Forbidden, Title = Title,
                    Detail = $"该请求来自其他网站（{source}），为保护您的账号已拒绝。请在本站页面上操作。",
                },
            });
            return;
        }
        await next(http);
    }

    private static bool ChangesData(HttpRequest r) =>
        !(HttpMethods.IsGet(r.Method) || HttpMethods.IsHead(r.Method) || HttpMethods.IsOptions(r.Method) || HttpMethods.IsTrace(r.Method));

    /// <summary>Where the request comes from when that is not this site's own origin; null when it is (or nobody says).</summary>
    public static string? FromAnotherOrigin(HttpRequest r)
    {
        var origin = r.Headers.Origin.ToString();
        var fetchSite = r.Headers["Sec-Fetch-Site"].ToString();
        // Sec-Fetch-Site is set by the browser alone and does not depend on proxies rewriting Host or scheme.
        if (fetchSite.Length > 0)
            return fetchSite is "same-origin" or "none" ? null : origin.Length > 0 ? origin : fetchSite;
        if (origin.Length == 0) return null;
        return string.Equals(origin, $"{r.Scheme}://{r.Host.ToUriComponent()}", StringComparison.OrdinalIgnoreCase) ? null : origin;
    }
}
