using Competition.Engine.Exams;
using Competition.Web.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Competition.Web.Pages.Exams;

public sealed class ResultModel(IMediator mediator) : PageModel
{
    public GetAttemptResult.Result Result { get; private set; } = null!;

    public async Task OnGetAsync(Guid id) => Result = await mediator.Send(new GetAttemptResult.Query(id, User.ToActor()));
}
