using Competition.Engine.Exams;
using Competition.Web.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Competition.Web.Pages.Exams;

/// <summary>The exam lobby; an attempt starts on the 考试须知 page (<see cref="NoticeModel"/>).</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<ListExams.Row> Exams { get; private set; } = [];

    public async Task OnGetAsync() => Exams = await mediator.Send(new ListExams.Query(User.ToActor()));
}
