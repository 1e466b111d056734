using Competition.Engine.Practice;
using Competition.Web.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Competition.Web.Pages.Practice;

public sealed class WrongBookModel(IMediator mediator) : EnginePageModel
{
    [BindProperty(SupportsGet = true)] public string? Trade { get; set; }

    public IReadOnlyList<GetWrongBook.Row> Entries { get; private set; } = [];
    /// <summary>Trades with entries, for the filter and the "drill these" buttons, from the unfiltered book.</summary>
    public IReadOnlyList<(string Code, string Name, int Count)> Trades { get; private set; } = [];

    public Task<IActionResult> OnGetAsync() => RunAsync(async () =>
    {
        var all = await mediator.Send(new GetWrongBook.Query(User.ToActor()));
        Trades = all.GroupBy(e => (e.TradeCode, e.TradeName)).Select(g => (g.Key.TradeCode, g.Key.TradeName, g.Count())).OrderBy(t => t.TradeName).ToList();
        Entries = string.IsNullOrEmpty(Trade) ? all : all.Where(e => e.TradeCode == Trade).ToList();
        return Page();
    });
}
