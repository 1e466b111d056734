using System.Globalization;
using Competition.Engine.Common;
using Competition.Engine.Judging;
using Competition.Web.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Competition.Web.Pages.Judging;

/// <summary>
/// The judge's tablet page: one card per contestant number, large controls, saved with one tap. A card that cannot be
/// saved comes back as typed, with each problem under its item (or under the card), and nothing of it is stored.
/// </summary>
public sealed class SheetModel(IMediator mediator, IStringLocalizerFactory strings) : PageModel
{
    private IStringLocalizer T => strings.ForPage("Judging/Sheet");
    public GetJudgeSheet.Sheet Sheet { get; private set; } = null!;
    [TempData] public string? Saved { get; set; }

    /// <summary>The card that was posted and refused: its contestant and task.</summary>
    public (Guid ContestantId, Guid TaskId)? Refused { get; private set; }
    /// <summary>What was typed on the refused card, by item code.</summary>
    public Dictionary<string, string?> Typed { get; } = [];
    /// <summary>Problems with one item of the refused card, by item code.</summary>
    public Dictionary<string, List<string>> ItemErrors { get; } = [];
    /// <summary>Problems with the refused card as a whole (locked, signed off, not assigned…).</summary>
    public List<string> CardErrors { get; } = [];

    public bool IsRefused(Guid contestantId, Guid taskId) => Refused == (contestantId, taskId);

    public async Task OnGetAsync(Guid id) => Sheet = await mediator.Send(new GetJudgeSheet.Query(id, User.ToActor()));

    public async Task<IActionResult> OnPostAsync(Guid id, Guid contestantId, Guid taskId, string? action, string[]? codes, string?[]? values)
    {
        codes ??= [];
        values ??= [];
        Refused = (contestantId, taskId);
        for (var i = 0; i < codes.Length; i++) Typed[codes[i]] = i < values.Length ? values[i] : null;
        try
        {
            if (action == "signoff")
            {
                await mediator.Send(new SignOffTask.Command(contestantId, taskId, User.ToActor()));
                Saved = T["已签字确认，该选手此任务的评分已锁定。"];
                return RedirectToPage(new { id });
            }
            var marks = new List<SubmitMarks.Mark>();
            foreach (var (code, raw) in Typed.Where(p => !string.IsNullOrWhiteSpace(p.Value)))
                if (TryReadNumber(raw!, out var value)) marks.Add(new SubmitMarks.Mark(code, value));
                else ItemError(code, T["“{0}”不是数字，请填写数字（小数点用“.”）", raw!.Trim()]);
            if (ItemErrors.Count == 0)
            {
                var score = await mediator.Send(new SubmitMarks.Command(contestantId, taskId, marks, User.ToActor()));
                Saved = T["已保存，小计 {0} 分。", score.Points.ToString("0.##")];
                return RedirectToPage(new { id });
            }
        }
        catch (ValidationException ex)
        {
            foreach (var e in ex.Errors)
                if (e.Field.StartsWith("Marks.", StringComparison.Ordinal)) ItemError(e.Field["Marks.".Length..], e.Message);
                else CardErrors.Add(e.Message);
        }
        // A refusal of access (403) or an unknown contestant or task (404) is not a form error: it reaches the error page.
        catch (RuleViolationException ex) { CardErrors.Add(ex.Message); }
        ModelState.AddModelError("", T["本次提交未保存，请按卡片上标出的问题修改后重新保存。"]);
        await OnGetAsync(id);
        return Page();
    }

    private void ItemError(string code, string message)
    {
        if (!ItemErrors.TryGetValue(code, out var list)) ItemErrors[code] = list = [];
        list.Add(message);
    }

    /// <summary>Reads a number as typed on a tablet: ASCII or full-width digits (a Chinese keyboard), point as decimal separator.</summary>
    public static bool TryReadNumber(string raw, out double value)
    {
        var ascii = new string(raw.Trim().Select(ch => ch switch
        {
            >= '０' and <= '９' => (char)('0' + (ch - '０')),
            '．' or '。' => '.',
            '－' or '−' => '-',
            '＋' => '+',
            _ => ch,
        }).ToArray());
        // NumberStyles.Float without thousands separators: "20,03" is a typing slip, not twenty thousand and three.
        return double.TryParse(ascii, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }
}
