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

    public Task<IActionResult> OnGetAsync(Guid id) => RunAsync(async () =>
    {
        Id = id;
        if (await mediator.Send(new NextPracticeQuestion.Query(User.ToActor(), id)) is { } next)
        {
            Question = QuestionView.From(next);
            Counters = (next.Answered, next.Correct);
        }
        return Page();
    });

    public Task<IActionResult> OnPostAsync(Guid id)
    {
        Id = id;
        return RunAsync(async () =>
        {
            Feedback = await mediator.Send(new AnswerPracticeQuestion.Command(User.ToActor(), id, QuestionId, EngineResponse(), Version));
            Counters = (Feedback.SessionAnswered, Feedback.SessionCorrect);
            await ShowAgainAsync(withKey: true);
            return Page();
        }, () => ShowAgainAsync(withKey: false));
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
