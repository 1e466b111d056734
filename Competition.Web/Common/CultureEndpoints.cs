using Microsoft.AspNetCore.Localization;

namespace Competition.Web.Common;

/// <summary>The language switch on every page: zh-CN (the default) or English, kept in the culture cookie for a year.</summary>
public static class CultureEndpoints
{
    public static readonly string[] Names = ["zh-CN", "en"];

    public static void MapCultureEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/culture/{name}", (string name, string? returnUrl, HttpContext http) =>
        {
            if (!Names.Contains(name)) return Results.NotFound();
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(name)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            // Only a path of this site: a switch link can never send the user elsewhere.
            var back = !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") && !returnUrl.StartsWith("/\\") ? returnUrl : "/";
            return Results.LocalRedirect(back);
        }).AllowAnonymous();
}
