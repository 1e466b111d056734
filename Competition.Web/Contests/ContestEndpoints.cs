using Competition.Engine.Contests;
using Competition.Engine.Judging;
using Competition.Engine.Scoreboards;
using Competition.Engine.Persistence;
using Competition.Web.Common;
using MediatR;

namespace Competition.Web.Contests;

public static class ContestEndpoints
{
    public sealed record CreateForm(string Title, string TradeCode, ContestLevel Level, IReadOnlyList<string> Groups, DateTime StartsAt, DateTime? FreezeAt,
        DateTime EndsAt, IReadOnlyList<TieBreak> TieBreaks, IReadOnlyList<CreateContest.RoundSpec> Rounds);
    public sealed record ContestantForm(string Number, string Name, string UnitName, string CityCode, string Group, string? Team, Guid? WorkerId);
    public sealed record JudgeForm(Guid RoundId, string Station, string JudgeUserName);
    public sealed record PhaseForm(ContestPhase To);
    public sealed record RevealForm(string Group);
    public sealed record MarksForm(Guid ContestantId, Guid TaskId, IReadOnlyList<SubmitMarks.Mark> Marks);
    public sealed record SignOffForm(Guid ContestantId, Guid TaskId);
    public sealed record OverrideForm(Guid ContestantId, Guid TaskId, string ItemCode, string JudgeUserName, double Value, string Reason);

    public static void MapContestEndpoints(this IEndpointRouteBuilder app)
    {
        var manage = app.MapGroup("/api/contests").WithTags("Contests").RequireAuthorization(ServiceRegistration.OrganizerPolicy);
        manage.MapPost("", async (IMediator m, HttpContext h, CreateForm f) =>
        {
            var id = await m.Send(new CreateContest.Command(f.Title, f.TradeCode, f.Level, f.Groups, f.StartsAt, f.FreezeAt, f.EndsAt, f.TieBreaks, f.Rounds, h.User.ToActor()));
            return Results.Created($"/api/contests/{id}", new { id });
        });
        manage.MapPost("/{id:guid}/contestants", async (IMediator m, HttpContext h, Guid id, ContestantForm f) =>
            Results.Ok(new { id = await m.Send(new RegisterContestant.Command(id, f.Number, f.Name, f.UnitName, f.CityCode, f.Group, f.Team, f.WorkerId, h.User.ToActor())) }));
        manage.MapPost("/{id:guid}/contestants/import", async (IMediator m, HttpContext h, Guid id, IFormFile? file) =>
        {
            if (file is null) return Results.Problem(title: "没有收到文件", detail: "请选择 .xlsx 或 .csv 文件（表单字段 file）。", statusCode: 400);
            await using var stream = file.OpenReadStream();
            var r = await m.Send(new ImportContestants.Command(id, stream, file.FileName, file.Length, h.User.ToActor()));
            return r.Accepted ? Results.Ok(new { r.Added })
                : ImportResults.Refused("导入被拒绝，未登记任何选手", r.Problems, r.TotalProblems);
        }).DisableAntiforgery();
        manage.MapPost("/{id:guid}/rounds/{roundId:guid}/tasks/import", async (IMediator m, HttpContext h, Guid id, Guid roundId, IFormFile? file) =>
        {
            if (file is null) return Results.Problem(title: "没有收到文件", detail: "请选择按评分细则模板填写的 .xlsx 或 .csv 文件（表单字段 file）。", statusCode: 400);
            await using var stream = file.OpenReadStream();
            var r = await m.Send(new ImportRoundTasks.Command(id, roundId, stream, file.FileName, file.Length, h.User.ToActor()));
            return r.Accepted ? Results.Ok(new { r.Tasks, r.Items, r.MaxScore })
                : ImportResults.Refused("导入被拒绝，本轮任务未改动", r.Problems, r.TotalProblems);
        }).DisableAntiforgery();
        manage.MapPost("/{id:guid}/judges", async (IMediator m, HttpContext h, Guid id, JudgeForm f) =>
            Results.Ok(new { id = await m.Send(new AssignJudge.Command(id, f.RoundId, f.Station, f.JudgeUserName, h.User.ToActor())) }));
        manage.MapPost("/{id:guid}/phase", async (IMediator m, HttpContext h, Guid id, PhaseForm f) =>
            Results.Ok(new { phase = await m.Send(new MoveContestPhase.Command(id, f.To, h.User.ToActor())) }));
        manage.MapPost("/{id:guid}/reveal", async (IMediator m, HttpContext h, Guid id, RevealForm f) => Results.Ok(await m.Send(new RevealNext.Command(id, f.Group, h.User.ToActor()))));
        manage.MapGet("/{id:guid}/audit.csv", async (IMediator m, HttpContext h, Guid id) =>
        {
            var r = await m.Send(new ExportMarkAudit.Query(id, h.User.ToActor()));
            return Results.File(r.Content, "text/csv; charset=utf-8", r.FileName);
        });

        app.MapGet("/api/contests/{id:guid}/board", async (CompetitionDbContext db, ScoreboardProjection p, HttpContext h, Guid id, string group, bool? jury) =>
        {
            await BoardAccess.EnsureMayWatchAsync(db, h.User.ToActor(), id, jury == true, h.RequestAborted);
            return Results.Ok(await p.CurrentAsync(id, group, jury == true, h.RequestAborted));   // an unknown contest or group is a 404
        }).WithTags("Scoreboards");

        var judging = app.MapGroup("/api").WithTags("Judging").RequireAuthorization();
        judging.MapGet("/contests/{id:guid}/sheet", async (IMediator m, HttpContext h, Guid id) => Results.Ok(await m.Send(new GetJudgeSheet.Query(id, h.User.ToActor()))));
        judging.MapPost("/marks", async (IMediator m, HttpContext h, MarksForm f) => Results.Ok(await m.Send(new SubmitMarks.Command(f.ContestantId, f.TaskId, f.Marks, h.User.ToActor()))));
        judging.MapPost("/marks/signoff", async (IMediator m, HttpContext h, SignOffForm f) => Results.Ok(await m.Send(new SignOffTask.Command(f.ContestantId, f.TaskId, h.User.ToActor()))));
        judging.MapPost("/marks/override", async (IMediator m, HttpContext h, OverrideForm f) =>
            Results.Ok(await m.Send(new OverrideMark.Command(f.ContestantId, f.TaskId, f.ItemCode, f.JudgeUserName, f.Value, f.Reason, h.User.ToActor()))));
    }
}
