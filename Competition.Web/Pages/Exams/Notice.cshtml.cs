using Competition.Engine.Exams;
using Competition.Web.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Competition.Web.Pages.Exams;

/// <summary>考试须知 before an attempt starts; the worker confirms having read it and starts (or continues a running attempt).</summary>
public sealed class NoticeModel(IMediator mediator) : EnginePageModel
{
    public GetExamNotice.Result? Notice { get; private set; }
    [BindProperty] public bool Confirmed { get; set; }
    /// <summary>Start was pressed without ticking the confirmation (the page says so in the chosen language).</summary>
    public bool NotConfirmed { get; private set; }

    public Task<IActionResult> OnGetAsync(Guid id) => RunAsync(async () =>
    {
        Notice = await mediator.Send(new GetExamNotice.Query(id, User.ToActor()));
        return Page();
    });

    public Task<IActionResult> OnPostStartAsync(Guid id) => RunAsync(async () =>
    {
        Notice = await mediator.Send(new GetExamNotice.Query(id, User.ToActor()));
        if (!Confirmed && Notice.OpenAttempt is null)
        {
            NotConfirmed = true;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        try
        {
            var started = await mediator.Send(new StartAttempt.Command(id, User.ToActor()));
            return Redirect($"/Exams/Attempt/{started.AttemptId}");
        }
        catch (PaperAssemblyException ex)
        {
            ModelState.AddModelError("", ex.Message);
            return Page();
        }
    });
}
