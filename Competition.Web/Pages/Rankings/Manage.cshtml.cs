using Competition.Engine.Common;
using Competition.Engine.Rankings;
using Competition.Web.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Competition.Web.Pages.Rankings;

/// <summary>
/// 成绩与奖项: the organizer sets the award rule, drafts (or corrects) the results, signs the figures shown, starts the
/// 公示, answers objections and finalizes. Each post sends one engine command; refusals are shown on the page.
/// </summary>
public sealed class ManageModel(IMediator mediator, TimeProvider clock, WorkingDays calendar) : EnginePageModel
{
    public GetResults.Result? View { get; private set; }
    [BindProperty] public RuleForm Rule { get; set; } = RuleForm.From(AwardRule.Default);
    [TempData] public string? Message { get; set; }

    /// <summary>When a 公示 started now would end, for the default period (only that one: another length is shown after the start).</summary>
    public DateTime PreviewNoticeEnd => calendar.NoticeEndsUtc(clock.GetUtcNow().UtcDateTime, StartPublicNotice.DefaultWorkingDays);

    public Task<IActionResult> OnGetAsync(Guid id) => RunAsync(async () =>
    {
        await LoadAsync(id);
        if (View!.Rule is { } rule) Rule = RuleForm.From(rule);
        return Page();
    });

    // Each post loads the page first, so that a refusal is shown above the results it refers to.
    public Task<IActionResult> OnPostDraftAsync(Guid id, string? correctionReason) => RunAsync(async () =>
    {
        await LoadAsync(id);
        var draft = await mediator.Send(new DraftResults.Command(id, Rule.ToRule(), correctionReason, User.ToActor()));
        Message = draft.Correction ? $"已生成第 {draft.Number} 版（更正版本），请核对后签字。" : $"已生成第 {draft.Number} 版成绩草稿，请核对后签字。";
        return RedirectToPage(new { id });
    });

    public Task<IActionResult> OnPostSignAsync(Guid id, Guid versionId, string? contentHash) => RunAsync(async () =>
    {
        await ReloadAsync(id);
        var signed = await mediator.Send(new SignResults.Command(versionId, contentHash ?? "", SignResults.As.Organizer, User.ToActor()));
        Message = $"组织者已签字确认第 {signed.Number} 版。" + (signed.ChiefJudgeSigned ? "" : "还需裁判长签字。");
        return RedirectToPage(new { id });
    });

    public Task<IActionResult> OnPostNoticeAsync(Guid id, Guid versionId, int workingDays) => RunAsync(async () =>
    {
        await ReloadAsync(id);
        var notice = await mediator.Send(new StartPublicNotice.Command(versionId, workingDays, User.ToActor()));
        Message = $"第 {notice.Number} 版已开始公示，公示期至 {ResultsText.NoticeEnd(notice.NoticeEndsAtUtc)}（北京时间）。";
        return RedirectToPage(new { id });
    });

    public Task<IActionResult> OnPostAnswerAsync(Guid id, Guid objectionId, string? answer) => RunAsync(async () =>
    {
        await ReloadAsync(id);
        await mediator.Send(new AnswerObjection.Command(objectionId, answer, User.ToActor()));
        Message = "已答复异议，答复已公开。";
        return RedirectToPage(new { id });
    });

    public Task<IActionResult> OnPostFinalizeAsync(Guid id, Guid versionId) => RunAsync(async () =>
    {
        await ReloadAsync(id);
        await mediator.Send(new FinalizeResults.Command(versionId, User.ToActor()));
        Message = "成绩已定稿。";
        return RedirectToPage(new { id });
    });

    private async Task ReloadAsync(Guid id)
    {
        await LoadAsync(id);
        if (View!.Rule is { } rule) Rule = RuleForm.From(rule);
    }

    /// <summary>The page is the contest's managers' (the engine says who); anyone else is refused here, drafts unseen.</summary>
    private async Task LoadAsync(Guid id)
    {
        var view = await mediator.Send(new GetResults.Query(id, User.ToActor()));
        if (!view.MayManage) throw new ForbiddenException("只有本竞赛的组织者可以管理成绩与奖项。");
        View = view;
    }
}
