using Competition.Engine.QuestionBank;
using Competition.Web.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Competition.Web.Pages.QuestionBank;

public sealed class QuestionModel(IMediator mediator) : PageModel
{
    public GetQuestion.Result Question { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id, int? version)
    {
        try { Question = await mediator.Send(new GetQuestion.Query(id, User.ToActor(), version)); }
        catch (Engine.Common.NotFoundException) { return NotFound(); }
        return Page();
    }
}
