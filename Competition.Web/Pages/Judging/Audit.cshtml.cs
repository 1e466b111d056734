using Competition.Engine.Judging;
using Competition.Web.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Competition.Web.Pages.Judging;

/// <summary>The contest's audit trail with filters, and the same rows as CSV; for its managing organizers and its chief judge.</summary>
public sealed class AuditModel(IMediator mediator) : EnginePageModel
{
    [BindProperty(SupportsGet = true)] public string? Number { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? TaskId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Judge { get; set; }
    public GetMarkAudit.Result? Audit { get; private set; }

    public Task<IActionResult> OnGetAsync(Guid id) => RunAsync(async () =>
    {
        Audit = await mediator.Send(new GetMarkAudit.Query(id, User.ToActor(), Number, TaskId, Judge));
        return Page();
    });

    public Task<IActionResult> OnGetCsvAsync(Guid id) => RunAsync(async () =>
    {
        var r = await mediator.Send(new ExportMarkAudit.Query(id, User.ToActor(), Number, TaskId, Judge));
        return File(r.Content, "text/csv; charset=utf-8", r.FileName);
    });
}
