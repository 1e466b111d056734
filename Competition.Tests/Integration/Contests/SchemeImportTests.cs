using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Competition.Engine.Contests;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank.Sheets;
using Competition.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Competition.Tests.Integration.Contests;

/// <summary>POST /api/contests/{id}/rounds/{roundId}/tasks/import (issue 8): a scheme sheet replaces a practical round's tasks, all or nothing.</summary>
public class SchemeImportTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static readonly string[] Headers = [.. SchemeColumns.All];

    private static byte[] Sheet(params string[][] rows) => XlsxWriter.Write(SchemeTemplate.DataSheet, [Headers, .. rows]);

    private static readonly byte[] Good = Sheet(
        ["凹凸件锉配", "A1", "M1", "锐边倒钝", "符合/不符合", "10"],
        ["凹凸件锉配", "A1", "M2", "尺寸 20±0.05", "测量", "20", "20.00", "-0.05", "0.05"],
        ["钻孔", "B2", "J1", "安全文明生产", "评判", "15", "", "", "", "5"]);

    private static async Task<(Guid Contest, Guid Round)> ContestAsync(AppFactory app, HttpClient organizer, DateTime now)
    {
        var res = await organizer.PostAsJsonAsync("/api/contests", ContestAccessTests.ContestBody("评分细则导入" + Guid.NewGuid().ToString("N")[..6],
            ContestLevel.CityClass1, now), ContestScenario.Json);
        res.StatusCode.ShouldBe(HttpStatusCode.Created, await res.Content.ReadAsStringAsync());
        var id = (await res.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await using var db = app.Database.NewContext();
        return (id, (await db.Rounds.SingleAsync(r => r.ContestId == id)).Id);
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, Guid contest, Guid round, byte[] file)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(file), "file", "评分细则.xlsx" } };
        return await client.PostAsync($"/api/contests/{contest}/rounds/{round}/tasks/import", form);
    }

    private static async Task<List<(string Title, string Station, int Items, double Max)>> TasksAsync(AppFactory app, Guid round)
    {
        await using var db = app.Database.NewContext();
        return (await db.PracticalTasks.AsNoTracking().Where(t => t.RoundId == round).ToListAsync())
            .OrderBy(t => t.Station).Select(t => (t.Title, t.Station, t.Scheme.Count, t.MaxScore)).ToList();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AGoodSheet_ReplacesTheRoundsTasks_AndTheRoundsMaximumBecomesTheirSum(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var organizer = await app.OrganizerClientAsync("maanshan");
        var (contest, round) = await ContestAsync(app, organizer, DateTime.UtcNow.AddDays(3));

        var res = await ImportAsync(organizer, contest, round, Good);

        res.StatusCode.ShouldBe(HttpStatusCode.OK, await res.Content.ReadAsStringAsync());
        var body = await res.Content.ReadFromJsonAsync<JsonElement>();
        (body.GetProperty("tasks").GetInt32(), body.GetProperty("items").GetInt32(), body.GetProperty("maxScore").GetDouble()).ShouldBe((2, 3, 45));
        (await TasksAsync(app, round)).ShouldBe([("凹凸件锉配", "A1", 2, 30), ("钻孔", "B2", 1, 15)]);
        await using var db = app.Database.NewContext();
        (await db.Rounds.SingleAsync(r => r.Id == round)).MaxScore.ShouldBe(45);
        var measured = (await db.PracticalTasks.SingleAsync(t => t.RoundId == round && t.Station == "A1")).Scheme[1];
        (measured.Nominal, measured.Lower, measured.Upper).ShouldBe((20.00m, 0.05m, 0.05m));
        (await db.PracticalTasks.SingleAsync(t => t.RoundId == round && t.Station == "B2")).Scheme.Single().JudgeCount.ShouldBe(5);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ABadRow_Is400WithItsRowAndColumn_AndNothingChanges(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var organizer = await app.OrganizerClientAsync("maanshan");
        var (contest, round) = await ContestAsync(app, organizer, DateTime.UtcNow.AddDays(3));
        var before = await TasksAsync(app, round);

        var res = await ImportAsync(organizer, contest, round, Sheet(
            ["凹凸件锉配", "A1", "M1", "锐边倒钝", "符合/不符合", "10"],
            ["凹凸件锉配", "A1", "M2", "尺寸", "测量", "20", "20", "0.05", "-0.05"]));

        res.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        res.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await res.Content.ReadFromJsonAsync<JsonElement>();
        var first = problem.GetProperty("problems").EnumerateArray().Single();
        (first.GetProperty("row").GetInt32(), first.GetProperty("column").GetString()).ShouldBe((3, "下偏差"));
        problem.GetProperty("detail").GetString()!.ShouldContain("第 3 行，下偏差：");
        (await TasksAsync(app, round)).ShouldBe(before);
        before.ShouldBe([("锉配", "B1", 1, 50)]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AStartedContest_IsRefusedWithTheRule_AndAnotherCitysOrganizerIsRefused(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var organizer = await app.OrganizerClientAsync("maanshan");
        var (started, startedRound) = await ContestAsync(app, organizer, DateTime.UtcNow);
        var (future, futureRound) = await ContestAsync(app, organizer, DateTime.UtcNow.AddDays(3));

        var late = await ImportAsync(organizer, started, startedRound, Good);
        late.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await late.Content.ReadAsStringAsync()).ShouldContain("复制为新竞赛");

        var hefei = await app.OrganizerClientAsync("hefei");
        (await ImportAsync(hefei, future, futureRound, Good)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        (await TasksAsync(app, startedRound)).ShouldBe([("锉配", "B1", 1, 50)]);
        (await TasksAsync(app, futureRound)).ShouldBe([("锉配", "B1", 1, 50)]);
    }
}
