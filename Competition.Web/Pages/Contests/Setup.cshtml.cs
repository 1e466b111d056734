using Competition.Engine.Common;
using Competition.Engine.Contests;
using Competition.Engine.Judging;
using Competition.Engine.QuestionBank.Sheets;
using Competition.Web.Common;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Competition.Web.Pages.Contests;

/// <summary>
/// Creates a contest, or edits one before its start: one form with its rounds, tasks and scheme items. The add and remove
/// buttons post the whole form back and redraw it (nothing is saved until 保存); the engine's rules give the errors.
/// </summary>
[Authorize(Policy = ServiceRegistration.OrganizerPolicy)]
public sealed class SetupModel(IMediator mediator, Microsoft.Extensions.Localization.IStringLocalizerFactory strings) : PageModel
{
    [BindProperty] public SetupForm Form { get; set; } = new();
    public GetContestSetup.Result Options { get; private set; } = new(null, null, [], []);
    public Guid? ContestId { get; private set; }
    /// <summary>A refused scheme import, by round index: listed above that round, whose tasks stay as they were.</summary>
    public Dictionary<int, ImportProblems> ImportErrors { get; } = [];
    /// <summary>A scheme import taken into the form, by round index: how many tasks and items, to check before saving.</summary>
    public Dictionary<int, (int Tasks, int Items)> Imported { get; } = [];

    public const string ImportOp = "import-tasks";

    /// <summary>The name of a practical round's file input.</summary>
    public static string SchemeFileField(int round) => $"scheme-file-{round}";

    public async Task OnGetAsync(Guid? id)
    {
        await LoadAsync(id);
        Form = Options.Draft is { } draft ? SetupForm.From(draft) : SetupForm.New();
    }

    public IActionResult OnGetTemplate() => File(SchemeTemplate.Xlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", SchemeTemplate.FileName);

    /// <summary>Add/remove buttons send <paramref name="op"/> (e.g. "add-item:0:1"); 保存 sends none.</summary>
    public async Task<IActionResult> OnPostAsync(Guid? id, string? op)
    {
        await LoadAsync(id);
        if (!string.IsNullOrEmpty(op))
        {
            ModelState.Clear();
            if (op.StartsWith(ImportOp + ":")) ImportTasks(op);
            else Form.Apply(op);
            return Page();
        }
        var command = Form.ToCommand(User.ToActor(), Options.Exams);
        try
        {
            if (id is { } contestId) await mediator.Send(new UpdateContest.Command(contestId, command));
            else id = await mediator.Send(command);
            TempData["Message"] = strings.ForPage("Contests/Setup")["竞赛设置已保存"].Value;
            return RedirectToPage("Manage", new { id });
        }
        catch (Exception ex) when (ex is ValidationException or RuleViolationException or NotFoundException)
        {
            if (ex is ValidationException v) foreach (var e in v.Errors) ModelState.AddModelError(SetupForm.FieldOf(e.Field), e.Message);
            else ModelState.AddModelError("", ex.Message);
            return Page();
        }
    }

    /// <summary>
    /// 从 Excel 导入任务: the round's tasks in the form are replaced by the sheet's, for the organizer to review and then
    /// save with the rest of the form (nothing is saved here); a refused sheet leaves them as they were.
    /// </summary>
    private void ImportTasks(string op)
    {
        if (!int.TryParse(op[(ImportOp.Length + 1)..], out var r) || r < 0 || r >= Form.Rounds.Count || Form.Rounds[r].Kind != RoundKind.Practical) return;
        var file = Request.Form.Files.GetFile(SchemeFileField(r));
        if (file is null || file.Length == 0)
        {
            ImportErrors[r] = new([new ImportProblem(0, "文件", "请先选择按评分细则模板填写的 .xlsx 文件，再点“从 Excel 导入任务”。")]);
            return;
        }
        using var stream = file.OpenReadStream();
        var sheet = ReadSchemeSheet.Read(stream, file.FileName, file.Length);
        if (!sheet.Accepted) { ImportErrors[r] = sheet.Problems; return; }
        Form.Rounds[r].Tasks = sheet.Tasks.Select(TaskForm.From).ToList();
        Imported[r] = (sheet.Tasks.Count, sheet.Tasks.Sum(t => t.Scheme.Count));
    }

    private async Task LoadAsync(Guid? id)
    {
        ContestId = id;
        Options = await mediator.Send(new GetContestSetup.Query(id, User.ToActor()));
    }
}

/// <summary>The setup form as posted: times in China time (datetime-local), numbers nullable so an empty box is an error, not a 0.</summary>
public sealed class SetupForm
{
    public string? Title { get; set; }
    public string? TradeCode { get; set; }
    public ContestLevel Level { get; set; } = ContestLevel.CityClass1;
    /// <summary>Groups separated by 、 , ， or new lines.</summary>
    public string? Groups { get; set; }
    public DateTime? StartsAt { get; set; }
    public DateTime? FreezeAt { get; set; }
    public DateTime? EndsAt { get; set; }
    public List<TieBreak?> TieBreaks { get; set; } = [];
    public List<RoundForm> Rounds { get; set; } = [];

