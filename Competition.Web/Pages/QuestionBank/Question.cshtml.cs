using Competition.Engine.QuestionBank;
using Competition.Web.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Competition.Web.Pages.QuestionBank;

public sealed class QuestionModel(IMediator mediator) : EnginePageModel
{
    public GetQuestion.Result Question { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id, int? version)
    {
        try { Question = await mediator.Send(new GetQuestion.Query(id, User.ToActor(), version)); }
        catch (Engine.Common.NotFoundException) { return NotFound(); }
        return Page();
    }

    /// <summary>The organizer gives the question back to the shipped bank.</summary>
    public async Task<IActionResult> OnPostAdoptShippedAsync(string id)
    {
        var result = await RunAsync(async () =>
        {
            await mediator.Send(new AdoptShippedText.Command(id, User.ToActor()));
            return RedirectToPage(new { id });
        });
        if (result is not PageResult) return result;
        // Refused (the page shows why): show the question again under the message.
        try { Question = await mediator.Send(new GetQuestion.Query(id, User.ToActor())); }
        catch (Engine.Common.NotFoundException) { return NotFound(); }
        return result;
    }
}
