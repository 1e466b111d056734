using Competition.Engine.Exams;
using Competition.Web.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Competition.Web.Pages.Exams.Manage;

public sealed class PreviewModel(IMediator mediator) : EnginePageModel
{
    public PreviewPaper.Result? Paper { get; private set; }

    /// <param name="seed">Which sample paper; "另抽一份" passes a new one.</param>
    public Task<IActionResult> OnGetAsync(Guid id, int? seed) => RunAsync(async () =>
    {
        Paper = await mediator.Send(new PreviewPaper.Query(id, seed ?? 1, User.ToActor()));
        return Page();
    });
}