    public static SetupForm New()
    {
        var start = DateTime.Today.AddDays(7).AddHours(9);
        return new SetupForm
        {
            Groups = "职工组", StartsAt = start, FreezeAt = start.AddHours(5), EndsAt = start.AddHours(6),
            TieBreaks = [TieBreak.HigherPractical, TieBreak.HigherTheory, null],
            Rounds =
            [
                new() { Kind = RoundKind.Theory, Title = "理论考试", Weight = 30 },
                new() { Kind = RoundKind.Practical, Title = "实操", Weight = 70, Tasks = [TaskForm.New(1)] },
            ],
        };
    }

    public static SetupForm From(CreateContest.Command c) => new()
    {
        Title = c.Title, TradeCode = c.TradeCode, Level = c.Level, Groups = string.Join("、", c.Groups),
        StartsAt = TimeZones.Shanghai(c.StartsAt), FreezeAt = c.FreezeAt is { } f ? TimeZones.Shanghai(f) : null, EndsAt = TimeZones.Shanghai(c.EndsAt),
        TieBreaks = c.TieBreaks.Select(t => (TieBreak?)t).Concat(Enumerable.Repeat<TieBreak?>(null, 3)).Take(3).ToList(),
        Rounds = c.Rounds.Select(r => new RoundForm
        {
            Id = r.Id, Kind = r.Kind, Title = r.Title, Weight = r.WeightPercent, ExamId = r.ExamId,
            StartsAt = TimeZones.Shanghai(r.StartsAt), EndsAt = TimeZones.Shanghai(r.EndsAt),
            Tasks = r.Tasks.Select(TaskForm.From).ToList(),
        }).ToList(),
    };

