using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Competition.Engine.Accounts;
using Competition.Engine.Common;
using Competition.Engine.Contests;
using Competition.Engine.Judging;
using Competition.Engine.Organizations;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using Competition.Engine.Rankings;
using Competition.Tests.Infrastructure;
using Competition.Tests.Integration.Contests;
using Microsoft.EntityFrameworkCore;
using static Competition.Tests.Integration.Exams.ExamScenario;

namespace Competition.Tests.Integration.Access;

/// <summary>The ten kinds of caller every endpoint, page and hub method is tried with.</summary>
public enum Who
{
    Anonymous, OwnerWorker, OtherWorker, AssignedJudge, UnassignedJudge, AssignedChief, UnassignedChief, CityOrganizer, OtherOrganizer, Admin,
}

/// <summary>
/// One app (SQLite, real Kestrel) with one of everything the matrix needs, in 马鞍山: an exam with a worker's submitted attempt,
/// a contest with a practical task at station A1, an assigned judge and chief judge, a contestant linked to the worker, a drill
/// session; and a caller signed in for each <see cref="Who"/>. Data only 马鞍山's people may read carries the <see cref="Secrets"/>.
/// </summary>
public sealed partial class MatrixWorld : IAsyncLifetime
{
    public AppFactory App { get; private set; } = null!;
    public string Tag { get; } = Guid.NewGuid().ToString("N")[..6];
    public Dictionary<Who, Session> Sessions { get; } = [];
    private readonly Dictionary<Who, string> _formTokens = [];

    public Guid ExamId { get; private set; }
    public Guid AttemptId { get; private set; }
    public Guid ContestId { get; private set; }
    public Guid RoundId { get; private set; }
    public Guid TaskId { get; private set; }
    public Guid ContestantId { get; private set; }
    public Guid SessionId { get; private set; }
    public string DrillQuestionId { get; private set; } = "";
    /// <summary>A results draft (never public) naming the contestant, and an objection on it, for the results pages' rows.</summary>
    public Guid ResultVersionId { get; private set; }
    public Guid ObjectionId { get; private set; }
    public Guid UnitId { get; private set; }
    public Guid OwnerWorkerId { get; private set; }
    public string AssignedJudgeName { get; private set; } = "";
    public string SpareJudgeName { get; private set; } = "";
    /// <summary>The certificate of the contest's public result version (its award line names nobody private).</summary>
    public string CertificateCode { get; private set; } = "";
    public Guid PublicVersionId { get; private set; }
    public const string Group = "职工组";

    public string ExamTitle => $"矩阵考试{Tag}";
    public string ContestantName => $"矩阵选手{Tag}";
    public string OwnerName => $"矩阵职工{Tag}";

    /// <summary>Markers of 马鞍山's private data, and who may see each besides the rows that show it (the owner sees their own name everywhere).</summary>
    public IReadOnlyList<(string Marker, Who[] Exempt)> Secrets => [(ExamTitle, []), (ContestantName, []), (OwnerName, [Who.OwnerWorker])];

