using System.Text;
using Competition.Engine.Contests;
using Competition.Engine.QuestionBank;
using Competition.Engine.QuestionBank.Sheets;
using Competition.Tests.Integration.Contests;
using static Competition.Tests.Integration.Access.MatrixRow;
using static Competition.Tests.Integration.Exams.ExamScenario;

namespace Competition.Tests.Integration.Access;

/// <summary>The JSON API's rows: who may call each endpoint (see <see cref="MatrixRow"/>).</summary>
public static partial class MatrixRows
{
    private static string New(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8];

    private static string Board(MatrixWorld w, bool jury) => $"/api/contests/{w.ContestId}/board?group={Uri.EscapeDataString(MatrixWorld.Group)}{(jury ? "&jury=true" : "")}";

    private static byte[] ContestantSheet() =>
        XlsxWriter.Write("选手", [["参赛号", "姓名", "单位", "城市", "组别"], [New("M")[..9], "导入选手", "某单位", "马鞍山", MatrixWorld.Group]]);

    /// <summary>A scheme sheet with an unknown 评分方式: refused by row and column, so allowed calls change no task.</summary>
    private static byte[] BadSchemeSheet() => XlsxWriter.Write(SchemeTemplate.DataSheet, [SchemeColumns.All, ["锉配", "A1", "M1", "无毛刺", "打分", "10"]]);

    /// <summary>A bank sheet with headers only: refused with "没有题目行", so allowed calls write nothing.</summary>
    private static byte[] EmptyBankSheet() => Encoding.UTF8.GetBytes(string.Join(",", BankTemplate.Headers) + "\n");