    /// <summary>
    /// The form as the engine's command. Empty round times take the contest's; a practical round's maximum is the sum of its
    /// items and a theory round's is its exam's total, so the organizer never types a figure the engine would refuse.
    /// </summary>
    public CreateContest.Command ToCommand(Actor actor, IReadOnlyList<GetContestSetup.ExamOption> exams)
    {
        var starts = Utc(StartsAt);
        var ends = Utc(EndsAt);
        return new CreateContest.Command(Title ?? "", TradeCode ?? "", Level,
            (Groups ?? "").Split(['、', ',', '，', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            starts, FreezeAt is null ? null : Utc(FreezeAt), ends,
            TieBreaks.OfType<TieBreak>().Distinct().ToList(),
            Rounds.Select(r =>
            {
                var tasks = r.Kind == RoundKind.Practical
                    ? r.Tasks.Select(t => new CreateContest.TaskSpec(t.Title ?? "", t.Station ?? "", t.Items.Select(i => i.ToSchemeItem()).ToList(), t.Id)).ToList()
                    : [];
                var max = r.Kind == RoundKind.Practical
                    ? Math.Round(tasks.Sum(t => t.Scheme.Where(i => double.IsFinite(i.MaxPoints)).Sum(i => i.MaxPoints)), 2)
                    : exams.FirstOrDefault(e => e.Id == r.ExamId)?.MaxScore ?? 100;
                return new CreateContest.RoundSpec(r.Kind, r.Title ?? "", r.Weight ?? double.NaN, r.StartsAt is null ? starts : Utc(r.StartsAt),
                    r.EndsAt is null ? ends : Utc(r.EndsAt), r.Kind == RoundKind.Theory ? r.ExamId : null, max, tasks, r.Id);
            }).ToList(), actor);
    }

    private static DateTime Utc(DateTime? local) => local is { } l ? TimeZones.FromShanghai(l) : default;

    /// <summary>Where an engine error is shown: next to its field when the form has one.</summary>
    public static string FieldOf(string engineField) => engineField switch
    {
        "Title" or "TradeCode" or "Level" or "Groups" or "StartsAt" or "FreezeAt" or "EndsAt" or "TieBreaks" or "Rounds" => $"Form.{engineField}",
        _ => "Form.Rounds",
    };

    public void Apply(string op)
    {
        var parts = op.Split(':');
        int At(int i) => parts.Length > i && int.TryParse(parts[i], out var n) ? n : -1;
        RoundForm? R(int i) => i >= 0 && i < Rounds.Count ? Rounds[i] : null;
        TaskForm? T(RoundForm? r, int i) => r is not null && i >= 0 && i < r.Tasks.Count ? r.Tasks[i] : null;
        switch (parts[0])
        {
            case "add-theory": Rounds.Add(new RoundForm { Kind = RoundKind.Theory, Title = "理论考试" }); break;
            case "add-practical": Rounds.Add(new RoundForm { Kind = RoundKind.Practical, Title = "实操", Tasks = [TaskForm.New(1)] }); break;
            case "remove-round" when R(At(1)) is { } r: Rounds.Remove(r); break;
            case "add-task" when R(At(1)) is { } r: r.Tasks.Add(TaskForm.New(r.Tasks.Count + 1)); break;
            case "remove-task" when R(At(1)) is { } r && T(r, At(2)) is { } t: r.Tasks.Remove(t); break;
            case "add-item" when T(R(At(1)), At(2)) is { } t:
                var kind = Enum.TryParse<ItemKind>(parts.ElementAtOrDefault(3), out var k) ? k : ItemKind.MeetsOrNot;
                t.Items.Add(ItemForm.New(kind, t.Items.Count + 1)); break;
            case "remove-item" when T(R(At(1)), At(2)) is { } t && At(3) >= 0 && At(3) < t.Items.Count: t.Items.RemoveAt(At(3)); break;
        }
    }
}

public sealed class RoundForm
{
    public Guid? Id { get; set; }
    public RoundKind Kind { get; set; }
    public string? Title { get; set; }
    public double? Weight { get; set; }
    public DateTime? StartsAt { get; set; }
    public DateTime? EndsAt { get; set; }
    public Guid? ExamId { get; set; }
    public List<TaskForm> Tasks { get; set; } = [];
}

public sealed class TaskForm
{
    public Guid? Id { get; set; }
    public string? Title { get; set; }
    public string? Station { get; set; }
    public List<ItemForm> Items { get; set; } = [];

    public static TaskForm From(CreateContest.TaskSpec t) => new() { Id = t.Id, Title = t.Title, Station = t.Station, Items = t.Scheme.Select(ItemForm.From).ToList() };

    public static TaskForm New(int n) => new() { Station = $"A{n}", Items = [ItemForm.New(ItemKind.MeetsOrNot, 1)] };
}

public sealed class ItemForm
{
    public string? Code { get; set; }
    public string? Title { get; set; }
    public ItemKind Kind { get; set; }
    public double? Points { get; set; }
    public decimal? Nominal { get; set; }
    public decimal? Lower { get; set; }
    public decimal? Upper { get; set; }
    public int? Decimals { get; set; }
    public int? JudgeCount { get; set; }

    public static ItemForm From(SchemeItem i) => new()
    {
        Code = i.Code, Title = i.Title, Kind = i.Kind, Points = i.MaxPoints, Nominal = i.Nominal, Lower = i.Lower, Upper = i.Upper,
        Decimals = i.Decimals, JudgeCount = i.JudgeCount,
    };

    public static ItemForm New(ItemKind kind, int n) => new() { Kind = kind, Code = $"M{n}", JudgeCount = kind == ItemKind.Judgement ? 3 : null };

    public SchemeItem ToSchemeItem() => Kind switch
    {
        ItemKind.MeasuredValue => new SchemeItem(Code ?? "", Title ?? "", Kind, Points ?? double.NaN, Nominal, Lower ?? 0, Upper ?? 0, Decimals: Decimals),
        ItemKind.Judgement => new SchemeItem(Code ?? "", Title ?? "", Kind, Points ?? double.NaN, JudgeCount: JudgeCount ?? 3),
        _ => new SchemeItem(Code ?? "", Title ?? "", Kind, Points ?? double.NaN),
    };
}
