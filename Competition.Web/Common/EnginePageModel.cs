using Competition.Engine.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Competition.Web.Common;

/// <summary>
/// A page whose work may be refused by the engine. The refusal (not a worker, not found, against a rule) is shown
/// on the page with its status code, because the message says what to do, which an error page would not.
/// Validation errors become form errors.
/// </summary>
public abstract class EnginePageModel : PageModel
{
    public string? Error { get; private set; }

    protected async Task<IActionResult> RunAsync(Func<Task<IActionResult>> work, Func<Task>? reloadAfterValidation = null)
    {
        try
        {
            try { return await work(); }
            catch (ValidationException ex)
            {
                foreach (var e in ex.Errors) ModelState.AddModelError(e.Field, e.Message);
                if (reloadAfterValidation is not null) await reloadAfterValidation();
                return Page();
            }
        }
        catch (ForbiddenException ex) { return Refused(StatusCodes.Status403Forbidden, ex.Message); }
        catch (NotFoundException ex) { return Refused(StatusCodes.Status404NotFound, ex.Message); }
        catch (RuleViolationException ex) { return Refused(StatusCodes.Status409Conflict, ex.Message); }
    }

    private PageResult Refused(int status, string message)
    {
        Error = message;
        Response.StatusCode = status;
        return Page();
    }
}