    public async Task InitializeAsync()
    {
        App = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        var staff = new Dictionary<Who, (string Role, string? City)>
        {
            [Who.AssignedJudge] = (Roles.Judge, "maanshan"), [Who.UnassignedJudge] = (Roles.Judge, "maanshan"),
            [Who.AssignedChief] = (Roles.ChiefJudge, "maanshan"), [Who.UnassignedChief] = (Roles.ChiefJudge, "maanshan"),
            [Who.CityOrganizer] = (Roles.Organizer, "maanshan"), [Who.OtherOrganizer] = (Roles.Organizer, "tongling"), [Who.Admin] = (Roles.Admin, null),
        };
        var names = new Dictionary<Who, string>();
        foreach (var (who, (role, city)) in staff) names[who] = await App.CreateStaffAsync(role, city);
        AssignedJudgeName = names[Who.AssignedJudge];
        SpareJudgeName = await App.CreateStaffAsync(Roles.Judge, "maanshan");
        UnitId = await App.SendAsync(new CreateUnit.Command("maanshan", $"矩阵单位{Tag}", UnitKind.Enterprise, Actor.System));
        var owner = await App.SendAsync(new RegisterWorker.Command(OwnerName, "133" + Random.Shared.Next(10_000_000, 99_999_999), null, UnitId, "test-pass-123",
            "lathe-operator", SkillLevel.Level4));
        OwnerWorkerId = owner.WorkerId;
        names[Who.OwnerWorker] = owner.UserName;
        names[Who.OtherWorker] = (await App.CreateWorkerAsync("maanshan")).UserName;

        Sessions[Who.Anonymous] = Session.Anonymous(App);
        foreach (var (who, name) in names) Sessions[who] = await Session.SignInAsync(App, name);
        foreach (var (who, session) in Sessions) _formTokens[who] = await FormTokenAsync(session);

        var organizer = Sessions[Who.CityOrganizer].Http;
        ExamId = await PublishedExamAsync(organizer, Standard, Settings(DateTime.UtcNow), ExamTitle);
        var worker = Sessions[Who.OwnerWorker].Http;
        AttemptId = await StartAsync(worker, ExamId);
        (await SaveAsync(worker, AttemptId, 0, "A", 1)).EnsureSuccessStatusCode();
        (await worker.PostAsync($"/api/attempts/{AttemptId}/submit", null)).EnsureSuccessStatusCode();
        SessionId = await Practice.PracticeKit.StartAsync(worker);
        DrillQuestionId = (await Practice.PracticeKit.NextAsync(worker, SessionId))!.Value.Id;
        // A 错题本 entry of the owner's, for the review page.
        await using (var db = App.Database.NewContext())
        {
            db.WrongBookEntries.Add(new Competition.Engine.Practice.WrongBookEntry(OwnerWorkerId, DrillQuestionId, "lathe-operator", DateTime.UtcNow, "A"));
            await db.SaveChangesAsync();
        }

        ContestId = await ContestAccessTests.CreateContestAsync(organizer, ContestLevel.CityClass1, title: $"矩阵竞赛{Tag}");
        await using (var db = App.Database.NewContext())
        {
            RoundId = (await db.Rounds.SingleAsync(r => r.ContestId == ContestId)).Id;
            TaskId = (await db.PracticalTasks.SingleAsync(t => t.RoundId == RoundId)).Id;
        }
        foreach (var judge in new[] { names[Who.AssignedJudge], names[Who.AssignedChief] })
            (await organizer.PostAsJsonAsync($"/api/contests/{ContestId}/judges", new { roundId = RoundId, station = "B1", judgeUserName = judge })).EnsureSuccessStatusCode();
        var registered = await organizer.PostAsJsonAsync($"/api/contests/{ContestId}/contestants",
            new { number = "A001", name = ContestantName, unitName = $"矩阵单位{Tag}", cityCode = "maanshan", group = Group, workerId = OwnerWorkerId });
        registered.EnsureSuccessStatusCode();
        ContestantId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await PublishResultsAsync();

        // Stored directly: the contest is not finalized, and a draft (a correction of the public version 1 below) must exist
        // for the results pages' handlers to be tried; its contestant name is a secret no public page may show.
        await using (var db = App.Database.NewContext())
        {
            var now = DateTime.UtcNow;
            var line = new ResultLine(1, false, "A001", ContestantName, $"矩阵单位{Tag}", "马鞍山", 80, 90, 170, EntryStatus.Finished, Award.First, "第 1 名");
            var content = new ResultsContent(ContestId, $"矩阵竞赛{Tag}", "lathe-operator", "市级一类", "maanshan", now,
                [new ResultGroup(Group, AwardRule.Default.Describe(), [], [line])]);
            var version = new ResultVersion(Guid.NewGuid(), ContestId, 2, content, AwardRule.Default, "matrix", now, "矩阵更正原因", PublicVersionId);
            var objection = new ResultObjection(Guid.NewGuid(), version.Id, "矩阵异议人", "13000000000", "矩阵异议理由", now);
            db.ResultVersions.Add(version);
            db.ResultObjections.Add(objection);
            await db.SaveChangesAsync();
            (ResultVersionId, ObjectionId) = (version.Id, objection.Id);
        }
    }

    /// <summary>A public (公示) result version of the contest with one award line, and its certificate, written as the engine's entities would be.</summary>
    private async Task PublishResultsAsync()
    {
        var now = DateTime.UtcNow;
        var content = new ResultsContent(ContestId, $"矩阵竞赛{Tag}", "lathe-operator", "四级", "maanshan", now,
            [new ResultGroup(Group, "一等奖 1 名", [], [new ResultLine(1, false, "A001", $"获奖者{Tag}", $"矩阵单位{Tag}", "maanshan", 50, 50, 100, EntryStatus.Finished, Award.First, "")])]);
        var version = new ResultVersion(Guid.NewGuid(), ContestId, 1, content, AwardRule.ByCount(1, 0, 0), "matrix", now, null, null);
        version.SignAsChiefJudge("裁判长", now);
        version.SignAsOrganizer("组织者", now);
        version.StartNotice(now, now.AddDays(7), 5);
        var certificate = Certificate.ForVersion(version, now).Single();
        CertificateCode = certificate.Code;
        await using var db = App.Database.NewContext();
        db.ResultVersions.Add(version);
        db.Certificates.Add(certificate);
        PublicVersionId = version.Id;
        await db.SaveChangesAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    /// <summary>An antiforgery token for the caller's identity (tokens are per user, not per page), from the sign-in form.</summary>
    private static async Task<string> FormTokenAsync(Session session)
    {
        var html = await session.Http.GetStringAsync("/Account/Login");
        return TokenField().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("no antiforgery token on /Account/Login");
    }

    public string FormToken(Who who) => _formTokens[who];

    public async Task DisposeAsync() => await App.DisposeAsync();
}
