using Competition.Engine.Common;
using Competition.Engine.Contests;
using Competition.Engine.Judging;
using Competition.Engine.Persistence;
using Competition.Web.Common;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Competition.Web.Pages.Contests;

[Authorize(Policy = ServiceRegistration.OrganizerPolicy)]
public sealed class ControlModel(IMediator mediator, CompetitionDbContext db) : PageModel
{
    public Contest Contest { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var contest = await db.Contests.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id);
        if (contest is null) return NotFound();
        Contest = contest;
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
        catch (Exception ex) when (ex is RuleViolationException or ForbiddenException or ValidationException or NotFoundException)
        {
            ModelState.AddModelError("", ex.Message);
            return await OnGetAsync(id);
        }
    }
}
