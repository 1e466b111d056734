using Competition.Engine.Practice;
using Competition.Web.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Competition.Web.Pages.Practice;

public sealed class ProgressModel(IMediator mediator) : EnginePageModel
{
    public IReadOnlyList<GetPracticeProgress.TradeProgress> Trades { get; private set; } = [];

    public Task<IActionResult> OnGetAsync() => RunAsync(async () =>
    {
        Trades = await mediator.Send(new GetPracticeProgress.Query(User.ToActor()));
        return Page();
    });

    public static string Percent(double? accuracy) => accuracy is { } a ? $"{a:0.#}%" : "—";
}
