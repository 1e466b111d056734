using Competition.Engine.Common;
using Competition.Engine.Exams;
using Competition.Web.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Competition.Web.Pages.Exams;

public sealed class IndexModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<ListExams.Row> Exams { get; private set; } = [];

    public async Task OnGetAsync() => Exams = await mediator.Send(new ListExams.Query(User.ToActor()));

    public async Task<IActionResult> OnPostStartAsync(Guid id)
    {
        try
        {
            var started = await mediator.Send(new StartAttempt.Command(id, User.ToActor()));
            return Redirect($"/Exams/Attempt/{started.AttemptId}");
        }
        catch (Exception ex) when (ex is RuleViolationException or ForbiddenException or PaperAssemblyException)
        {
            // A refusal keeps its status (403) while its message shows on the page.
            if (ex is ForbiddenException) Response.StatusCode = StatusCodes.Status403Forbidden;
            ModelState.AddModelError("", ex.Message);
            await OnGetAsync();
            return Page();
        }
    }
}
