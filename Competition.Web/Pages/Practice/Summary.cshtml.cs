using Competition.Engine.Practice;
using Competition.Web.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Competition.Web.Pages.Practice;

/// <summary>The end of a drill set: how it went, and the way to the 错题本 or to another set like this one.</summary>
public sealed class SummaryModel(IMediator mediator) : EnginePageModel
{
    public GetPracticeSummary.Result? Summary { get; private set; }

    public Task<IActionResult> OnGetAsync(Guid id) => RunAsync(async () =>
    {
        Summary = await mediator.Send(new GetPracticeSummary.Query(User.ToActor(), id));
        return Page();
    });

    /// <summary>Time as a worker reads it: minutes and seconds.</summary>
    public static (int Minutes, int Seconds) Clock(TimeSpan t) => ((int)t.TotalMinutes, t.Seconds);
}
