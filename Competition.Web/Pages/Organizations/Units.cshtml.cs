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
    /// <summary>The unit whose rename was refused, so its row shows the message.</summary>
    public Guid? RenameFailed { get; private set; }

    public async Task OnGetAsync() => Units = await mediator.Send(new ListUnits.Query(User.ToActor(), MyCity));

    public Task<IActionResult> OnPostAsync() =>
        RunAsync(null, () => mediator.Send(new CreateUnit.Command(CityCode, Name, Kind, User.ToActor())), new() { ["Kind"] = "单位类型" });

    public Task<IActionResult> OnPostRenameAsync(Guid id, string? newName) =>
        RunAsync(id, () => mediator.Send(new RenameUnit.Command(id, newName ?? "", User.ToActor())), []);

    private async Task<IActionResult> RunAsync<T>(Guid? renaming, Func<Task<T>> work, Dictionary<string, string> labels)
    {
        try
        {
            if (FormBinding.Errors(ModelState, labels) is { Count: > 0 } bad) throw new ValidationException(bad);
            await work();
            return RedirectToPage();
        }
        catch (Exception ex) when (ex is ValidationException or RuleViolationException or ForbiddenException or NotFoundException)
        {
            ModelState.Clear();
            if (ex is ValidationException v) foreach (var e in v.Errors) ModelState.AddModelError(e.Field, e.Message);
            else ModelState.AddModelError("", ex.Message);
            // A refusal keeps its status while its message shows on the page.
            Response.StatusCode = ex switch
            {
                RuleViolationException => StatusCodes.Status409Conflict,
                ForbiddenException => StatusCodes.Status403Forbidden,
                NotFoundException => StatusCodes.Status404NotFound,
                _ => StatusCodes.Status400BadRequest,
            };
            RenameFailed = renaming;
            Units = await mediator.Send(new ListUnits.Query(User.ToActor(), MyCity));
            return Page();
        }
    }
}
