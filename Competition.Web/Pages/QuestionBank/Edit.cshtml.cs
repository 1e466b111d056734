using Competition.Engine.QuestionBank;
using Competition.Web.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Competition.Web.Pages.QuestionBank;

public sealed class EditModel(IMediator mediator) : EnginePageModel
{
    public GetQuestion.Result Question { get; private set; } = null!;
    [BindProperty] public SkillLevel Level { get; set; }
    [BindProperty] public int Difficulty { get; set; }
    [BindProperty] public string Stem { get; set; } = "";
    [BindProperty] public List<string> Options { get; set; } = [];
    [BindProperty] public string Answer { get; set; } = "";
    [BindProperty] public string Explanation { get; set; } = "";
    [BindProperty] public string KnowledgePoints { get; set; } = "";
    [BindProperty] public int BaseVersion { get; set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        Question = await mediator.Send(new GetQuestion.Query(id, User.ToActor()));
        var c = Question.Content;
        (Level, Difficulty, Stem, Explanation, BaseVersion) = (c.Level, c.Difficulty, c.Stem, c.Explanation, Question.LatestVersion);
        Options = c.Options.Select(o => o.Text).ToList();
        Answer = c.Type switch
        {
            QuestionType.Single or QuestionType.Multiple => string.Concat(c.Answer),
            QuestionType.TrueFalse => c.Answer.FirstOrDefault() == "true" ? "对" : "错",
            _ => string.Join("\n", c.Answer),
        };
        KnowledgePoints = string.Join("、", c.KnowledgePoints);
        Pad();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        Question = await mediator.Send(new GetQuestion.Query(id, User.ToActor()));
        var result = await RunAsync(async () =>
        {
            await mediator.Send(new EditQuestion.Command(id, Level, Difficulty, Stem, Options, Answer, Explanation, KnowledgePoints, BaseVersion, User.ToActor()));
            return Redirect($"/QuestionBank/Question/{Uri.EscapeDataString(id)}");
        });
        if (result is PageResult && Response.StatusCode == StatusCodes.Status200OK) Response.StatusCode = StatusCodes.Status400BadRequest;
        Pad();
        return result;
    }

    private void Pad()
    {
        if (!Question.Content.Type.HasOptions()) { Options = []; return; }
        while (Options.Count < Math.Min(QuestionRules.MaxOptions, Math.Max(4, Options.Count + 1))) Options.Add("");
    }
}
