using Competition.Engine.QuestionBank;
using Competition.Web.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Competition.Web.QuestionBank;

public static class QuestionBankEndpoints
{
    public static void MapQuestionBankEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("QuestionBank");

        api.MapGet("/trades", async (IMediator m) => Results.Ok(await m.Send(new ListTrades.Query())));

        api.MapGet("/questions", async (IMediator m, HttpContext http, string? trade, SkillLevel? level, QuestionType? type, string? kp, string? text, int? page, int? pageSize) =>
                Results.Ok(await m.Send(new SearchQuestions.Query(http.User.ToActor(), trade, level, type, kp, text, false, page ?? 1, pageSize ?? 20))))
            .RequireAuthorization(ServiceRegistration.OrganizerPolicy);

        api.MapGet("/questions/{id}", async (IMediator m, HttpContext http, string id, int? version) =>
            {
                var q = await m.Send(new GetQuestion.Query(id, http.User.ToActor(), version));
                return Results.Ok(new { q.Id, q.TradeCode, q.TradeName, q.Version, q.LatestVersion, q.StemHtml, q.ExplanationHtml,
                    Options = q.Options.Select(o => new { o.Key, o.Html }), Answer = q.Content.AnswerDisplay, Level = q.Content.Level.Title(), Type = q.Content.Type.Title(), q.Sealed });
            })
            .RequireAuthorization(ServiceRegistration.OrganizerPolicy);

        api.MapPost("/banks/import", async (IMediator m, HttpContext http, IFormFile? file, [FromForm] string? trade) =>
            {
                if (file is null)
                    return Results.Problem(title: "没有收到文件", detail: "请选择一个 .xlsx 或 .csv 文件（表单字段 file）。", statusCode: 400);
                await using var stream = file.OpenReadStream();
                var r = await m.Send(new ImportBank.Command(stream, file.FileName, file.Length, trade, http.User.ToActor()));
                return r.Accepted
                    ? Results.Ok(new { r.Rows, r.Added, r.Revised, r.Unchanged })
                    : ImportResults.Refused("导入被拒绝，未写入任何题目", r.Problems, r.TotalProblems);
            })
            .RequireAuthorization(ServiceRegistration.OrganizerPolicy)
            .DisableAntiforgery();

        api.MapGet("/banks/template.xlsx", () => Results.File(BankTemplate.Xlsx(),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "题库导入模板.xlsx"));
        api.MapGet("/banks/template.csv", () => Results.File(BankTemplate.Csv(), "text/csv; charset=utf-8", "题库导入模板.csv"));

        api.MapGet("/banks/{trade}/export.xlsx", async (IMediator m, HttpContext http, string trade) =>
            {
                var r = await m.Send(new ExportBank.Query(trade, http.User.ToActor()));
                return Results.File(r.Content, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", r.FileName);
            })
            .RequireAuthorization(ServiceRegistration.OrganizerPolicy);
    }
}
