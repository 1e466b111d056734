using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Competition.Engine.Accounts;
using Competition.Engine.Contests;
using Competition.Engine.Exams;
using Competition.Engine.Judging;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using Competition.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using static Competition.Tests.Integration.Exams.ExamScenario;

namespace Competition.Tests.Integration.Contests;

/// <summary>Contest rules scoped by city, level and assignment (issue 7): who may link exams, register whom, sign off and override.</summary>
public class ContestAccessTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static readonly IReadOnlyList<SchemeItem> Scheme = [new("M1", "符合图纸", ItemKind.MeetsOrNot, 50)];

    public static object ContestBody(string title, ContestLevel level, DateTime now, Guid? examId = null) => new
    {
        title, tradeCode = "fitter", level, groups = new[] { "职工组" }, startsAt = now.AddMinutes(-5), freezeAt = (DateTime?)null, endsAt = now.AddHours(2),
        tieBreaks = Array.Empty<TieBreak>(),
        rounds = examId is { } exam
            ? new[]
            {
                new CreateContest.RoundSpec(RoundKind.Theory, "理论", 30, now.AddMinutes(-5), now.AddHours(1), exam, Integration.Exams.ExamScenario.Standard.MaxScore, []),
                new CreateContest.RoundSpec(RoundKind.Practical, "实操", 70, now.AddMinutes(-5), now.AddHours(2), null, 50, [new("锉配", "B1", Scheme)]),
            }
            : [new CreateContest.RoundSpec(RoundKind.Practical, "实操", 100, now.AddMinutes(-5), now.AddHours(2), null, 50, [new("锉配", "B1", Scheme)])],
    };

    public static async Task<Guid> CreateContestAsync(HttpClient organizer, ContestLevel level, Guid? examId = null, string? title = null)
    {
        var res = await organizer.PostAsJsonAsync("/api/contests", ContestBody(title ?? "钳工竞赛" + Guid.NewGuid().ToString("N")[..6], level, DateTime.UtcNow, examId), ContestScenario.Json);
        res.StatusCode.ShouldBe(HttpStatusCode.Created, await res.Content.ReadAsStringAsync());
        return (await res.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static Task<HttpResponseMessage> RegisterAsync(HttpClient organizer, Guid contestId, string city, Guid? workerId = null) =>
        organizer.PostAsJsonAsync($"/api/contests/{contestId}/contestants", new
        {
            number = "N" + Guid.NewGuid().ToString("N")[..6], name = "选手", unitName = "某单位", cityCode = city, group = "职工组", workerId,
        });

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ATheoryRound_MayOnlyUseAnExamOfTheOrganizersCity_SoAnotherCitysAttemptsStayOpen(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var tongling = await app.OrganizerClientAsync("tongling");
        var now = DateTime.UtcNow;
        var theirExam = await PublishedExamAsync(tongling, Standard, Settings(now), "铜陵车工理论");
        var (sitter, _) = await app.CreateWorkerAsync("tongling");
        var attempt = await StartAsync(await app.SignedInClientAsync(sitter), theirExam);

        var maanshan = await app.OrganizerClientAsync("maanshan");
        var title = "借用他市考试的竞赛" + Guid.NewGuid().ToString("N")[..6];
        var refused = await maanshan.PostAsJsonAsync("/api/contests", ContestBody(title, ContestLevel.CityClass1, now, theirExam), ContestScenario.Json);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("只能使用本市组织的考试");
        var unknown = await maanshan.PostAsJsonAsync("/api/contests", ContestBody(title, ContestLevel.CityClass1, now, Guid.NewGuid()), ContestScenario.Json);
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        await using (var db = app.Database.NewContext())
        {
            (await db.Contests.CountAsync(c => c.Title == title)).ShouldBe(0);
            (await db.Attempts.SingleAsync(a => a.Id == attempt)).State.ShouldBe(AttemptState.InProgress);
        }
        var ownExam = await PublishedExamAsync(maanshan, Standard, Settings(now), "马鞍山车工理论");
        await CreateContestAsync(maanshan, ContestLevel.CityClass1, ownExam);
        var twice = await maanshan.PostAsJsonAsync("/api/contests", ContestBody(title, ContestLevel.CityClass1, now, ownExam), ContestScenario.Json);
        twice.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await twice.Content.ReadAsStringAsync()).ShouldContain("已是另一场竞赛的理论考试");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ACityContest_TakesOnlyItsCitysPeople_AProvincialContestItsProvince_AndADeltaContestAnyCity(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var organizer = await app.OrganizerClientAsync("maanshan");
        var (_, ownWorker) = await app.CreateWorkerAsync("maanshan");
        var (_, hefeiWorker) = await app.CreateWorkerAsync("hefei");
        var city = await CreateContestAsync(organizer, ContestLevel.CityClass1);

        var foreign = await RegisterAsync(organizer, city, "hefei", hefeiWorker);
        foreign.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await foreign.Content.ReadAsStringAsync()).ShouldContain("只能登记马鞍山的选手");
        (await RegisterAsync(organizer, city, "tongling")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var disguised = await RegisterAsync(organizer, city, "maanshan", hefeiWorker);
        disguised.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await disguised.Content.ReadAsStringAsync()).ShouldContain("属于 hefei");
        (await RegisterAsync(organizer, city, "maanshan", Guid.NewGuid())).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await RegisterAsync(organizer, city, "maanshan", ownWorker)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var sheet = Engine.QuestionBank.Sheets.XlsxWriter.Write("选手", [["参赛号", "姓名", "单位", "城市", "组别"], ["X001", "赵六", "铜陵有色", "铜陵", "职工组"]]);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(sheet), "file", "选手.xlsx" } };
        var import = await organizer.PostAsync($"/api/contests/{city}/contestants/import", form);
        import.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await import.Content.ReadAsStringAsync()).ShouldContain("第 2 行，城市：");

        var provincial = await CreateContestAsync(organizer, ContestLevel.Provincial);
        (await RegisterAsync(organizer, provincial, "hefei", hefeiWorker)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var shanghai = await RegisterAsync(organizer, provincial, "songjiang");
        shanghai.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await shanghai.Content.ReadAsStringAsync()).ShouldContain("安徽");
        var delta = await CreateContestAsync(organizer, ContestLevel.YangtzeDelta);
        (await RegisterAsync(organizer, delta, "songjiang")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Another city's organizer cannot register anyone into this contest at all.
        var other = await app.OrganizerClientAsync("hefei");
        (await RegisterAsync(other, delta, "hefei", hefeiWorker)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await using var db = app.Database.NewContext();
        (await db.Contestants.CountAsync(c => c.ContestId == city)).ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ChiefJudges_SignOffAndOverrideOnlyInTheirContests_InTheNameOfAJudgeOfThatStation(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var s = await ContestScenario.CreateAsync(app, DateTime.UtcNow);
        var elsewhere = await ContestScenario.CreateAsync(app, DateTime.UtcNow);
        await s.MarkFullyAsync("A001", met: true, measured: 20.00, 2, 2, 2);
        var signOff = new { contestantId = s.Contestants["A001"], taskId = s.TaskId };
        object Override(string judge) => new { contestantId = s.Contestants["A001"], taskId = s.TaskId, itemCode = "J1", judgeUserName = judge, value = 3, reason = "录像复核后更正" };

        foreach (var stranger in new[] { await app.CreateStaffAsync(Roles.ChiefJudge, "maanshan"), elsewhere.Chief })
        {
            var chief = await app.SignedInClientAsync(stranger);
            var refused = await chief.PostAsJsonAsync("/api/marks/signoff", signOff);
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await refused.Content.ReadAsStringAsync()).ShouldContain("不是本竞赛的裁判长");
            (await chief.PostAsJsonAsync("/api/marks/override", Override(s.Judges[1]))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        var own = await app.SignedInClientAsync(s.Chief);
        (await own.PostAsJsonAsync("/api/marks/signoff", signOff)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var otherStation = await app.CreateStaffAsync(Roles.Judge, "maanshan");
        await using (var db = app.Database.NewContext())
        {
            var round = await db.Rounds.SingleAsync(r => r.ContestId == s.ContestId);
            (await s.Organizer.PostAsJsonAsync($"/api/contests/{s.ContestId}/judges", new { roundId = round.Id, station = "B9", judgeUserName = otherStation })).EnsureSuccessStatusCode();
        }
        var admin = await app.CreateStaffAsync(Roles.Admin);
        foreach (var notOfTheStation in new[] { (await app.CreateWorkerAsync()).UserName, admin, await app.CreateStaffAsync(Roles.Judge, "maanshan"), otherStation, "nobody-" + Guid.NewGuid().ToString("N")[..6] })
        {
            var res = await own.PostAsJsonAsync("/api/marks/override", Override(notOfTheStation));
            res.StatusCode.ShouldBe(HttpStatusCode.BadRequest, notOfTheStation);
            (await res.Content.ReadAsStringAsync()).ShouldContain("不是分配到工位 A1");
        }
        (await own.PostAsJsonAsync("/api/marks/override", Override(s.Judges[1]))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using (var db = app.Database.NewContext())
            (await db.MarkAudits.CountAsync(a => a.ContestantId == s.Contestants["A001"] && a.Reason != null)).ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OnlyTheContestsOwnPeople_ReadItsAuditControlPageSheetAndJuryBoard_OverHttpAndTheHub(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var s = await ContestScenario.CreateAsync(app, DateTime.UtcNow);
        var group = Uri.EscapeDataString(ContestScenario.Group);
        var jury = $"/api/contests/{s.ContestId}/board?group={group}&jury=true";
        var otherCity = await Session.SignInAsync(app, await app.CreateStaffAsync(Roles.Organizer, "tongling"));
        var unassignedJudge = await Session.SignInAsync(app, await app.CreateStaffAsync(Roles.Judge, "maanshan"));
        var assignedJudge = await Session.SignInAsync(app, s.Judges[0]);
        var anonymous = Session.Anonymous(app);

        foreach (var path in new[] { $"/api/contests/{s.ContestId}/audit.csv", $"/Contests/Control/{s.ContestId}", $"/Contests/Manage/{s.ContestId}", jury })
            (await otherCity.Http.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, path);
        (await unassignedJudge.Http.GetAsync(jury)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await unassignedJudge.Http.GetAsync($"/api/contests/{s.ContestId}/sheet")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await anonymous.Http.GetAsync(jury)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await anonymous.Http.GetAsync($"/api/contests/{Guid.NewGuid()}/board?group={group}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await assignedJudge.Http.GetAsync(jury)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await s.Organizer.GetAsync(jury)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await s.Organizer.GetAsync($"/api/contests/{s.ContestId}/audit.csv")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await s.Organizer.GetAsync($"/Contests/Control/{s.ContestId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var otherManage = await otherCity.Http.GetStringAsync("/Contests/Manage");
        otherManage.ShouldNotContain(s.ContestId.ToString());

        foreach (var refused in new[] { otherCity, unassignedJudge, anonymous })
        {
            await using var hub = await refused.HubAsync();
            var ex = await Should.ThrowAsync<Microsoft.AspNetCore.SignalR.HubException>(() => hub.InvokeAsync<JsonElement>("JoinBoard", s.ContestId, ContestScenario.Group, true));
            ex.Message.ShouldContain("评审榜仅对");
            (await hub.InvokeAsync<JsonElement>("JoinBoard", s.ContestId, ContestScenario.Group, false)).GetProperty("jury").GetBoolean().ShouldBeFalse();
        }
        foreach (var allowed in new[] { assignedJudge, await Session.SignInAsync(app, s.Chief) })
        {
            await using var hub = await allowed.HubAsync();
            (await hub.InvokeAsync<JsonElement>("JoinBoard", s.ContestId, ContestScenario.Group, true)).GetProperty("rows").GetArrayLength().ShouldBe(3);
        }
    }
}
