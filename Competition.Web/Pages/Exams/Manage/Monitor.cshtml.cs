using Competition.Engine.Exams;
using Competition.Web.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Competition.Web.Pages.Exams.Manage;

public sealed class MonitorModel(IMediator mediator) : PageModel
{
    public GetExamMonitor.Result Monitor { get; private set; } = null!;

    public async Task OnGetAsync(Guid id) => Monitor = await mediator.Send(new GetExamMonitor.Query(id, User.ToActor()));

    public async Task<IActionResult> OnPostPublishAsync(Guid id)
    {
        await mediator.Send(new PublishExam.Command(id, User.ToActor()));
        return RedirectToPage(new { id });
    }
}
