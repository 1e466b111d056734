using Competition.Engine.Exams;
using Competition.Web.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Competition.Web.Pages.Exams;

/// <summary>The exam page; its script loads the paper. Only the worker who owns the attempt gets the page (the engine's rule).</summary>
public sealed class AttemptModel(IMediator mediator) : PageModel
{
    public GetAttemptHeader.Result Header { get; private set; } = null!;

    public async Task OnGetAsync(Guid id) => Header = await mediator.Send(new GetAttemptHeader.Query(id, User.ToActor()));
}
