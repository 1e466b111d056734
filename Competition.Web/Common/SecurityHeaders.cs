namespace Competition.Web.Common;

/// <summary>
/// Headers on every response, error pages included (they are added as the response starts, after any handler has
/// cleared the response). The policy allows no inline script: pages load their scripts from /js and /lib, and an
/// address that slipped past the Markdown renderer (javascript:) would still not run.
/// </summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.TryAdd("Content-Security-Policy", ContentSecurityPolicy(http.Request));
            headers.TryAdd("X-Content-Type-Options", "nosniff");
            headers.TryAdd("Referrer-Policy", "strict-origin-when-cross-origin");
            headers.XFrameOptions = "DENY";   // antiforgery sets SAMEORIGIN on pages with forms; nothing here is meant to be framed
            headers.TryAdd("Cross-Origin-Opener-Policy", "same-origin");
            headers.TryAdd("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
            return Task.CompletedTask;
        });
        return next(http);
    });

    /// <summary>
    /// Inline style attributes stay allowed (progress bars, city colours on boards); style elements and every script
    /// must come from the site. Bootstrap's own icons are data: images in its stylesheet. SignalR connects by
    /// WebSocket to this host, which older browsers do not count as 'self'.
    /// </summary>
    public static string ContentSecurityPolicy(HttpRequest request)
    {
        var host = request.Host.HasValue ? request.Host.ToUriComponent() : null;
        var sockets = host is null ? "" : $" ws://{host} wss://{host}";
        return "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data:; " +
               $"font-src 'self'; connect-src 'self'{sockets}; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";
    }
}
