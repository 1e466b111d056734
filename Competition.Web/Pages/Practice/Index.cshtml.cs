using Competition.Engine.Practice;
using Competition.Engine.QuestionBank;
using Competition.Web.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Competition.Web.Pages.Practice;

public sealed class IndexModel(IMediator mediator) : EnginePageModel
{
    [BindProperty(SupportsGet = true)] public string? TradeCode { get; set; }
    [BindProperty(SupportsGet = true)] public SkillLevel? Level { get; set; }
    [BindProperty(SupportsGet = true)] public PracticeMode Mode { get; set; } = PracticeMode.InOrder;
    [BindProperty(SupportsGet = true)] public string? KnowledgePoint { get; set; }
    [BindProperty(SupportsGet = true)] public int? SetSize { get; set; }

    public IReadOnlyList<ListTrades.Row> Trades { get; private set; } = [];
    public IReadOnlyList<string> KnowledgePoints => Trades.FirstOrDefault(t => t.Code == TradeCode)?.KnowledgePoints ?? [];

    public Task<IActionResult> OnGetAsync() => RunAsync(async () =>
    {
        User.ToActor().RequireWorker();
        // The worker's own trade and level (or the last used) are chosen already; a choice in the address (a reload after
        // picking a trade) wins.
        var defaults = await mediator.Send(new GetDrillDefaults.Query(User.ToActor()));
        if (TradeCode is null && Level is null)
        {
            TradeCode = defaults.TradeCode;
            Level = defaults.Level;
        }
        SetSize ??= defaults.SetSize;
        await LoadAsync();
        if (TradeCode is not null && Trades.All(t => t.Code != TradeCode)) TradeCode = null;
        return Page();
    });

    public Task<IActionResult> OnPostAsync() => RunAsync(async () =>
    {
        User.ToActor().RequireWorker();
        SetSize ??= DrillSets.Default;
        await LoadAsync();
        var id = await mediator.Send(new StartPractice.Command(User.ToActor(), TradeCode ?? "", Level, Mode,
            string.IsNullOrWhiteSpace(KnowledgePoint) ? null : KnowledgePoint, SetSize));
        return RedirectToPage("/Practice/Drill", new { id });
    });

    /// <summary>Trades a drill can serve: exam-only banks and questions are left out.</summary>
    private async Task LoadAsync() => Trades = (await mediator.Send(new ListTrades.Query())).Where(t => t.DrillQuestions > 0).ToList();
}
