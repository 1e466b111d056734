using Competition.Engine.Common;
using Competition.Engine.Practice;
using Competition.Engine.QuestionBank;
using Competition.Web.Common;
using MediatR;

namespace Competition.Web.Practice;

/// <summary>JSON API of the online drill (网上练兵) for app clients; the pages send the same use cases.</summary>
public static class PracticeEndpoints
{
    public sealed record StartForm(string TradeCode, SkillLevel? Level, PracticeMode Mode, string? KnowledgePoint);
    public sealed record AnswerForm(string QuestionId, string? Response, int? Version);

    public static void MapPracticeEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/practice").WithTags("Practice").RequireAuthorization();

        api.MapPost("/sessions", async (IMediator m, HttpContext http, StartForm f) =>
        {
            var id = await m.Send(new StartPractice.Command(http.User.ToActor(), f.TradeCode ?? "", f.Level, f.Mode, f.KnowledgePoint));
            return Results.Created($"/api/practice/sessions/{id}", new { id });
        });

        // 204 when the session has nothing left (e.g. its wrong book is empty).
        api.MapGet("/sessions/{id:guid}/next", async (IMediator m, HttpContext http, Guid id) =>
            await m.Send(new NextPracticeQuestion.Query(http.User.ToActor(), id)) is { } q ? Results.Ok(q) : Results.NoContent());

        api.MapPost("/sessions/{id:guid}/answers", async (IMediator m, HttpContext http, Guid id, AnswerForm f) =>
            Results.Ok(await m.Send(new AnswerPracticeQuestion.Command(http.User.ToActor(), id, f.QuestionId ?? "", f.Response, f.Version))))
            .RequireRateLimiting(RateLimits.Answers);

        api.MapGet("/wrong-book", async (IMediator m, HttpContext http, string? trade) =>
            Results.Ok(await m.Send(new GetWrongBook.Query(http.User.ToActor(), trade))));

        api.MapGet("/progress", async (IMediator m, HttpContext http) =>
            Results.Ok(await m.Send(new GetPracticeProgress.Query(http.User.ToActor()))));

        // Defaults to ParticipationWindow's period.
        api.MapGet("/participation", async (IMediator m, HttpContext http, TimeProvider clock, DateOnly? from, DateOnly? to, string? city) =>
            {
                var window = ParticipationWindow.Resolve(from, to, clock.GetUtcNow().UtcDateTime);
                return Results.Ok(await m.Send(new GetParticipation.Query(http.User.ToActor(), window.From, window.To, city)));
            })
            .RequireAuthorization(ServiceRegistration.OrganizerPolicy);
    }
}
