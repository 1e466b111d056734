using Competition.Engine.Exams;
using Competition.Web.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Competition.Web.Pages.Exams.Manage;

public sealed class StatisticsModel(IMediator mediator) : PageModel
{
    public GetExamStatistics.Result Stats { get; private set; } = null!;
    public RemarkExam.Result? Remark { get; private set; }

    public async Task OnGetAsync(Guid id) => Stats = await mediator.Send(new GetExamStatistics.Query(id, User.ToActor()));

    public async Task<IActionResult> OnPostRemarkAsync(Guid id, bool dryRun)
    {
        Remark = await mediator.Send(new RemarkExam.Command(id, dryRun, User.ToActor()));
        await OnGetAsync(id);
        return Page();
    }
}
