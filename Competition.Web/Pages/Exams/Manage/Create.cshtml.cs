using Competition.Engine.Common;
using Competition.Engine.Exams;
using Competition.Engine.QuestionBank;
using Competition.Web.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Competition.Web.Pages.Exams.Manage;

public sealed class CreateModel(IMediator mediator, TimeProvider clock) : PageModel
{
    public sealed class Row
    {
        public string Section { get; set; } = "";
        public string? Trade { get; set; }
        public List<SkillLevel> Levels { get; set; } = [];
        public QuestionType Type { get; set; } = QuestionType.Single;
        public int Count { get; set; }
        public double Points { get; set; } = 1;
        public double Target { get; set; } = 2.0;
        /// <summary>Knowledge points, separated by 、 or commas.</summary>
        public string? Points2 { get; set; }
    }

    [BindProperty] public string Title { get; set; } = "";
    [BindProperty] public DateTime OpensAt { get; set; }
    [BindProperty] public DateTime ClosesAt { get; set; }
    [BindProperty] public int Duration { get; set; } = 60;
    [BindProperty] public int Attempts { get; set; } = 1;
    [BindProperty] public double PassMark { get; set; } = 60;
    [BindProperty] public OverdueHandling Overdue { get; set; } = OverdueHandling.AutoSubmit;
    [BindProperty] public int Grace { get; set; } = 5;
    [BindProperty] public MultipleChoiceScoring Scoring { get; set; } = MultipleChoiceScoring.AllOrNothing;
    [BindProperty] public bool ShuffleQuestions { get; set; } = true;
    [BindProperty] public bool ShuffleOptions { get; set; } = true;
    [BindProperty] public bool ShowScore { get; set; } = true;
    [BindProperty] public bool ShowKey { get; set; }
    [BindProperty] public bool ShowExplanations { get; set; }
    [BindProperty] public bool IsPractice { get; set; }
    [BindProperty] public double Tolerance { get; set; } = 0.5;
    [BindProperty] public List<Row> Rows { get; set; } = [];
    [BindProperty] public List<string> AudienceCities { get; set; } = [];
    [BindProperty] public List<Guid> AudienceUnits { get; set; } = [];
    [BindProperty] public List<string> AudienceTrades { get; set; } = [];
    public IReadOnlyList<ListTrades.Row> Trades { get; private set; } = [];
    public ExamAudienceChoices.Result Choices { get; private set; } = new([], [], []);
    /// <summary>The draft being edited (null: a new exam).</summary>
    public Guid? ExamId { get; private set; }
    /// <summary>Why the exam cannot be edited (published or closed); the form is not shown then.</summary>
    public string? Refusal { get; private set; }

    public async Task OnGetAsync(Guid? id)
    {
        if (id is { } examId)
        {
            ExamId = examId;
            var draft = await mediator.Send(new GetExamDraft.Query(examId, User.ToActor()));
            Load(draft);
            Refusal = draft.EditRefusal;
            Pad();
            await LoadListsAsync();
            return;
        }
        var today = TimeZones.Shanghai(clock.GetUtcNow().UtcDateTime).Date;
        OpensAt = today.AddHours(9);
        ClosesAt = today.AddHours(18);
        Rows = [new() { Section = "一、单选题", Count = 10, Levels = [SkillLevel.Level5, SkillLevel.Level4] },
                new() { Section = "二、多选题", Type = QuestionType.Multiple, Count = 4, Points = 2, Levels = [SkillLevel.Level4, SkillLevel.Level3] },
                new() { Section = "三、判断题", Type = QuestionType.TrueFalse, Count = 5, Levels = [SkillLevel.Level5, SkillLevel.Level4] }];
        Pad();
        await LoadListsAsync();
    }