    public static IEnumerable<MatrixRow> Api =>
    [
        // Accounts and public reference data.
        new() { Key = "POST /api/account/login", Open = true, Http = (_, _) => Post("/api/account/login", new { userName = New("nobody-"), password = "wrong-pass-1" }) },
        new() { Key = "POST /api/account/logout", Open = true, Http = (_, _) => new(HttpMethod.Post, "/api/account/logout") },
        new() { Key = "POST /api/account/register", Open = true, Http = (_, _) => Post("/api/account/register", new { name = "" }) },
        new() { Key = "GET /api/account/me", Allowed = SignedIn, Http = (_, _) => Get("/api/account/me") },
        new() { Key = "GET /health", Allowed = Everyone, Http = (_, _) => Get("/health") },
        new() { Key = "GET /openapi/{documentName}.json", Allowed = Everyone, Http = (_, _) => Get("/openapi/v1.json") },
        new() { Key = "GET /culture/{name}", Open = true, Http = (_, _) => Get("/culture/en?returnUrl=/") },
        new() { Key = "GET /api/cities", Allowed = Everyone, Http = (_, _) => Get("/api/cities") },
        new() { Key = "GET /api/units", Allowed = Everyone, Http = (_, _) => Get("/api/units?city=maanshan") },
        new() { Key = "POST /api/units", Allowed = CityStaff, Http = (_, _) => Post("/api/units", new { cityCode = "maanshan", name = New("新单位"), kind = "Enterprise" }) },
        new() { Key = "PUT /api/units/{id:guid}", Allowed = CityStaff, Http = (w, _) => Json(HttpMethod.Put, $"/api/units/{w.UnitId}", new { name = New("改名单位") }) },

        // Question banks: shared by all cities, for organizers and admins.
        new() { Key = "GET /api/trades", Allowed = Everyone, Http = (_, _) => Get("/api/trades") },
        new() { Key = "GET /api/banks/template.xlsx", Allowed = Everyone, Http = (_, _) => Get("/api/banks/template.xlsx") },
        new() { Key = "GET /api/banks/template.csv", Allowed = Everyone, Http = (_, _) => Get("/api/banks/template.csv") },
        new() { Key = "GET /api/questions", Allowed = Organizers, Http = (_, _) => Get("/api/questions?trade=lathe-operator") },
        new() { Key = "GET /api/questions/{id}", Allowed = Organizers, Http = (_, _) => Get("/api/questions/lathe-operator-001") },
        new() { Key = "GET /api/banks/{trade}/export.xlsx", Allowed = Organizers, Http = (_, _) => Get("/api/banks/lathe-operator/export.xlsx") },
        new() { Key = "POST /api/banks/import", Allowed = Organizers, Http = (w, who) => Upload(w, who, "/api/banks/import", "file", "空表.csv", EmptyBankSheet(), ("trade", "lathe-operator")) },

        // Exams: managed by their city's organizers, sat by its workers; attempts are their worker's.
        new() { Key = "GET /api/exams/", Allowed = SignedIn, Sees = Home, Http = (_, _) => Get("/api/exams") },
        new() { Key = "POST /api/exams/{id:guid}/attempts", Allowed = Workers, Http = (w, _) => new(HttpMethod.Post, $"/api/exams/{w.ExamId}/attempts") },
        new() { Key = "GET /api/exams/manage", Allowed = Organizers, Sees = CityStaff, Http = (_, _) => Get("/api/exams/manage") },
        new() { Key = "POST /api/exams/", Allowed = Organizers, Http = (_, _) => Post("/api/exams", new { title = New("新考试"), blueprint = Standard, settings = Settings(DateTime.UtcNow) }) },
        new() { Key = "GET /api/exams/{id:guid}", Allowed = CityStaff, Http = (w, _) => Get($"/api/exams/{w.ExamId}") },
        new() { Key = "PUT /api/exams/{id:guid}", Allowed = CityStaff, Http = (w, _) => Json(HttpMethod.Put, $"/api/exams/{w.ExamId}", new { title = "改名", blueprint = Standard, settings = Settings(DateTime.UtcNow) }) },
        new() { Key = "POST /api/exams/{id:guid}/copy", Allowed = CityStaff, Http = (w, _) => new(HttpMethod.Post, $"/api/exams/{w.ExamId}/copy") },
        new() { Key = "POST /api/exams/{id:guid}/unpublish", Allowed = CityStaff, Http = (w, _) => new(HttpMethod.Post, $"/api/exams/{w.ExamId}/unpublish") },
        new() { Key = "GET /api/exams/{id:guid}/preview", Allowed = CityStaff, Http = (w, _) => Get($"/api/exams/{w.ExamId}/preview?seed=3") },
        new() { Key = "GET /api/exams/{id:guid}/scores.xlsx", Allowed = CityStaff, Http = (w, _) => Get($"/api/exams/{w.ExamId}/scores.xlsx") },
        new() { Key = "GET /api/exams/audience-choices", Allowed = Organizers, Sees = CityStaff, Http = (_, _) => Get("/api/exams/audience-choices") },
        new() { Key = "POST /api/exams/{id:guid}/publish", Allowed = CityStaff, Http = (w, _) => new(HttpMethod.Post, $"/api/exams/{w.ExamId}/publish") },
        new() { Key = "POST /api/exams/{id:guid}/papers", Allowed = CityStaff, Http = (w, _) => Post($"/api/exams/{w.ExamId}/papers", new { workerIds = Array.Empty<Guid>() }) },
        new() { Key = "GET /api/exams/{id:guid}/monitor", Allowed = CityStaff, Http = (w, _) => Get($"/api/exams/{w.ExamId}/monitor") },
        new() { Key = "GET /api/exams/{id:guid}/statistics", Allowed = CityStaff, Http = (w, _) => Get($"/api/exams/{w.ExamId}/statistics") },
        new() { Key = "GET /api/exams/{id:guid}/marking", Allowed = CityStaff, Http = (w, _) => Get($"/api/exams/{w.ExamId}/marking") },
        new() { Key = "POST /api/exams/{id:guid}/remark", Allowed = CityStaff, Http = (w, _) => Post($"/api/exams/{w.ExamId}/remark", new { dryRun = true }) },
        new() { Key = "GET /api/attempts/{id:guid}", Allowed = [Who.OwnerWorker], Http = (w, _) => Get($"/api/attempts/{w.AttemptId}") },
        new() { Key = "POST /api/attempts/{id:guid}/answers", Allowed = [Who.OwnerWorker], Http = (w, _) => Post($"/api/attempts/{w.AttemptId}/answers", new { item = 0, response = "B", flagged = false, @base = 0, writer = "matrix-writer", writerSeq = 9 }) },
        new() { Key = "POST /api/attempts/{id:guid}/submit", Allowed = [Who.OwnerWorker], Http = (w, _) => new(HttpMethod.Post, $"/api/attempts/{w.AttemptId}/submit") },
        new() { Key = "GET /api/attempts/{id:guid}/result", Allowed = [Who.OwnerWorker, .. CityStaff], Http = (w, _) => Get($"/api/attempts/{w.AttemptId}/result") },
        new() { Key = "POST /api/attempts/{id:guid}/items/{item:int}/mark", Allowed = CityStaff, Http = (w, _) => Post($"/api/attempts/{w.AttemptId}/items/0/mark", new { awarded = 0 }) },

        // Drills: a worker's own sessions; participation for organizers (scoped by the engine to their city).
        new() { Key = "POST /api/practice/sessions", Allowed = Workers, Http = (_, _) => Post("/api/practice/sessions", new { tradeCode = "fitter", mode = "InOrder" }) },
        new() { Key = "GET /api/practice/sessions/{id:guid}/next", Allowed = [Who.OwnerWorker], Http = (w, _) => Get($"/api/practice/sessions/{w.SessionId}/next") },
        new() { Key = "POST /api/practice/sessions/{id:guid}/answers", Allowed = [Who.OwnerWorker], Http = (w, _) => Post($"/api/practice/sessions/{w.SessionId}/answers", new { questionId = w.DrillQuestionId, response = "A" }) },
        new() { Key = "GET /api/practice/wrong-book", Allowed = Workers, Http = (_, _) => Get("/api/practice/wrong-book") },
        new() { Key = "GET /api/practice/progress", Allowed = Workers, Http = (_, _) => Get("/api/practice/progress") },
        new() { Key = "GET /api/practice/participation", Allowed = Organizers, Http = (_, _) => Get("/api/practice/participation") },

        // Contests: run by their city's organizers; boards; judging by assignment.
        new() { Key = "POST /api/contests/", Allowed = Organizers, Http = (_, _) => Post("/api/contests", ContestAccessTests.ContestBody(New("新竞赛"), ContestLevel.CityClass2, DateTime.UtcNow)) },
        new() { Key = "POST /api/contests/{id:guid}/contestants", Allowed = CityStaff,
            Http = (w, _) => Post($"/api/contests/{w.ContestId}/contestants", new { number = New("R")[..9], name = "登记选手", unitName = "某单位", cityCode = "maanshan", group = MatrixWorld.Group }) },
        new() { Key = "POST /api/contests/{id:guid}/contestants/import", Allowed = CityStaff, Http = (w, who) => Upload(w, who, $"/api/contests/{w.ContestId}/contestants/import", "file", "选手.xlsx", ContestantSheet()) },
        new() { Key = "POST /api/contests/{id:guid}/rounds/{roundId:guid}/tasks/import", Allowed = CityStaff,
            Http = (w, who) => Upload(w, who, $"/api/contests/{w.ContestId}/rounds/{w.RoundId}/tasks/import", "file", "评分细则.xlsx", BadSchemeSheet()) },
        new() { Key = "POST /api/contests/{id:guid}/judges", Allowed = CityStaff,
            Http = (w, _) => Post($"/api/contests/{w.ContestId}/judges", new { roundId = w.RoundId, station = "Z9", judgeUserName = w.SpareJudgeName }) },
        new() { Key = "POST /api/contests/{id:guid}/phase", Allowed = CityStaff, Http = (w, _) => Post($"/api/contests/{w.ContestId}/phase", new { to = "Running" }) },
        new() { Key = "POST /api/contests/{id:guid}/reveal", Allowed = CityStaff, Http = (w, _) => Post($"/api/contests/{w.ContestId}/reveal", new { group = MatrixWorld.Group }) },
        new() { Key = "GET /api/contests/{id:guid}/audit.csv", Allowed = CityStaff, Http = (w, _) => Get($"/api/contests/{w.ContestId}/audit.csv") },
        new() { Key = "GET /api/contests/{id:guid}/board", Variant = "public", Allowed = Everyone, Http = (w, _) => Get(Board(w, jury: false)) },
        new() { Key = "GET /api/contests/{id:guid}/board", Variant = "jury", Allowed = Jury, Http = (w, _) => Get(Board(w, jury: true)) },
        new() { Key = "GET /api/contests/{id:guid}/sheet", Allowed = AssignedJudges, Sees = [], Http = (w, _) => Get($"/api/contests/{w.ContestId}/sheet") },
        new() { Key = "POST /api/marks", Allowed = AssignedJudges, Sees = [],
            Http = (w, _) => Post("/api/marks", new { contestantId = w.ContestantId, taskId = w.TaskId, marks = new[] { new { itemCode = "M1", value = 1 } } }) },
        new() { Key = "POST /api/marks/signoff", Allowed = [Who.AssignedChief], Sees = [], Http = (w, _) => Post("/api/marks/signoff", new { contestantId = w.ContestantId, taskId = w.TaskId }) },
        new() { Key = "POST /api/marks/override", Allowed = [Who.AssignedChief], Sees = [],
            Http = (w, _) => Post("/api/marks/override", new { contestantId = w.ContestantId, taskId = w.TaskId, itemCode = "M1", judgeUserName = w.AssignedJudgeName, value = 1, reason = "矩阵复核更正" }) },

        // Certificates and exports of public results: the contest's city (and admins); revocation without a reason writes nothing.
        new() { Key = "GET /api/results/{contestId:guid}/certificates.zip", Allowed = CityStaff, Http = (w, _) => Get($"/api/results/{w.ContestId}/certificates.zip") },
        new() { Key = "GET /api/results/{contestId:guid}/results.xlsx", Allowed = CityStaff, Http = (w, _) => Get($"/api/results/{w.ContestId}/results.xlsx") },
        new() { Key = "GET /api/results/{contestId:guid}/awards.xlsx", Allowed = CityStaff, Http = (w, _) => Get($"/api/results/{w.ContestId}/awards.xlsx") },
        new() { Key = "GET /api/certificates/{code}.pdf", Allowed = CityStaff, Http = (w, _) => Get($"/api/certificates/{w.CertificateCode}.pdf") },
        new() { Key = "POST /api/certificates/{code}/revoke", Allowed = CityStaff, Http = (w, _) => Post($"/api/certificates/{w.CertificateCode}/revoke", new { reason = "" }) },
    ];
}
