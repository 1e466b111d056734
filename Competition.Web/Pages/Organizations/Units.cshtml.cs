using Competition.Engine.Common;
using Competition.Engine.Organizations;
using Competition.Web.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Competition.Web.Pages.Organizations;

public sealed class UnitsModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<ListUnits.Row> Units { get; private set; } = [];
    public string? MyCity => User.ToActor().CityCode;
    [BindProperty] public string Name { get; set; } = "";
    [BindProperty] public string CityCode { get; set; } = "";
    [BindProperty] public UnitKind Kind { get; set; } = UnitKind.Enterprise;

    public async Task OnGetAsync() => Units = await mediator.Send(new ListUnits.Query(User.ToActor(), MyCity));

    public async Task<IActionResult> OnPostAsync()
    {
        try
        {
            await mediator.Send(new CreateUnit.Command(CityCode, Name, Kind, User.ToActor()));
            return RedirectToPage();
        }
        catch (Exception ex) when (ex is ValidationException or RuleViolationException or ForbiddenException)
        {
            // A refusal keeps its status (403) while its message shows on the page.
            if (ex is ForbiddenException) Response.StatusCode = StatusCodes.Status403Forbidden;
            if (ex is ValidationException v) foreach (var e in v.Errors) ModelState.AddModelError(e.Field, e.Message);
            else ModelState.AddModelError("", ex.Message);
            Units = await mediator.Send(new ListUnits.Query(User.ToActor(), MyCity));
            return Page();
        }
    }
}
