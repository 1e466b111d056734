using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using static Competition.Tests.Integration.Access.MatrixRow;

namespace Competition.Tests.Integration.Access;

/// <summary>The Razor pages' and the hub's rows: who may open each page, post each handler and call each hub method.</summary>
public static partial class MatrixRows
{
    public static IEnumerable<MatrixRow> All => [.. Api, .. Pages, .. Results, .. Hubs];

    public static IEnumerable<MatrixRow> Pages =>
    [
        new() { Key = "PAGE GET /Index", Allowed = Everyone, Http = (_, _) => Get("/") },
        new() { Key = "PAGE GET /Docs/Api", Allowed = Everyone, Http = (_, _) => Get("/Docs/Api") },
        // The refusal and error pages answer with their own status (403, 404) for everyone: only the data check applies.
        new() { Key = "PAGE GET /Account/AccessDenied", Open = true, Http = (_, _) => Get("/Account/AccessDenied") },
        new() { Key = "PAGE GET /Error", Open = true, Http = (_, _) => Get("/Error/404") },
        new() { Key = "PAGE POST /Error", Open = true, Http = (w, who) => Form(w, who, "/Error/500") },
        new() { Key = "PAGE GET /Account/Login", Open = true, Http = (_, _) => Get("/Account/Login") },
        new() { Key = "PAGE POST /Account/Login", Open = true, Http = (w, who) => Form(w, who, "/Account/Login", ("UserName", New("nobody-")), ("Password", "wrong-pass-1")) },
        new() { Key = "PAGE GET /Account/Logout", Open = true, Http = (_, _) => Get("/Account/Logout") },
        new() { Key = "PAGE POST /Account/Logout", Open = true, Http = (w, who) => Form(w, who, "/Account/Logout") },
        new() { Key = "PAGE GET /Account/Register", Open = true, Http = (_, _) => Get("/Account/Register") },
        new() { Key = "PAGE POST /Account/Register", Open = true, Http = (w, who) => Form(w, who, "/Account/Register", ("Input.Name", "")) },

        new() { Key = "PAGE GET /Results/Verify", Allowed = Everyone, Http = (w, _) => Get($"/Results/Verify/{w.CertificateCode}") },
        new() { Key = "PAGE GET /Contests/Board", Allowed = Everyone, Http = (w, _) => Get($"/Contests/Board/{w.ContestId}?view=jury") },
        new() { Key = "PAGE GET /Contests/Control", Allowed = CityStaff, Http = (w, _) => Get($"/Contests/Control/{w.ContestId}") },
        new() { Key = "PAGE POST /Contests/Control?handler=Phase", Allowed = CityStaff, Http = (w, who) => Form(w, who, $"/Contests/Control/{w.ContestId}?handler=Phase", ("to", "Running")) },
        new() { Key = "PAGE POST /Contests/Control?handler=Reveal", Allowed = CityStaff, Http = (w, who) => Form(w, who, $"/Contests/Control/{w.ContestId}?handler=Reveal", ("group", MatrixWorld.Group)) },
        new() { Key = "PAGE GET /Contests/Manage", Variant = "list", Allowed = Organizers, Sees = CityStaff, Http = (_, _) => Get("/Contests/Manage") },
        new() { Key = "PAGE GET /Contests/Manage", Variant = "contest", Allowed = CityStaff, Http = (w, _) => Get($"/Contests/Manage/{w.ContestId}") },
        new() { Key = "PAGE POST /Contests/Manage?handler=Register", Allowed = CityStaff, Http = (w, who) => Form(w, who, $"/Contests/Manage/{w.ContestId}?handler=Register",
            ("Number", New("P")[..9]), ("Name", "表单选手"), ("UnitName", "某单位"), ("CityCode", "maanshan"), ("Group", MatrixWorld.Group)) },
        new() { Key = "PAGE POST /Contests/Manage?handler=Assign", Allowed = CityStaff, Http = (w, who) => Form(w, who, $"/Contests/Manage/{w.ContestId}?handler=Assign",
            ("RoundId", w.RoundId.ToString()), ("Station", "Z8"), ("Judge", w.SpareJudgeName)) },
        new() { Key = "PAGE POST /Contests/Manage?handler=Import", Allowed = CityStaff,
            Http = (w, who) => Upload(w, who, $"/Contests/Manage/{w.ContestId}?handler=Import", "upload", "选手.xlsx", ContestantSheet()) },
        new() { Key = "PAGE GET /Contests/Manage?handler=Template", Allowed = Organizers, Sees = CityStaff, Http = (w, _) => Get($"/Contests/Manage/{w.ContestId}?handler=Template") },
        // Unknown ids: the contest's access rule answers before the not-found, and nothing of the world is removed.
        new() { Key = "PAGE POST /Contests/Manage?handler=Remove", Allowed = CityStaff, Http = (w, who) => Form(w, who, $"/Contests/Manage/{w.ContestId}?handler=Remove",
            ("contestantId", Guid.NewGuid().ToString())) },
        new() { Key = "PAGE POST /Contests/Manage?handler=Unassign", Allowed = CityStaff, Http = (w, who) => Form(w, who, $"/Contests/Manage/{w.ContestId}?handler=Unassign",
            ("assignmentId", Guid.NewGuid().ToString())) },
        new() { Key = "PAGE POST /Contests/Manage?handler=Link", Allowed = CityStaff, Http = (w, who) => Form(w, who, $"/Contests/Manage/{w.ContestId}?handler=Link",
            ("contestantId", Guid.NewGuid().ToString()), ("workerId", w.OwnerWorkerId.ToString())) },
        new() { Key = "PAGE POST /Contests/Manage?handler=Copy", Allowed = CityStaff, Http = (w, who) => Form(w, who, $"/Contests/Manage/{w.ContestId}?handler=Copy",
            ("title", New("矩阵复制")), ("startsAt", "2031-01-06T09:00")) },
        new() { Key = "PAGE GET /Contests/Setup", Variant = "new", Allowed = Organizers, Sees = CityStaff, Http = (_, _) => Get("/Contests/Setup") },
        new() { Key = "PAGE GET /Contests/Setup", Variant = "contest", Allowed = CityStaff, Http = (w, _) => Get($"/Contests/Setup/{w.ContestId}") },
        new() { Key = "PAGE GET /Contests/Setup?handler=Template", Allowed = Organizers, Http = (_, _) => Get("/Contests/Setup?handler=Template") },
        new() { Key = "PAGE POST /Contests/Setup", Allowed = CityStaff, Http = (w, who) => Form(w, who, $"/Contests/Setup/{w.ContestId}", ("op", "add-theory")) },

        new() { Key = "PAGE GET /Exams/Index", Allowed = SignedIn, Sees = Home, Http = (_, _) => Get("/Exams") },
        new() { Key = "PAGE GET /Exams/Notice", Allowed = Workers, Http = (w, _) => Get($"/Exams/Notice/{w.ExamId}") },
        // Without the ticked confirmation a worker is told to read the notice first (400); nothing starts.
        new() { Key = "PAGE POST /Exams/Notice?handler=Start", Allowed = Workers, Http = (w, who) => Form(w, who, $"/Exams/Notice/{w.ExamId}?handler=Start") },
        new() { Key = "PAGE GET /Exams/Attempt", Allowed = [Who.OwnerWorker], Http = (w, _) => Get($"/Exams/Attempt/{w.AttemptId}") },
        new() { Key = "PAGE GET /Exams/Result", Allowed = [Who.OwnerWorker, .. CityStaff], Http = (w, _) => Get($"/Exams/Result/{w.AttemptId}") },
        new() { Key = "PAGE GET /Exams/Manage/Index", Allowed = Organizers, Sees = CityStaff, Http = (_, _) => Get("/Exams/Manage") },
        new() { Key = "PAGE POST /Exams/Manage/Index?handler=Publish", Allowed = CityStaff, Http = (w, who) => Form(w, who, "/Exams/Manage?handler=Publish", ("id", w.ExamId.ToString())) },
        new() { Key = "PAGE GET /Exams/Manage/Create", Allowed = Organizers, Http = (_, _) => Get("/Exams/Manage/Create") },
        new() { Key = "PAGE POST /Exams/Manage/Create", Allowed = Organizers, Http = (w, who) => Form(w, who, "/Exams/Manage/Create", ("Title", "")) },
        new() { Key = "PAGE GET /Exams/Manage/Create", Variant = "edit", Allowed = CityStaff, Http = (w, _) => Get($"/Exams/Manage/Create/{w.ExamId}") },
        new() { Key = "PAGE POST /Exams/Manage/Create", Variant = "edit", Allowed = CityStaff, Http = (w, who) => Form(w, who, $"/Exams/Manage/Create/{w.ExamId}", ("Title", "")) },
        new() { Key = "PAGE POST /Exams/Manage/Index?handler=Unpublish", Allowed = CityStaff, Http = (w, who) => Form(w, who, "/Exams/Manage?handler=Unpublish", ("id", w.ExamId.ToString())) },
        new() { Key = "PAGE POST /Exams/Manage/Index?handler=Copy", Allowed = CityStaff, Http = (w, who) => Form(w, who, "/Exams/Manage?handler=Copy", ("id", w.ExamId.ToString())) },
        new() { Key = "PAGE GET /Exams/Manage/Index?handler=Scores", Allowed = CityStaff, Http = (w, _) => Get($"/Exams/Manage?handler=Scores&id={w.ExamId}") },
        new() { Key = "PAGE GET /Exams/Manage/Preview", Allowed = CityStaff, Http = (w, _) => Get($"/Exams/Manage/Preview/{w.ExamId}") },
        new() { Key = "PAGE GET /Exams/Manage/Marking", Allowed = CityStaff, Http = (w, _) => Get($"/Exams/Manage/Marking/{w.ExamId}") },
        new() { Key = "PAGE POST /Exams/Manage/Marking", Allowed = CityStaff, Http = (w, who) => Form(w, who, $"/Exams/Manage/Marking/{w.ExamId}",
            ("attempt", w.AttemptId.ToString()), ("item", "0"), ("awarded", "0")) },
        new() { Key = "PAGE GET /Exams/Manage/Monitor", Allowed = CityStaff, Http = (w, _) => Get($"/Exams/Manage/Monitor/{w.ExamId}") },
        new() { Key = "PAGE POST /Exams/Manage/Monitor?handler=Publish", Allowed = CityStaff, Http = (w, who) => Form(w, who, $"/Exams/Manage/Monitor/{w.ExamId}?handler=Publish") },
        new() { Key = "PAGE GET /Exams/Manage/Statistics", Allowed = CityStaff, Http = (w, _) => Get($"/Exams/Manage/Statistics/{w.ExamId}") },
        new() { Key = "PAGE POST /Exams/Manage/Statistics?handler=Remark", Allowed = CityStaff, Http = (w, who) => Form(w, who, $"/Exams/Manage/Statistics/{w.ExamId}?handler=Remark", ("dryRun", "true")) },

        new() { Key = "PAGE GET /Judging/Sheet", Allowed = AssignedJudges, Sees = [], Http = (w, _) => Get($"/Judging/Sheet/{w.ContestId}") },
        new() { Key = "PAGE POST /Judging/Sheet", Allowed = AssignedJudges, Sees = [], Http = (w, who) => Form(w, who, $"/Judging/Sheet/{w.ContestId}",
            ("contestantId", w.ContestantId.ToString()), ("taskId", w.TaskId.ToString()), ("action", "save"), ("codes", "M1"), ("values", "1")) },
        new() { Key = "PAGE GET /Judging/Index", Allowed = [Who.AssignedJudge, Who.UnassignedJudge, Who.AssignedChief, Who.UnassignedChief], Sees = [], Http = (_, _) => Get("/Judging") },
        new() { Key = "PAGE GET /Judging/Corrections", Allowed = [Who.AssignedChief], Sees = [], Http = (w, _) => Get($"/Judging/Corrections/{w.ContestId}?Number=A001") },
        new() { Key = "PAGE POST /Judging/Corrections?handler=Correct", Allowed = [Who.AssignedChief], Sees = [], Http = (w, who) => Form(w, who, $"/Judging/Corrections/{w.ContestId}?handler=Correct&Number=A001",
            ("contestantId", w.ContestantId.ToString()), ("taskId", w.TaskId.ToString()), ("itemCode", "M1"), ("judgeUserName", w.AssignedJudgeName), ("value", "1"), ("reason", "矩阵复核更正")) },
        new() { Key = "PAGE POST /Judging/Corrections?handler=SignOff", Allowed = [Who.AssignedChief], Sees = [], Http = (w, who) => Form(w, who, $"/Judging/Corrections/{w.ContestId}?handler=SignOff&Number=A001",
            ("contestantId", w.ContestantId.ToString()), ("taskId", w.TaskId.ToString())) },
        new() { Key = "PAGE GET /Judging/Audit", Allowed = [Who.AssignedChief, .. CityStaff], Sees = [], Http = (w, _) => Get($"/Judging/Audit/{w.ContestId}") },
        new() { Key = "PAGE GET /Judging/Audit?handler=Csv", Allowed = [Who.AssignedChief, .. CityStaff], Sees = [], Http = (w, _) => Get($"/Judging/Audit/{w.ContestId}?handler=Csv") },

        new() { Key = "PAGE GET /Organizations/Participation", Allowed = Organizers, Http = (_, _) => Get("/Organizations/Participation") },
        new() { Key = "PAGE GET /Organizations/Units", Allowed = Organizers, Http = (_, _) => Get("/Organizations/Units") },
        new() { Key = "PAGE GET /Organizations/Accounts", Allowed = Organizers, Sees = [], Http = (_, _) => Get("/Organizations/Accounts") },
        new() { Key = "PAGE POST /Organizations/Accounts?handler=Create", Allowed = Organizers, Sees = [], Http = (w, who) => Form(w, who, "/Organizations/Accounts?handler=Create",
            ("UserName", ""), ("DisplayName", "矩阵裁判"), ("Role", "Judge")) },
        new() { Key = "PAGE POST /Organizations/Accounts?handler=Reset", Allowed = CityStaff, Sees = [], Http = (w, who) => Form(w, who, "/Organizations/Accounts?handler=Reset", ("account", w.SpareJudgeName)) },
        new() { Key = "PAGE POST /Organizations/Accounts?handler=Lock", Allowed = CityStaff, Sees = [], Http = (w, who) => Form(w, who, "/Organizations/Accounts?handler=Lock",
            ("account", w.SpareJudgeName), ("locked", "false")) },
        new() { Key = "PAGE POST /Organizations/Units?handler=Rename", Allowed = CityStaff, Http = (w, who) => Form(w, who, $"/Organizations/Units?id={w.UnitId}&handler=Rename", ("newName", $"矩阵单位{w.Tag}")) },
        new() { Key = "PAGE POST /Organizations/Units", Allowed = CityStaff, Http = (w, who) => Form(w, who, "/Organizations/Units", ("Name", New("表单单位")), ("CityCode", "maanshan"), ("Kind", "Enterprise")) },

        new() { Key = "PAGE GET /Practice/Index", Allowed = Workers, Http = (_, _) => Get("/Practice") },
        new() { Key = "PAGE POST /Practice/Index", Allowed = Workers, Http = (w, who) => Form(w, who, "/Practice", ("TradeCode", "fitter"), ("Mode", "InOrder")) },
        new() { Key = "PAGE GET /Practice/Drill", Allowed = [Who.OwnerWorker], Http = (w, _) => Get($"/Practice/Drill/{w.SessionId}") },
        new() { Key = "PAGE POST /Practice/Drill", Allowed = [Who.OwnerWorker], Http = (w, who) => Form(w, who, $"/Practice/Drill/{w.SessionId}",
            ("QuestionId", w.DrillQuestionId), ("Version", "1"), ("Type", "Single"), ("Choice", "A")) },
        // Assessing a question that is not a short answer just given is refused by rule (409) for the owner; others find no session.
        new() { Key = "PAGE POST /Practice/Drill?handler=Assess", Allowed = [Who.OwnerWorker], Http = (w, who) => Form(w, who, $"/Practice/Drill/{w.SessionId}?handler=Assess",
            ("QuestionId", w.DrillQuestionId), ("Version", "1"), ("Type", "ShortAnswer"), ("assessment", "Right")) },
        new() { Key = "PAGE GET /Practice/Summary", Allowed = [Who.OwnerWorker], Http = (w, _) => Get($"/Practice/Summary/{w.SessionId}") },
        new() { Key = "PAGE GET /Practice/Review", Allowed = [Who.OwnerWorker], Http = (w, _) => Get($"/Practice/Review/{Uri.EscapeDataString(w.DrillQuestionId)}") },
        new() { Key = "PAGE GET /Practice/Progress", Allowed = Workers, Http = (_, _) => Get("/Practice/Progress") },
        new() { Key = "PAGE GET /Practice/WrongBook", Allowed = Workers, Http = (_, _) => Get("/Practice/WrongBook") },

        new() { Key = "PAGE GET /QuestionBank/Index", Allowed = Organizers, Http = (_, _) => Get("/QuestionBank?trade=lathe-operator") },
        new() { Key = "PAGE GET /QuestionBank/Question", Allowed = Organizers, Http = (_, _) => Get("/QuestionBank/Question/lathe-operator-001") },
        // The shipped text is not different here, so an organizer is told so (409) after passing the access rule.
        new() { Key = "PAGE POST /QuestionBank/Question?handler=AdoptShipped", Allowed = Organizers, Http = (w, who) => Form(w, who, "/QuestionBank/Question/lathe-operator-001?handler=AdoptShipped") },
        // Retiring a welder question (no exam of the matrix draws welders), restoring the lathe question (not retired: nothing changes).
        new() { Key = "PAGE POST /QuestionBank/Question?handler=Retire", Allowed = Organizers, Http = (w, who) => Form(w, who, "/QuestionBank/Question/welder-001?handler=Retire") },
        new() { Key = "PAGE POST /QuestionBank/Question?handler=Restore", Allowed = Organizers, Http = (w, who) => Form(w, who, "/QuestionBank/Question/lathe-operator-001?handler=Restore") },
        new() { Key = "PAGE GET /QuestionBank/Edit", Allowed = Organizers, Http = (_, _) => Get("/QuestionBank/Edit/lathe-operator-001") },
        // A stale base version: refused by the rule (409) for those allowed, so the bank the other rows draw from is unchanged.
        new() { Key = "PAGE POST /QuestionBank/Edit", Allowed = Organizers, Http = (w, who) => Form(w, who, "/QuestionBank/Edit/lathe-operator-001", ("BaseVersion", "0"), ("Stem", "改")) },
        new() { Key = "PAGE GET /QuestionBank/Import", Allowed = Organizers, Http = (_, _) => Get("/QuestionBank/Import") },
        new() { Key = "PAGE POST /QuestionBank/Import", Allowed = Organizers,
            Http = (w, who) => Upload(w, who, "/QuestionBank/Import", "upload", "空表.csv", EmptyBankSheet(), ("Trade", "lathe-operator")) },
    ];

