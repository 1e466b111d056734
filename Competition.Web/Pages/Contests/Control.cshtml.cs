using Competition.Engine.Common;
using Competition.Engine.Contests;
using Competition.Engine.Judging;
using Competition.Web.Common;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Competition.Web.Pages.Contests;

[Authorize(Policy = ServiceRegistration.OrganizerPolicy)]
public sealed class ControlModel(IMediator mediator) : PageModel
{
    public Contest Contest { get; private set; } = null!;

    /// <summary>The engine decides who may run the contest: another city's organizer gets 403, an unknown contest 404.</summary>
    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        Contest = (await mediator.Send(new GetContest.Query(id, User.ToActor()))).Contest;
        return Page();
    }

    public Task<IActionResult> OnPostPhaseAsync(Guid id, ContestPhase to) => Run(id, () => mediator.Send(new MoveContestPhase.Command(id, to, User.ToActor())));

    public Task<IActionResult> OnPostRevealAsync(Guid id, string? group) => Run(id, () => mediator.Send(new RevealNext.Command(id, group ?? "", User.ToActor())));

    private async Task<IActionResult> Run<T>(Guid id, Func<Task<T>> action)
    {
        try
        {
            await action();
            return RedirectToPage(new { id });
        }
        // A refusal (ForbiddenException) is not a form error: it reaches the exception handler and answers 403.
        catch (Exception ex) when (ex is RuleViolationException or ValidationException)
        {
            ModelState.AddModelError("", ex.Message);
            return await OnGetAsync(id);
        }
    }
}
