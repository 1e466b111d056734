using Competition.Engine.Rankings;
using Competition.Web.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Competition.Web.Pages.Results;

/// <summary>
/// A contest's public results: the current version (公示中 or 定稿) with its hash, the tables and statements, the history
/// of versions, the objections with their answers, and during 公示 the objection form. Drafts are never rendered here,
/// whoever reads it (the organizer has their own page), so what this page shows is what the public sees.
/// </summary>
public sealed class ContestModel(IMediator mediator) : EnginePageModel
{
    public GetResults.Result? View { get; private set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Contact { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [TempData] public bool Filed { get; set; }

    public Task<IActionResult> OnGetAsync(Guid id) => RunAsync(async () => { await LoadAsync(id); return Page(); });

    public Task<IActionResult> OnPostAsync(Guid id) => RunAsync(async () =>
    {
        await LoadAsync(id);
        if (View!.Current is null) throw new Engine.Common.RuleViolationException("本竞赛的成绩尚未公示，不能提出异议。");
        await mediator.Send(new FileObjection.Command(View.Current.Id, Name, Contact, Reason));
        Filed = true;
        return RedirectToPage(new { id });
    });

    /// <summary>Read as nobody in particular, so a signed-in organizer sees here exactly what the public sees (no draft, no contacts).</summary>
    private static readonly Engine.Common.Actor Public = new("", "", new HashSet<string>(), null);

    private async Task LoadAsync(Guid id) => View = await mediator.Send(new GetResults.Query(id, Public));
}
