using System.Text;
using Competition.Engine.Contests;
using Competition.Engine.Judging;
using Competition.Engine.Scoreboards;
using Competition.Engine.Persistence;
using Competition.Web.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

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
                : Results.Problem(title: "导入被拒绝，未登记任何选手", detail: string.Join("\n", r.Problems.Take(20)), statusCode: 400,
                    extensions: new Dictionary<string, object?> { ["problems"] = r.Problems });
        }).DisableAntiforgery();
        manage.MapPost("/{id:guid}/judges", async (IMediator m, HttpContext h, Guid id, JudgeForm f) =>
            Results.Ok(new { id = await m.Send(new AssignJudge.Command(id, f.RoundId, f.Station, f.JudgeUserName, h.User.ToActor())) }));
        manage.MapPost("/{id:guid}/phase", async (IMediator m, HttpContext h, Guid id, PhaseForm f) =>
            Results.Ok(new { phase = await m.Send(new MoveContestPhase.Command(id, f.To, h.User.ToActor())) }));
        manage.MapPost("/{id:guid}/reveal", async (IMediator m, HttpContext h, Guid id, RevealForm f) => Results.Ok(await m.Send(new RevealNext.Command(id, f.Group, h.User.ToActor()))));
        manage.MapGet("/{id:guid}/audit.csv", async (CompetitionDbContext db, Guid id) =>
        {
            var rows = await db.MarkAudits.AsNoTracking().Where(a => a.ContestId == id).OrderBy(a => a.At).ToListAsync();
            var numbers = await db.Contestants.AsNoTracking().Where(c => c.ContestId == id).ToDictionaryAsync(c => c.Id, c => c.Number);
            var csv = Competition.Engine.QuestionBank.Sheets.Csv.Write([["时间(UTC)", "参赛号", "任务", "评分项", "裁判", "原值", "新值", "操作人", "理由"],
                .. rows.Select(a => (IReadOnlyList<string>)[a.At.ToString("u"), numbers.GetValueOrDefault(a.ContestantId, "?"), a.TaskId.ToString(), a.ItemCode, a.JudgeUserId,
                    a.OldValue?.ToString() ?? "", a.NewValue.ToString(), a.By, a.Reason ?? ""])]);
            return Results.File([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)], "text/csv; charset=utf-8", "评分审计.csv");
        });

        app.MapGet("/api/contests/{id:guid}/board", async (ScoreboardProjection p, HttpContext h, Guid id, string group, bool? jury) =>
        {
            if (jury == true && !Scoreboards.BoardGroups.MayWatchJury(h.User)) return Results.Forbid();
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
