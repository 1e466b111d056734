using Competition.Engine.Accounts;
using Competition.Engine.Common;
using Competition.Engine.Organizations;
using Competition.Engine.QuestionBank;
using Competition.Web.Common;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Competition.Web.Pages.Account;

[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Competition.Web.Common.RateLimits.SignIn)]
public sealed class RegisterModel(IMediator mediator, SignInManager<AppUser> signIn, UserManager<AppUser> users) : PageModel
{
    public sealed class InputModel
    {
        public string Name { get; set; } = "";
        public string? Phone { get; set; }
        public string? EmployeeNumber { get; set; }
        public Guid? UnitId { get; set; }
        public string? TradeCode { get; set; }
        public SkillLevel? Level { get; set; }
        public string Password { get; set; } = "";
    }

    private static readonly Dictionary<string, string> Labels = new()
    {
        ["Input.UnitId"] = "所在单位", ["Input.Level"] = "等级", ["Input.TradeCode"] = "工种",
    };

    [BindProperty] public InputModel Input { get; set; } = new();
    public IReadOnlyList<ListUnits.Row> Units { get; private set; } = [];
    public IReadOnlyList<ListTrades.Row> Trades { get; private set; } = [];

    public async Task OnGetAsync() => await LoadChoicesAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        try
        {
            if (Competition.Web.Common.FormBinding.Errors(ModelState, Labels) is { Count: > 0 } unreadable) throw new ValidationException(unreadable);
            var r = await mediator.Send(new RegisterWorker.Command(Input.Name, Input.Phone, Input.EmployeeNumber, Input.UnitId ?? Guid.Empty,
                Input.Password, string.IsNullOrEmpty(Input.TradeCode) ? null : Input.TradeCode, Input.Level));
            await signIn.SignInAsync((await users.FindByIdAsync(r.UserId))!, isPersistent: true);
            return Redirect("/");
        }
        catch (ValidationException ex)
        {
            ModelState.Clear();
            foreach (var e in ex.Errors) ModelState.AddModelError(e.Field.StartsWith("Input.", StringComparison.Ordinal) ? e.Field : $"Input.{e.Field}", e.Message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadChoicesAsync();
            return Page();
        }
    }

    private async Task LoadChoicesAsync()
    {
        Units = await mediator.Send(new ListUnits.Query(User.ToActor()));
        Trades = await mediator.Send(new ListTrades.Query());
    }
}
