using Competition.Engine.Practice;
using Competition.Web.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Competition.Web.Pages.Practice;

/// <summary>One 错题本 item for review: the question, the worker's last answer, the key and the explanation; 再练 from here.</summary>
public sealed class ReviewModel(IMediator mediator) : EnginePageModel
{
    public GetWrongBookItem.Result? Item { get; private set; }

    public Task<IActionResult> OnGetAsync(string questionId) => RunAsync(async () =>
    {
        Item = await mediator.Send(new GetWrongBookItem.Query(User.ToActor(), questionId));
        return Page();
    });
}
