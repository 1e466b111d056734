using Competition.Engine.Common;

namespace Competition.Web.Common;

/// <summary>
/// How errors reach people: APIs and hubs answer ProblemDetails; browser pages get an error page in the site's layout
/// (Pages/Error) with the right status and never a stack trace, in any environment.
/// </summary>
public static class ErrorPages
{
    public const string Path = "/Error";

    public static bool IsApi(HttpContext http)
    {
        // While an exception is handled the request path is already the error page's; the feature keeps the original.
        var path = http.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>()?.Path is { } original ? new PathString(original) : http.Request.Path;
        return path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs");
    }

    public static void UseCompetitionErrorPages(this WebApplication app)
    {
        // Engine refusals are expected outcomes, not faults: only other exceptions are logged.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = Path,
            StatusCodeSelector = StatusFor,
            SuppressDiagnosticsCallback = c => IsRefusal(c.Exception),
        });
        app.UseWhen(IsApi, api => api.UseStatusCodePages());
        app.UseWhen(http => !IsApi(http), pages => pages.UseStatusCodePagesWithReExecute(Path + "/{0}"));
    }

    public static bool IsRefusal(Exception e) => e is ValidationException or RuleViolationException or ForbiddenException or NotFoundException;

    public static int StatusFor(Exception e) => e switch
    {
        ValidationException => StatusCodes.Status400BadRequest,
        RuleViolationException => StatusCodes.Status409Conflict,
        ForbiddenException => StatusCodes.Status403Forbidden,
        NotFoundException => StatusCodes.Status404NotFound,
        BadHttpRequestException b => b.StatusCode,
        _ => StatusCodes.Status500InternalServerError,
    };
}
