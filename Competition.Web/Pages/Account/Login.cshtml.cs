using Competition.Engine.Accounts;
using Competition.Web.Accounts;
using Competition.Web.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Competition.Web.Pages.Account;

[EnableRateLimiting(RateLimits.SignIn)]
public sealed class LoginModel(SignInManager<AppUser> signIn, SignInGate gate, Microsoft.Extensions.Localization.IStringLocalizerFactory strings) : PageModel
{
    [BindProperty] public string UserName { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError("", strings.ForPage("Account/Login")["请输入账号和密码"]);
            return Page();
        }
        var result = await gate.SignInAsync(signIn, RateLimits.ClientAddress(HttpContext), UserName, Password);
        if (result.Outcome == SignInGate.Outcome.SignedIn)
        {
            if (Url.IsLocalUrl(ReturnUrl)) return LocalRedirect(ReturnUrl!);
            return LocalRedirect(Landing.For(await signIn.UserManager.GetRolesAsync(result.User!)));
        }
        if (result.Outcome == SignInGate.Outcome.TooMany)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = result.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            ModelState.AddModelError("", RateLimits.TryAgain(result.RetryAfterSeconds));
        }
        else ModelState.AddModelError("", LoginMessages.Failed);
        return Page();
    }
}
