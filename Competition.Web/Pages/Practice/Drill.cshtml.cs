using System.Text.Json;
using Competition.Engine.Practice;
using Competition.Engine.QuestionBank;
using Competition.Web.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Competition.Web.Pages.Practice;

/// <summary>One question at a time; a plain form post answers it and the same page shows the verdict, key and explanation.</summary>
public sealed class DrillModel(IMediator mediator) : EnginePageModel
{
    [BindProperty] public string QuestionId { get; set; } = "";
    [BindProperty] public int Version { get; set; }
    [BindProperty] public QuestionType Type { get; set; }
    [BindProperty] public string? Choice { get; set; }
    [BindProperty] public List<string> Choices { get; set; } = [];
    [BindProperty] public List<string> Blanks { get; set; } = [];
    [BindProperty] public string? Text { get; set; }

    public Guid Id { get; private set; }
    public QuestionView? Question { get; private set; }
    public AnswerPracticeQuestion.Result? Feedback { get; private set; }
    /// <summary>The session's counters; null when not known (the page is shown again after a refused answer).</summary>
    public (int Answered, int Correct)? Counters { get; private set; }
    public int? SetSize { get; private set; }
    /// <summary>The self-assessment just given (the buttons are replaced by it).</summary>
    public SelfAssessment? Assessed { get; private set; }

    public Task<IActionResult> OnGetAsync(Guid id) => RunAsync(async () =>
    {
        Id = id;
        if (await mediator.Send(new NextPracticeQuestion.Query(User.ToActor(), id)) is { } next)
        {
            Question = QuestionView.From(next);
            Counters = (next.Answered, next.Correct);
            SetSize = next.SetSize;
            return Page();
        }
        // A finished set (or nothing left to serve in it) ends on its summary.
        var summary = await mediator.Send(new GetPracticeSummary.Query(User.ToActor(), id));
        return summary.Answered > 0 ? RedirectToPage("/Practice/Summary", new { id }) : Page();
    });

    public Task<IActionResult> OnPostAsync(Guid id)
    {
        Id = id;
        return RunAsync(async () =>
        {
            Feedback = await mediator.Send(new AnswerPracticeQuestion.Command(User.ToActor(), id, QuestionId, EngineResponse(), Version));
            Counters = (Feedback.SessionAnswered, Feedback.SessionCorrect);
            SetSize = Feedback.SetSize;
            await ShowAgainAsync(withKey: true);
            return Page();
        }, () => ShowAgainAsync(withKey: false));
    }

    /// <summary>
    /// 对 / 部分对 / 错 for a short answer just given; the page then shows the verdict again with the next step. The answer
    /// itself is not posted again, so the feedback is rebuilt from the question (key and explanation).
    /// </summary>
    public Task<IActionResult> OnPostAssessAsync(Guid id, SelfAssessment assessment)
    {
        Id = id;
        return RunAsync(async () =>
        {
            await mediator.Send(new AssessShortAnswer.Command(User.ToActor(), id, QuestionId, assessment));
            Assessed = assessment;
            var q = await mediator.Send(new GetQuestion.Query(QuestionId, User.ToActor(), Version));
            var summary = await mediator.Send(new GetPracticeSummary.Query(User.ToActor(), id));
            Counters = (summary.Answered, summary.Correct);
            SetSize = summary.SetSize;
            Feedback = new AnswerPracticeQuestion.Result(false, null, true, q.Content.AnswerDisplay, q.ExplanationHtml, false, false,
                summary.Answered, summary.Correct, summary.SetSize);
            Question = QuestionView.From(q, withKey: true);
            return Page();
        });
    }

    /// <summary>The worker's answer in the engine's form: original option keys, "true"/"false", a JSON array per blank, or text.</summary>
    private string? EngineResponse() => Type switch
    {
        QuestionType.Multiple => string.Concat(Choices),
        QuestionType.FillBlank => Blanks.All(string.IsNullOrWhiteSpace) ? null : JsonSerializer.Serialize(Blanks.Select(b => b ?? "")),
        QuestionType.ShortAnswer => Text,
        _ => Choice,
    };

    private async Task ShowAgainAsync(bool withKey) =>
        Question = QuestionView.From(await mediator.Send(new GetQuestion.Query(QuestionId, User.ToActor(), Version)), withKey);

    public bool WasChosen(string key) => Type == QuestionType.Multiple ? Choices.Contains(key) : Choice == key;

    public string GivenAnswer => Type switch
    {
        QuestionType.Multiple => string.Concat(Choices.Order(StringComparer.Ordinal)),
        QuestionType.TrueFalse => Choice == "true" ? "对" : "错",
        QuestionType.FillBlank => string.Join(" / ", Blanks),
        QuestionType.ShortAnswer => Text ?? "",
        _ => Choice ?? "",
    };
}
