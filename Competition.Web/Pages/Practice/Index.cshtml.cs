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

    public IReadOnlyList<ListTrades.Row> Trades { get; private set; } = [];
    public IReadOnlyList<string> KnowledgePoints => Trades.FirstOrDefault(t => t.Code == TradeCode)?.KnowledgePoints ?? [];

    public Task<IActionResult> OnGetAsync() => RunAsync(async () =>
    {
        User.ToActor().RequireWorker();
        await LoadAsync();
        return Page();
    });

    public Task<IActionResult> OnPostAsync() => RunAsync(async () =>
    {
        User.ToActor().RequireWorker();
        await LoadAsync();
        var id = await mediator.Send(new StartPractice.Command(User.ToActor(), TradeCode ?? "", Level, Mode,
            string.IsNullOrWhiteSpace(KnowledgePoint) ? null : KnowledgePoint));
        return RedirectToPage("/Practice/Drill", new { id });
    });

    /// <summary>Trades a drill can serve: exam-only banks and questions are left out.</summary>
    private async Task LoadAsync() => Trades = (await mediator.Send(new ListTrades.Query())).Where(t => t.DrillQuestions > 0).ToList();
}
