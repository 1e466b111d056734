using Competition.Engine.Exams;
using Competition.Web.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Competition.Web.Pages.Exams.Manage;

public sealed class IndexModel(IMediator mediator) : EnginePageModel
{
    public IReadOnlyList<ListExams.Row> Exams { get; private set; } = [];

    public async Task OnGetAsync() => Exams = await mediator.Send(new ListExams.Query(User.ToActor(), Manage: true));

    public Task<IActionResult> OnPostPublishAsync(Guid id) => ActAsync(async () =>
    {
        await mediator.Send(new PublishExam.Command(id, User.ToActor()));
        return RedirectToPage();
    });

    public Task<IActionResult> OnPostUnpublishAsync(Guid id) => ActAsync(async () =>
    {
        await mediator.Send(new UnpublishExam.Command(id, User.ToActor()));
        return RedirectToPage();
    });

    public Task<IActionResult> OnPostCopyAsync(Guid id) => ActAsync(async () =>
        Redirect($"/Exams/Manage/Create/{await mediator.Send(new CopyExam.Command(id, User.ToActor()))}"));

    public async Task<IActionResult> OnGetScoresAsync(Guid id)
    {
        var file = await mediator.Send(new ExportScores.Query(id, User.ToActor()));
        return File(file.Content, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file.FileName);
    }

    /// <summary>A refused action shows the list again with the refusal above it.</summary>
    private async Task<IActionResult> ActAsync(Func<Task<IActionResult>> work)
    {
        var result = await RunAsync(work);
        if (result is PageResult) await OnGetAsync();
        return result;
    }
}