    // The world's results exist only as a draft (naming 马鞍山's contestant): the public pages must never show it, to anyone;
    // the organizer's posts reach the engine and are refused by its rules (409) or by validation (200).
    public static IEnumerable<MatrixRow> Results =>
    [
        new() { Key = "PAGE GET /Rankings/Manage", Allowed = CityStaff, Http = (w, _) => Get($"/Rankings/Manage/{w.ContestId}") },
        new() { Key = "PAGE POST /Rankings/Manage?handler=Draft", Allowed = CityStaff, Http = (w, who) => Form(w, who, $"/Rankings/Manage/{w.ContestId}?handler=Draft",
            ("Rule.Basis", "Ratio"), ("Rule.FirstPercent", "10"), ("Rule.SecondPercent", "20"), ("Rule.ThirdPercent", "30"), ("Rule.Rounding", "HalfUp")) },
        new() { Key = "PAGE POST /Rankings/Manage?handler=Sign", Allowed = CityStaff, Http = (w, who) => Form(w, who, $"/Rankings/Manage/{w.ContestId}?handler=Sign",
            ("versionId", w.ResultVersionId.ToString()), ("contentHash", new string('0', 64))) },
        new() { Key = "PAGE POST /Rankings/Manage?handler=Notice", Allowed = CityStaff, Http = (w, who) => Form(w, who, $"/Rankings/Manage/{w.ContestId}?handler=Notice",
            ("versionId", w.ResultVersionId.ToString()), ("workingDays", "5")) },
        new() { Key = "PAGE POST /Rankings/Manage?handler=Answer", Allowed = CityStaff, Http = (w, who) => Form(w, who, $"/Rankings/Manage/{w.ContestId}?handler=Answer",
            ("objectionId", w.ObjectionId.ToString()), ("answer", "")) },
        new() { Key = "PAGE POST /Rankings/Manage?handler=Finalize", Allowed = CityStaff, Http = (w, who) => Form(w, who, $"/Rankings/Manage/{w.ContestId}?handler=Finalize",
            ("versionId", w.ResultVersionId.ToString())) },
        new() { Key = "PAGE GET /Rankings/Sign", Allowed = [Who.AssignedChief], Http = (w, _) => Get($"/Rankings/Sign/{w.ContestId}") },
        new() { Key = "PAGE POST /Rankings/Sign", Allowed = [Who.AssignedChief], Http = (w, who) => Form(w, who, $"/Rankings/Sign/{w.ContestId}",
            ("versionId", w.ResultVersionId.ToString()), ("contentHash", new string('0', 64))) },
        new() { Key = "PAGE GET /Results/Index", Allowed = Everyone, Sees = [], Http = (_, _) => Get("/Results") },
        new() { Key = "PAGE GET /Results/Contest", Allowed = Everyone, Sees = [], Http = (w, _) => Get($"/Results/{w.ContestId}") },
        new() { Key = "PAGE POST /Results/Contest", Allowed = Everyone, Sees = [], Http = (w, who) => Form(w, who, $"/Results/{w.ContestId}",
            ("Name", "矩阵路人"), ("Reason", "矩阵异议理由")) },
    ];

