using Competition.Engine.Common;
using Competition.Engine.Rankings;
using Competition.Web.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Competition.Web.Pages.Rankings;

/// <summary>The chief judge's 成绩签字: the draft as computed, its hash, and the 裁判长签字 on exactly those figures.</summary>
public sealed class SignModel(IMediator mediator) : EnginePageModel
{
    public GetResults.Result? View { get; private set; }
    [TempData] public string? Message { get; set; }

    public Task<IActionResult> OnGetAsync(Guid id) => RunAsync(async () => { await LoadAsync(id); return Page(); });

    public Task<IActionResult> OnPostAsync(Guid id, Guid versionId, string? contentHash) => RunAsync(async () =>
    {
        await LoadAsync(id);
        var signed = await mediator.Send(new SignResults.Command(versionId, contentHash ?? "", SignResults.As.ChiefJudge, User.ToActor()));
        Message = $"裁判长已签字确认第 {signed.Number} 版。" + (signed.OrganizerSigned ? "组织者也已签字，可以开始公示。" : "还需组织者签字。");
        return RedirectToPage(new { id });
    });

    /// <summary>Only the contest's assigned chief judge (the engine's rule); organizers have their own page.</summary>
    private async Task LoadAsync(Guid id)
    {
        var view = await mediator.Send(new GetResults.Query(id, User.ToActor()));
        if (!view.MaySignAsChiefJudge) throw new ForbiddenException("只有本竞赛的裁判长可以签字确认成绩。");
        View = view;
    }
}
