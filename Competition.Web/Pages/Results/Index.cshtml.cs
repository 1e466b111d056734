using Competition.Engine.Rankings;
using Competition.Web.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Competition.Web.Pages.Results;

/// <summary>成绩公示: every contest whose results are in 公示 or final, for anyone, without sign-in.</summary>
public sealed class IndexModel(IMediator mediator) : EnginePageModel
{
    public IReadOnlyList<ListPublicResults.Row> Rows { get; private set; } = [];

    public Task<IActionResult> OnGetAsync() => RunAsync(async () =>
    {
        Rows = await mediator.Send(new ListPublicResults.Query());
        return Page();
    });
}
