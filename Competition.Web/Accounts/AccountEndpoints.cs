using Competition.Engine.Accounts;
using Competition.Engine.QuestionBank;
using Competition.Web.Common;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace Competition.Web.Accounts;

/// <summary>JSON sign-in and registration for app clients; the pages use the same use cases.</summary>
public static class AccountEndpoints
{
    public sealed record LoginForm(string UserName, string Password);
    public sealed record RegisterForm(string Name, string? Phone, string? EmployeeNumber, Guid UnitId, string Password, string? TradeCode, SkillLevel? Level);

    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/account").WithTags("Accounts");
        api.MapPost("/login", async (SignInManager<AppUser> signIn, SignInGate gate, HttpContext http, LoginForm form) =>
        {
            var result = await gate.SignInAsync(signIn, RateLimits.ClientAddress(http), form.UserName, form.Password);
            switch (result.Outcome)
            {
                case SignInGate.Outcome.SignedIn: return Results.Ok(new { form.UserName });
                case SignInGate.Outcome.TooMany: await RateLimits.RejectAsync(http, result.RetryAfterSeconds); return Results.Empty;
                default: return Results.Problem(title: "登录失败", detail: LoginMessages.Failed, statusCode: StatusCodes.Status401Unauthorized);
            }
        }).DisableAntiforgery().RequireRateLimiting(RateLimits.SignIn);
        api.MapPost("/logout", async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.NoContent();
        });
        api.MapPost("/register", async (IMediator m, RegisterForm f) =>
        {
            var r = await m.Send(new RegisterWorker.Command(f.Name, f.Phone, f.EmployeeNumber, f.UnitId, f.Password, f.TradeCode, f.Level));
            return Results.Created("/api/account/me", new { r.UserName });
        }).DisableAntiforgery().RequireRateLimiting(RateLimits.SignIn);
        api.MapGet("/me", (HttpContext http) => http.User.Identity?.IsAuthenticated == true
            ? Results.Ok(new { name = http.User.Identity.Name, roles = Roles.All.Where(http.User.IsInRole) })
            : Results.Unauthorized());
    }
}
