using Competition.Engine.Judging;
using Competition.Web.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Competition.Web.Pages.Judging;

/// <summary>"我的竞赛": the contests a judge is assigned to, with the sheet, and for a chief judge sign-off, corrections and the audit trail.</summary>
public sealed class IndexModel(IMediator mediator) : EnginePageModel
{
    public IReadOnlyList<ListMyContests.Row> Contests { get; private set; } = [];

    public Task<IActionResult> OnGetAsync() => RunAsync(async () =>
    {
        Contests = await mediator.Send(new ListMyContests.Query(User.ToActor()));
        return Page();
    });
}