    private void Load(GetExamDraft.Result d)
    {
        Title = d.Title;
        var s = d.Settings;
        (OpensAt, ClosesAt) = (TimeZones.Shanghai(s.OpensAt), TimeZones.Shanghai(s.ClosesAt));
        (Duration, Attempts, PassMark, Overdue, Grace, Scoring) = (s.DurationMinutes, s.AttemptsAllowed, s.PassMark, s.Overdue, s.GraceMinutes, s.MultipleScoring);
        (ShuffleQuestions, ShuffleOptions, IsPractice) = (s.ShuffleQuestions, s.ShuffleOptions, s.IsPractice);
        (ShowScore, ShowKey, ShowExplanations) = (s.Review.HasFlag(ReviewOptions.Score), s.Review.HasFlag(ReviewOptions.Key), s.Review.HasFlag(ReviewOptions.Explanations));
        Tolerance = d.Blueprint.Tolerance;
        Rows = d.Blueprint.Sections.SelectMany(sec => sec.Cells.Select(c => new Row
        {
            Section = sec.Title, Trade = c.TradeCode, Levels = c.Levels.ToList(), Type = c.Type, Count = c.Count, Points = c.Points,
            Target = c.TargetDifficulty, Points2 = string.Join("、", c.KnowledgePoints ?? []),
        })).ToList();
        AudienceCities = d.Audience.Cities.ToList();
        AudienceUnits = d.Audience.Units.ToList();
        AudienceTrades = d.Audience.Trades.ToList();
    }

    private async Task LoadListsAsync()
    {
        Trades = await mediator.Send(new ListTrades.Query());
        Choices = await mediator.Send(new ExamAudienceChoices.Query(User.ToActor()));
    }

    private static readonly Dictionary<string, string> Labels = new()
    {
        ["Title"] = "考试名称", ["OpensAt"] = "开始时间", ["ClosesAt"] = "结束时间", ["Duration"] = "考试时长", ["Attempts"] = "作答次数",
        ["PassMark"] = "及格分", ["Overdue"] = "超时处理", ["Grace"] = "宽限时间", ["Scoring"] = "多选题计分", ["Tolerance"] = "难度容差",
        ["Count"] = "题数", ["Points"] = "每题分", ["Target"] = "目标难度", ["Type"] = "题型", ["Levels"] = "等级",
    };

    public async Task<IActionResult> OnPostAsync(Guid? id)
    {
        ExamId = id;
        // Whose exam it is comes first: a refused organizer learns nothing from the form's validation.
        if (id is { } existing) await mediator.Send(new GetExamDraft.Query(existing, User.ToActor()));
        if (FormBinding.Errors(ModelState, Labels) is { Count: > 0 } unreadable)
        {
            ModelState.Clear();
            foreach (var e in unreadable) ModelState.AddModelError("", e.Message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Pad();
            await LoadListsAsync();
            return Page();
        }
        var used = Rows.Where(r => !string.IsNullOrEmpty(r.Trade) && r.Count > 0).ToList();
        var blueprint = new Blueprint(used.GroupBy(r => r.Section.Trim()).Select(g => new BlueprintSection(g.Key.Length > 0 ? g.Key : "试题",
            g.Select(r => new BlueprintCell(r.Trade!, r.Levels, r.Type, r.Count, r.Points, r.Target,
                (r.Points2 ?? "").Split(['、', ',', '，', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))).ToList())).ToList(), Tolerance);
        var review = (ShowScore ? ReviewOptions.Score : 0) | (ShowKey ? ReviewOptions.Key : 0) | (ShowExplanations ? ReviewOptions.Explanations : 0);
        var settings = new ExamSettings(Duration, TimeZones.FromShanghai(OpensAt), TimeZones.FromShanghai(ClosesAt), Attempts, PassMark, Overdue, Grace,
            ShuffleQuestions, ShuffleOptions, review, Scoring, IsPractice);
        var audience = new ExamAudience(AudienceCities, AudienceUnits, AudienceTrades);
        try
        {
            if (id is { } examId)
            {
                await mediator.Send(new EditExam.Command(examId, Title, blueprint, settings, audience, User.ToActor()));
                return Redirect("/Exams/Manage");
            }
            var created = await mediator.Send(new CreateExam.Command(Title, blueprint, settings, User.ToActor(), audience));
            return Redirect($"/Exams/Manage/Monitor/{created}");
        }
        catch (ValidationException ex)
        {
            foreach (var e in ex.Errors) ModelState.AddModelError("", e.Message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (RuleViolationException ex)
        {
            // The draft was published (or closed) meanwhile: say so, keep what was typed.
            Refusal = ex.Message;
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        Pad();
        await LoadListsAsync();
        return Page();
    }

    private void Pad()
    {
        while (Rows.Count < 6) Rows.Add(new Row());
    }
}
