using Competition.Engine.Exams;
using Competition.Web.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Competition.Web.Pages.Exams.Manage;

public sealed class IndexModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<ListExams.Row> Exams { get; private set; } = [];

    public async Task OnGetAsync() => Exams = await mediator.Send(new ListExams.Query(User.ToActor(), Manage: true));

    public async Task<IActionResult> OnPostPublishAsync(Guid id)
    {
        await mediator.Send(new PublishExam.Command(id, User.ToActor()));
        return RedirectToPage();
    }
}
