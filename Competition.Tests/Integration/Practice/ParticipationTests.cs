using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Competition.Engine.Accounts;
using Competition.Engine.Common;
using Competition.Engine.Exams;
using Competition.Engine.Organizations;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using Competition.Tests.Infrastructure;
using static Competition.Tests.Integration.Practice.PracticeKit;

namespace Competition.Tests.Integration.Practice;

public class ParticipationTests(ClockedApps apps) : IClassFixture<ClockedApps>
{
    private static async Task<Guid> UnitAsync(AppFactory app, string city, string name) =>
        await app.SendAsync(new CreateUnit.Command(city, name, UnitKind.Enterprise, Actor.System));

    private static async Task DrillAsync(AppFactory app, string user, int sessions)
    {
        var client = await app.SignedInClientAsync(user);
        for (var i = 0; i < sessions; i++) await StartAsync(client);
    }

    /// <summary>An exam attempt written straight to the database: exams have no use cases on this branch.</summary>
    private static async Task AttemptAsync(AppFactory app, Guid workerId, DateTime nowUtc)
    {
        await using var db = app.Database.NewContext();
        var blueprint = new Blueprint([new BlueprintSection("单选题", [new BlueprintCell("fitter", [SkillLevel.Level4], QuestionType.Single, 1, 1, 2, [])])]);
        var exam = new Exam(Guid.NewGuid(), "钳工理论考试", "xuancheng", blueprint, new ExamSettings(60, nowUtc.AddHours(-1), nowUtc.AddDays(1), 1, 0,
            OverdueHandling.AutoSubmit, 0, false, false, ReviewOptions.None, MultipleChoiceScoring.AllOrNothing), "test", nowUtc);
        var paper = new Paper(Guid.NewGuid(), exam.Id, workerId, 1, 7, [], nowUtc);
        db.AddRange(exam, paper, new Attempt(Guid.NewGuid(), exam, workerId, paper, 1, nowUtc));
        await db.SaveChangesAsync();
    }

    private static JsonElement Row(JsonElement result, string table, string key) =>
        result.GetProperty(table).EnumerateArray().Single(r => r.GetProperty("key").GetString() == key);

    private static (int People, int Sittings) Counts(JsonElement row) => (row.GetProperty("people").GetInt32(), row.GetProperty("sittings").GetInt32());

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PeopleAndSittings_AreCountedByDayUnitCityAndTrade_AndOnlyForTheOrganizersCity(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var steel = await UnitAsync(app, "xuancheng", "宣城钢铁" + suffix);
        var paper = await UnitAsync(app, "xuancheng", "宣城纸业" + suffix);
        var (w1, w1Id) = await WorkerInUnitAsync(app, steel);
        var (w2, _) = await WorkerInUnitAsync(app, steel);
        var (w3, _) = await WorkerInUnitAsync(app, paper);
        var (w4, _) = await WorkerInUnitAsync(app, await UnitAsync(app, "jinhua", "金华五金" + suffix));

        var day1 = apps.NextChinaDayAt(23); // 23:00 China time: sittings now belong to day1 although UTC says otherwise tomorrow
        await DrillAsync(app, w1, 2);
        await DrillAsync(app, w2, 1);
        apps.Clock.Advance(TimeSpan.FromHours(1.5)); // 00:30 on day2
        await DrillAsync(app, w3, 1);
        await DrillAsync(app, w4, 1);
        await AttemptAsync(app, w1Id, apps.Clock.GetUtcNow().UtcDateTime);
        var day2 = day1.AddDays(1);
        var range = $"from={day1:yyyy-MM-dd}&to={day2:yyyy-MM-dd}";

        var xuancheng = await app.OrganizerClientAsync("xuancheng");
        var r = await xuancheng.GetFromJsonAsync<JsonElement>($"/api/practice/participation?{range}");
        (r.GetProperty("people").GetInt32(), r.GetProperty("sittings").GetInt32()).ShouldBe((3, 5));
        var steelRow = Row(r, "units", steel.ToString());
        (Counts(steelRow), steelRow.GetProperty("points").GetInt32(), steelRow.GetProperty("rank").GetInt32()).ShouldBe(((2, 4), 14, 1));
        var paperRow = Row(r, "units", paper.ToString());
        (Counts(paperRow), paperRow.GetProperty("points").GetInt32(), paperRow.GetProperty("rank").GetInt32()).ShouldBe(((1, 1), 6, 2));
        r.GetProperty("cities").EnumerateArray().Select(c => c.GetProperty("key").GetString()).ShouldBe(["xuancheng"]);
        Counts(Row(r, "cities", "xuancheng")).ShouldBe((3, 5));
        Counts(Row(r, "byDay", $"{day1:yyyy-MM-dd}")).ShouldBe((2, 3));
        Counts(Row(r, "byDay", $"{day2:yyyy-MM-dd}")).ShouldBe((2, 2));
        Counts(Row(r, "byTrade", "lathe-operator")).ShouldBe((3, 4));
        Counts(Row(r, "byTrade", "fitter")).ShouldBe((1, 1));

        var jinhua = await app.OrganizerClientAsync("jinhua");
        var denied = await jinhua.GetAsync($"/api/practice/participation?{range}&city=xuancheng");
        denied.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await denied.Content.ReadAsStringAsync()).ShouldContain("只能查看本市（jinhua）");
        var own = await jinhua.GetFromJsonAsync<JsonElement>($"/api/practice/participation?{range}");
        own.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("key").GetGuid()).ShouldNotContain(steel);
        (own.GetProperty("people").GetInt32(), own.GetProperty("cities").GetArrayLength()).ShouldBe((1, 1));

        var admin = await app.SignedInClientAsync(await app.CreateStaffAsync(Roles.Admin));
        var all = await admin.GetFromJsonAsync<JsonElement>($"/api/practice/participation?{range}");
        all.GetProperty("cities").EnumerateArray().Select(c => c.GetProperty("key").GetString()).ShouldBe(["xuancheng", "jinhua"]);

        var worker = await app.SignedInClientAsync(w1);
        (await worker.GetAsync($"/api/practice/participation?{range}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var page = WebUtility.HtmlDecode(await (await xuancheng.GetAsync($"/Organizations/Participation?From={day1:yyyy-MM-dd}&To={day2:yyyy-MM-dd}")).Content.ReadAsStringAsync());
        page.ShouldContain("宣城钢铁" + suffix);
        page.ShouldContain("共 <strong>3</strong> 人、<strong>5</strong> 人次");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnUpsideDownRange_IsRefused(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var res = await (await app.OrganizerClientAsync("xuancheng")).GetAsync("/api/practice/participation?from=2026-05-02&to=2026-05-01");
        res.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await res.Content.ReadAsStringAsync()).ShouldContain("结束日期不能早于开始日期");
    }
}
