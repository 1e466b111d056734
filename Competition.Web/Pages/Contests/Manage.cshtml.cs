using Competition.Engine.Common;
using Competition.Engine.Contests;
using Competition.Engine.Organizations;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank.Sheets;
using Competition.Web.Common;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Competition.Web.Pages.Contests;

[Authorize(Policy = ServiceRegistration.OrganizerPolicy)]
public sealed class ManageModel(IMediator mediator, CompetitionDbContext db) : PageModel
{
    public IReadOnlyList<Contest> Contests { get; private set; } = [];
    public Contest? Selected { get; private set; }
    public IReadOnlyList<Round> Rounds { get; private set; } = [];
    public IReadOnlyList<Contestant> Contestants { get; private set; } = [];
    public IReadOnlyList<City> Cities { get; private set; } = [];
    public IReadOnlyList<ImportProblem> Report { get; private set; } = [];
    public int Unlisted { get; private set; }
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(Guid? id)
    {
        var actor = User.ToActor();
        Contests = await db.Contests.AsNoTracking().Where(c => actor.IsAdmin || c.CityCode == actor.CityCode).OrderByDescending(c => c.StartsAt).ToListAsync();
        Selected = Contests.FirstOrDefault(c => c.Id == id);
        if (Selected is null) return;
        Rounds = await db.Rounds.AsNoTracking().Where(r => r.ContestId == Selected.Id).OrderBy(r => r.StartsAt).ToListAsync();
        Contestants = await db.Contestants.AsNoTracking().Where(c => c.ContestId == Selected.Id).OrderBy(c => c.Number).ToListAsync();
        Cities = await db.Cities.AsNoTracking().OrderBy(c => c.Code).ToListAsync();
    }

    public Task<IActionResult> OnPostRegisterAsync(Guid id, string number, string name, string unitName, string cityCode, string group, string? team) =>
        Run(id, async () => { await mediator.Send(new RegisterContestant.Command(id, number ?? "", name ?? "", unitName ?? "", cityCode, group, team, null, User.ToActor())); return $"已登记 {number} 号"; });

    public Task<IActionResult> OnPostAssignAsync(Guid id, Guid roundId, string station, string judge) =>
        Run(id, async () => { await mediator.Send(new AssignJudge.Command(id, roundId, station ?? "", judge ?? "", User.ToActor())); return $"已将 {judge} 分配到工位 {station}"; });

    public async Task<IActionResult> OnPostImportAsync(Guid id, IFormFile? upload)
    {
        if (upload is null) { ModelState.AddModelError("", "请选择选手名单文件"); await OnGetAsync(id); return Page(); }
        await using var stream = upload.OpenReadStream();
        var r = await mediator.Send(new ImportContestants.Command(id, stream, upload.FileName, upload.Length, User.ToActor()));
        if (r.Accepted) { Message = $"已导入 {r.Added} 名选手"; return RedirectToPage(new { id }); }
        ModelState.AddModelError("", "导入被拒绝，未登记任何选手，请按下表修改后重新上传。");
        await OnGetAsync(id);
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
        catch (Exception ex) when (ex is ValidationException or RuleViolationException or ForbiddenException or NotFoundException)
        {
            if (ex is ValidationException v) foreach (var e in v.Errors) ModelState.AddModelError("", e.Message);
            else ModelState.AddModelError("", ex.Message);
            await OnGetAsync(id);
            return Page();
        }
    }
}
