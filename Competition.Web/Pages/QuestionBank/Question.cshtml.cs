using Competition.Engine.QuestionBank;
using Competition.Web.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Competition.Web.Pages.QuestionBank;

public sealed class QuestionModel(IMediator mediator) : EnginePageModel
{
    public GetQuestion.Result Question { get; private set; } = null!;
    public GetQuestionUsage.Result Usage { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id, int? version)
    {
        try { await LoadAsync(id, version); }
        catch (Engine.Common.NotFoundException) { return NotFound(); }
        return Page();
    }

    /// <summary>The organizer gives the question back to the shipped bank.</summary>
    public Task<IActionResult> OnPostAdoptShippedAsync(string id) => ActAsync(id, () => mediator.Send(new AdoptShippedText.Command(id, User.ToActor())));

    /// <summary>已停用: drills and new papers stop drawing it.</summary>
    public Task<IActionResult> OnPostRetireAsync(string id) => ActAsync(id, () => mediator.Send(new RetireQuestion.Command(id, true, User.ToActor())));

    public Task<IActionResult> OnPostRestoreAsync(string id) => ActAsync(id, () => mediator.Send(new RetireQuestion.Command(id, false, User.ToActor())));

    private async Task<IActionResult> ActAsync(string id, Func<Task> work)
    {
        var result = await RunAsync(async () =>
        {
            await work();
            return RedirectToPage(new { id });
        });
        if (result is not PageResult) return result;
        // Refused (the page shows why): show the question again under the message.
        try { await LoadAsync(id, null); }
        catch (Engine.Common.NotFoundException) { return NotFound(); }
        return result;
    }

    private async Task LoadAsync(string id, int? version)
    {
        Question = await mediator.Send(new GetQuestion.Query(id, User.ToActor(), version));
        Usage = await mediator.Send(new GetQuestionUsage.Query(id, User.ToActor()));
    }
}