    public static IEnumerable<MatrixRow> Hubs =>
    [
        // The hub's endpoints admit anyone; each method decides (rows below).
        new() { Key = "ANY /hubs/scoreboard", Open = true, Http = (_, _) => Get("/hubs/scoreboard") },
        new() { Key = "ANY /hubs/scoreboard/negotiate", Open = true, Http = (_, _) => new(HttpMethod.Post, "/hubs/scoreboard/negotiate?negotiateVersion=1") },
        new() { Key = "HUB ScoreboardHub.JoinBoard", Variant = "public", Allowed = Everyone, Hub = (w, hub) => Join(w, hub, jury: false) },
        new() { Key = "HUB ScoreboardHub.JoinBoard", Variant = "jury", Allowed = Jury, Hub = (w, hub) => Join(w, hub, jury: true) },
        // The time only: the board's countdown runs by the server's clock.
        new() { Key = "HUB ScoreboardHub.ServerTime", Allowed = Everyone, Hub = (_, hub) => hub.InvokeAsync<JsonElement>("ServerTime") },
    ];

    private static Task<JsonElement> Join(MatrixWorld w, HubConnection hub, bool jury) => hub.InvokeAsync<JsonElement>("JoinBoard", w.ContestId, MatrixWorld.Group, jury);
}
