using System.Globalization;
using Competition.Engine.Judging;
using Competition.Web.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Competition.Web.Pages.Judging;

/// <summary>The chief judge's page for one contestant: sign off each task, and correct a judge's mark with a reason (OverrideMark).</summary>
public sealed class CorrectionsModel(IMediator mediator, IStringLocalizerFactory strings) : EnginePageModel
{
    [BindProperty(SupportsGet = true)] public string? Number { get; set; }
    public GetCorrections.Result? View { get; private set; }
    /// <summary>"signed" after a sign-off, else the correction made (item → value (points)).</summary>
    [TempData] public string? Message { get; set; }

    public Task<IActionResult> OnGetAsync(Guid id) => RunAsync(async () => { await LoadAsync(id); return Page(); });

    public Task<IActionResult> OnPostSignOffAsync(Guid id, Guid contestantId, Guid taskId) => RunAsync(async () =>
    {
        await mediator.Send(new SignOffTask.Command(contestantId, taskId, User.ToActor()));
        Message = "signed";
        return RedirectToPage(new { id, Number });
    }, () => LoadAsync(id));

    public Task<IActionResult> OnPostCorrectAsync(Guid id, Guid contestantId, Guid taskId, string itemCode, string judgeUserName, string? value, string? reason) => RunAsync(async () =>
    {
        if (!SheetModel.TryReadNumber(value ?? "", out var number))
        {
            ModelState.AddModelError("Value", strings.ForPage("Judging/Corrections")["“{0}”不是数字，请填写数字（小数点用“.”）", value ?? ""]);
            await LoadAsync(id);
            return Page();
        }
        var score = await mediator.Send(new OverrideMark.Command(contestantId, taskId, itemCode, judgeUserName, number, reason ?? "", User.ToActor()));
        Message = $"{itemCode} → {number.ToString(CultureInfo.InvariantCulture)}（{score.Points.ToString("0.##", CultureInfo.InvariantCulture)}）";
        return RedirectToPage(new { id, Number });
    }, () => LoadAsync(id));

    private async Task LoadAsync(Guid id) => View = await mediator.Send(new GetCorrections.Query(id, Number, User.ToActor()));
}
