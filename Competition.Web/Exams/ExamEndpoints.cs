using Competition.Engine.Exams;
using Competition.Web.Common;
using MediatR;

namespace Competition.Web.Exams;

public static class ExamEndpoints
{
    public sealed record CreateForm(string Title, Blueprint Blueprint, ExamSettings Settings, ExamAudience? Audience = null);
    public sealed record PapersForm(IReadOnlyList<Guid> WorkerIds);
    /// <param name="Base">The item's version the page last saw acknowledged; <paramref name="Writer"/>/<paramref name="WriterSeq"/>: the browser's id and own count.</param>
    public sealed record AnswerForm(int Item, string? Response, bool Flagged, long Base, string? Writer, long WriterSeq);
    public sealed record MarkForm(double Awarded);
    public sealed record RemarkForm(bool DryRun);

    public static void MapExamEndpoints(this IEndpointRouteBuilder app)
    {
        var exams = app.MapGroup("/api/exams").WithTags("Exams").RequireAuthorization();
        exams.MapGet("", async (IMediator m, HttpContext h) => Results.Ok(await m.Send(new ListExams.Query(h.User.ToActor()))));
        exams.MapPost("/{id:guid}/attempts", async (IMediator m, HttpContext h, Guid id) => Results.Ok(await m.Send(new StartAttempt.Command(id, h.User.ToActor()))));

        var manage = app.MapGroup("/api/exams").WithTags("Exams").RequireAuthorization(ServiceRegistration.OrganizerPolicy);
        manage.MapGet("/manage", async (IMediator m, HttpContext h) => Results.Ok(await m.Send(new ListExams.Query(h.User.ToActor(), Manage: true))));
        manage.MapPost("", async (IMediator m, HttpContext h, CreateForm f) =>
        {
            var id = await m.Send(new CreateExam.Command(f.Title, f.Blueprint, f.Settings, h.User.ToActor(), f.Audience));
            return Results.Created($"/api/exams/{id}", new { id });
        });
        manage.MapGet("/{id:guid}", async (IMediator m, HttpContext h, Guid id) => Results.Ok(await m.Send(new GetExamDraft.Query(id, h.User.ToActor()))));
        manage.MapPut("/{id:guid}", async (IMediator m, HttpContext h, Guid id, CreateForm f) =>
        {
            await m.Send(new EditExam.Command(id, f.Title, f.Blueprint, f.Settings, f.Audience, h.User.ToActor()));
            return Results.NoContent();
        });
        manage.MapPost("/{id:guid}/copy", async (IMediator m, HttpContext h, Guid id) =>
        {
            var copy = await m.Send(new CopyExam.Command(id, h.User.ToActor()));
            return Results.Created($"/api/exams/{copy}", new { id = copy });
        });
        manage.MapPost("/{id:guid}/unpublish", async (IMediator m, HttpContext h, Guid id) =>
        {
            await m.Send(new UnpublishExam.Command(id, h.User.ToActor()));
            return Results.NoContent();
        });
        manage.MapGet("/{id:guid}/preview", async (IMediator m, HttpContext h, Guid id, int? seed) =>
            Results.Ok(await m.Send(new PreviewPaper.Query(id, seed ?? 1, h.User.ToActor()))));
        manage.MapGet("/{id:guid}/scores.xlsx", async (IMediator m, HttpContext h, Guid id) =>
        {
            var file = await m.Send(new ExportScores.Query(id, h.User.ToActor()));
            return Results.File(file.Content, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file.FileName);
        });
        manage.MapGet("/audience-choices", async (IMediator m, HttpContext h) => Results.Ok(await m.Send(new ExamAudienceChoices.Query(h.User.ToActor()))));
        manage.MapPost("/{id:guid}/publish", async (IMediator m, HttpContext h, Guid id) =>
        {
            await m.Send(new PublishExam.Command(id, h.User.ToActor()));
            return Results.NoContent();
        });
        manage.MapPost("/{id:guid}/papers", async (IMediator m, HttpContext h, Guid id, PapersForm f) =>
            Results.Ok(new { prepared = await m.Send(new PreparePapers.Command(id, f.WorkerIds, h.User.ToActor())) }));
        manage.MapGet("/{id:guid}/monitor", async (IMediator m, HttpContext h, Guid id) => Results.Ok(await m.Send(new GetExamMonitor.Query(id, h.User.ToActor()))));
        manage.MapGet("/{id:guid}/statistics", async (IMediator m, HttpContext h, Guid id) => Results.Ok(await m.Send(new GetExamStatistics.Query(id, h.User.ToActor()))));
        manage.MapGet("/{id:guid}/marking", async (IMediator m, HttpContext h, Guid id) => Results.Ok(await m.Send(new MarkShortAnswer.QueueQuery(id, h.User.ToActor()))));
        manage.MapPost("/{id:guid}/remark", async (IMediator m, HttpContext h, Guid id, RemarkForm f) => Results.Ok(await m.Send(new RemarkExam.Command(id, f.DryRun, h.User.ToActor()))));

        var attempts = app.MapGroup("/api/attempts").WithTags("Exams").RequireAuthorization();
        attempts.MapGet("/{id:guid}", async (IMediator m, HttpContext h, Guid id) => Results.Ok(await m.Send(new GetAttemptView.Query(id, h.User.ToActor()))));
        attempts.MapPost("/{id:guid}/answers", async (IMediator m, HttpContext h, Guid id, AnswerForm f) =>
        {
            var r = await m.Send(new SaveAnswer.Command(id, f.Item, f.Response ?? "", f.Flagged, f.Base, f.Writer ?? "", f.WriterSeq, h.User.ToActor()));
            // "stored" only when the server holds exactly this answer; otherwise the newer answer it holds comes back.
            return r.Stored
                ? Results.Ok(new { stored = true, version = r.Version, savedAt = r.SavedAt })
                : Results.Ok(new { stored = false, newer = true, version = r.Version, savedAt = r.SavedAt, response = r.Response, flagged = r.Flagged });
        }).DisableAntiforgery().RequireRateLimiting(RateLimits.Answers);
        attempts.MapPost("/{id:guid}/submit", async (IMediator m, HttpContext h, Guid id) =>
        {
            await m.Send(new SubmitAttempt.Command(id, h.User.ToActor()));
            return Results.Ok(new { submitted = true });
        }).DisableAntiforgery();
        attempts.MapGet("/{id:guid}/result", async (IMediator m, HttpContext h, Guid id) => Results.Ok(await m.Send(new GetAttemptResult.Query(id, h.User.ToActor()))));
        attempts.MapPost("/{id:guid}/items/{item:int}/mark", async (IMediator m, HttpContext h, Guid id, int item, MarkForm f) =>
            Results.Ok(new { score = await m.Send(new MarkShortAnswer.Command(id, item, f.Awarded, h.User.ToActor())) }))
            .RequireAuthorization(ServiceRegistration.OrganizerPolicy);
    }
}
