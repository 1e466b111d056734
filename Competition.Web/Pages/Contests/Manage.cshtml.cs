using Competition.Engine.Common;
using Competition.Engine.Contests;
using Competition.Engine.Organizations;
using Competition.Engine.QuestionBank.Sheets;
using Competition.Web.Common;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Competition.Web.Pages.Contests;

[Authorize(Policy = ServiceRegistration.OrganizerPolicy)]
public sealed class ManageModel(IMediator mediator, TimeProvider clock, Microsoft.Extensions.Localization.IStringLocalizerFactory strings) : PageModel
{
    private Microsoft.Extensions.Localization.IStringLocalizer T => strings.ForPage("Contests/Manage");
    public IReadOnlyList<ListContests.Row> Contests { get; private set; } = [];
    public Contest? Selected { get; private set; }
    public IReadOnlyList<Round> Rounds { get; private set; } = [];
    public IReadOnlyList<Contestant> Contestants { get; private set; } = [];
    /// <summary>The cities whose people the selected contest's level admits.</summary>
    public IReadOnlyList<City> Cities { get; private set; } = [];
    public GetContestPeople.Result? People { get; private set; }
    /// <summary>Why the selected contest's setup can no longer change (null: 编辑 is offered).</summary>
    public string? EditProblem { get; private set; }
    public IReadOnlyList<ImportProblem> Report { get; private set; } = [];
    public int Unlisted { get; private set; }
    public string? Search { get; private set; }
    public DateTime CopyStartsAt { get; private set; }
    [TempData] public string? Message { get; set; }

    /// <summary>The organizer's contests; with an id, that contest's people, which the engine refuses for another city's contest.</summary>
    public async Task OnGetAsync(Guid? id, Guid? link, string? q)
    {
        Contests = await mediator.Send(new ListContests.Query(User.ToActor()));
        if (id is not { } contestId) return;
        var setup = await mediator.Send(new GetContest.Query(contestId, User.ToActor()));
        (Selected, Rounds, Contestants, Cities) = (setup.Contest, setup.Rounds, setup.Contestants, setup.EntryCities);
        People = await mediator.Send(new GetContestPeople.Query(contestId, User.ToActor(), link, q));
        EditProblem = Selected.EditProblem(clock.GetUtcNow().UtcDateTime);
        Search = q;
        CopyStartsAt = TimeZones.Shanghai(clock.GetUtcNow().UtcDateTime).Date.AddDays(30).AddHours(9);
    }

    public IActionResult OnGetTemplate() => File(ContestantTemplate.Xlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ContestantTemplate.FileName);

    public Task<IActionResult> OnPostRegisterAsync(Guid id, string number, string name, string unitName, string cityCode, string group, string? team) =>
        Run(id, async () => { await mediator.Send(new RegisterContestant.Command(id, number ?? "", name ?? "", unitName ?? "", cityCode, group, team, null, User.ToActor())); return T["已登记 {0} 号", number ?? ""]; });

    public Task<IActionResult> OnPostAssignAsync(Guid id, Guid roundId, string station, string judge) =>
        Run(id, async () => { await mediator.Send(new AssignJudge.Command(id, roundId, station ?? "", judge ?? "", User.ToActor())); return T["已将 {0} 分配到工位 {1}", judge ?? "", station ?? ""]; });

    public Task<IActionResult> OnPostUnassignAsync(Guid id, Guid assignmentId) =>
        Run(id, async () => { await mediator.Send(new UnassignJudge.Command(id, assignmentId, User.ToActor())); return T["已移除裁判"]; });

    public Task<IActionResult> OnPostRemoveAsync(Guid id, Guid contestantId) =>
        Run(id, async () => T["已移除 {0} 号选手", await mediator.Send(new RemoveContestant.Command(id, contestantId, User.ToActor()))].Value);

    public Task<IActionResult> OnPostLinkAsync(Guid id, Guid contestantId, Guid? workerId) =>
        Run(id, async () => { await mediator.Send(new LinkContestantWorker.Command(id, contestantId, workerId, User.ToActor())); return T[workerId is null ? "已取消关联" : "已关联职工账号"]; });

    /// <summary>复制为新竞赛: the copy opens in the setup page, where its theory exam is picked.</summary>
    public async Task<IActionResult> OnPostCopyAsync(Guid id, string? title, DateTime? startsAt)
    {
        try
        {
            var copy = await mediator.Send(new CopyContest.Command(id, title ?? "", startsAt is { } s ? TimeZones.FromShanghai(s) : default, User.ToActor()));
            TempData["Message"] = T["已复制为新竞赛，请检查时间并选择理论考试"].Value;
            return RedirectToPage("Setup", new { id = copy });
        }
        catch (Exception ex) when (ex is ValidationException or RuleViolationException or NotFoundException)
        {
            AddErrors(ex);
            await OnGetAsync(id, null, null);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostImportAsync(Guid id, IFormFile? upload)
    {
        if (upload is null) { ModelState.AddModelError("", T["请选择选手名单文件"]); await OnGetAsync(id, null, null); return Page(); }
        await using var stream = upload.OpenReadStream();
        var r = await mediator.Send(new ImportContestants.Command(id, stream, upload.FileName, upload.Length, User.ToActor()));
        if (r.Accepted) { Message = T["已导入 {0} 名选手", r.Added]; return RedirectToPage(new { id }); }
        ModelState.AddModelError("", T["导入被拒绝，未登记任何选手，请按下表修改后重新上传。"]);
        await OnGetAsync(id, null, null);
        Report = r.Problems;
        Unlisted = r.Unlisted;
        return Page();
    }

    private async Task<IActionResult> Run(Guid id, Func<Task<string>> action)
    {
        try
        {
            Message = await action();
            return RedirectToPage(new { id });
        }
        // A refusal (ForbiddenException) is not a form error: it reaches the exception handler and answers 403.
        catch (Exception ex) when (ex is ValidationException or RuleViolationException or NotFoundException)
        {
            AddErrors(ex);
            await OnGetAsync(id, null, null);
            return Page();
        }
    }

    private void AddErrors(Exception ex)
    {
        if (ex is ValidationException v) foreach (var e in v.Errors) ModelState.AddModelError("", e.Message);
        else ModelState.AddModelError("", ex.Message);
    }
}
