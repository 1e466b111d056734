using System.Globalization;
using Competition.Engine.Common;
using Competition.Engine.Judging;
using Competition.Web.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Competition.Web.Pages.Judging;

/// <summary>The judge's tablet page: one card per contestant number, large controls, saved with one tap.</summary>
public sealed class SheetModel(IMediator mediator) : PageModel
{
    public GetJudgeSheet.Sheet Sheet { get; private set; } = null!;
    [TempData] public string? Saved { get; set; }

    public async Task OnGetAsync(Guid id) => Sheet = await mediator.Send(new GetJudgeSheet.Query(id, User.ToActor()));

    public async Task<IActionResult> OnPostAsync(Guid id, Guid contestantId, Guid taskId, string action, string[] codes, string?[] values)
    {
        try
        {
            if (action == "signoff")
            {
                await mediator.Send(new SignOffTask.Command(contestantId, taskId, User.ToActor()));
                Saved = "已签字确认，该选手此任务的评分已锁定。";
            }
            else
            {
                var marks = codes.Zip(values).Where(p => !string.IsNullOrWhiteSpace(p.Second))
                    .Select(p => new SubmitMarks.Mark(p.First, double.Parse(p.Second!, CultureInfo.InvariantCulture))).ToList();
                var score = await mediator.Send(new SubmitMarks.Command(contestantId, taskId, marks, User.ToActor()));
                Saved = $"已保存，小计 {score.Points:0.##} 分。";
            }
            return RedirectToPage(new { id });
        }
        // A refusal (ForbiddenException) is not a form error: it reaches the exception handler and answers 403.
        catch (Exception ex) when (ex is ValidationException or RuleViolationException)
        {
            if (ex is ValidationException v) foreach (var e in v.Errors) ModelState.AddModelError("", e.Message);
            else ModelState.AddModelError("", ex.Message);
            await OnGetAsync(id);
            return Page();
        }
    }
}
