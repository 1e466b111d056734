using Competition.Engine.QuestionBank;
using Competition.Web.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Competition.Web.Pages.QuestionBank;

public sealed class IndexModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Trade { get; set; }
    [BindProperty(SupportsGet = true)] public SkillLevel? Level { get; set; }
    [BindProperty(SupportsGet = true)] public QuestionType? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kp { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    /// <summary>Only questions whose current text an organizer's import wrote.</summary>
    [BindProperty(SupportsGet = true)] public bool Edited { get; set; }

    public IReadOnlyList<ListTrades.Row> Trades { get; private set; } = [];
    public IReadOnlyList<string> KnowledgePoints { get; private set; } = [];
    public SearchQuestions.Result Result { get; private set; } = new([], 0, 1, 20);

    public async Task OnGetAsync()
    {
        Trades = await mediator.Send(new ListTrades.Query());
        KnowledgePoints = Trades.Where(t => string.IsNullOrEmpty(Trade) || t.Code == Trade)
            .SelectMany(t => t.KnowledgePoints).Distinct().Order().ToList();
        Result = await mediator.Send(new SearchQuestions.Query(User.ToActor(), Trade, Level, Type, Kp, Q, false, PageNumber, 20, Edited));
    }

    public string PageLink(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["trade"] = Trade, ["level"] = Level?.ToString(), ["type"] = Type?.ToString(), ["kp"] = Kp, ["q"] = Q, ["p"] = page.ToString(), ["edited"] = Edited ? "true" : null,
    }.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToUriComponent();
}
