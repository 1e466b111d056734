using Competition.Engine.Accounts;
using Competition.Engine.QuestionBank;
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
        api.MapPost("/login", async (SignInManager<AppUser> signIn, LoginForm form) =>
        {
            var result = await signIn.PasswordSignInAsync(form.UserName ?? "", form.Password ?? "", isPersistent: true, lockoutOnFailure: true);
            if (result.Succeeded) return Results.Ok(new { form.UserName });
            return result.IsLockedOut
                ? Results.Problem(title: "账号已锁定", detail: LoginMessages.LockedOut, statusCode: StatusCodes.Status423Locked)
                : Results.Problem(title: "登录失败", detail: LoginMessages.WrongPassword, statusCode: StatusCodes.Status401Unauthorized);
        }).DisableAntiforgery();
        api.MapPost("/logout", async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.NoContent();
        });
        api.MapPost("/register", async (IMediator m, RegisterForm f) =>
        {
            var r = await m.Send(new RegisterWorker.Command(f.Name, f.Phone, f.EmployeeNumber, f.UnitId, f.Password, f.TradeCode, f.Level));
            return Results.Created("/api/account/me", new { r.UserName });
        }).DisableAntiforgery();
        api.MapGet("/me", (HttpContext http) => http.User.Identity?.IsAuthenticated == true
            ? Results.Ok(new { name = http.User.Identity.Name, roles = Roles.All.Where(http.User.IsInRole) })
            : Results.Unauthorized());
    }
}

public static class LoginMessages
{
    public const string WrongPassword = "账号或密码错误；连续输错 5 次将锁定 15 分钟。";
    public const string LockedOut = "密码错误次数过多，账号已锁定 15 分钟，请稍后再试或联系组织者解锁。";
}
