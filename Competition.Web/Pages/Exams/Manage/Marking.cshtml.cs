using Competition.Engine.Common;
using Competition.Engine.Exams;
using Competition.Web.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Competition.Web.Pages.Exams.Manage;

public sealed class MarkingModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<MarkShortAnswer.QueueRow> Queue { get; private set; } = [];

    public async Task OnGetAsync(Guid id) => Queue = await mediator.Send(new MarkShortAnswer.QueueQuery(id, User.ToActor()));

    public async Task<IActionResult> OnPostAsync(Guid id, Guid attempt, int item, double awarded)
    {
        try
        {
            await mediator.Send(new MarkShortAnswer.Command(attempt, item, awarded, User.ToActor()));
            return RedirectToPage(new { id });
        }
        catch (ValidationException ex)
        {
            foreach (var e in ex.Errors) ModelState.AddModelError("", e.Message);
            await OnGetAsync(id);
            return Page();
        }
        catch (RuleViolationException ex)
        {
            // e.g. another marker changed the scores at the same moment: say so instead of an error page.
            ModelState.AddModelError("", ex.Message);
            await OnGetAsync(id);
            return Page();
        }
    }
}
