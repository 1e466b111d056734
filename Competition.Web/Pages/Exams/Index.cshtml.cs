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
        // A refusal (ForbiddenException) is not a form error: it reaches the exception handler and answers 403.
        catch (Exception ex) when (ex is RuleViolationException or PaperAssemblyException)
        {
            ModelState.AddModelError("", ex.Message);
            await OnGetAsync();
            return Page();
        }
    }
}
