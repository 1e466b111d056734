using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Competition.Engine.Accounts;
using Competition.Engine.Exams;
using Competition.Engine.Persistence;
using Competition.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using static Competition.Tests.Integration.Exams.ExamScenario;

namespace Competition.Tests.Integration.Exams;

/// <summary>Issue 8: an organizer edits a draft, copies, unpublishes before opening, previews, exports scores and chooses the audience.</summary>
public class ExamDraftTests(SharedApps apps) : IClassFixture<SharedApps>
{
    internal static async Task<Guid> DraftAsync(HttpClient organizer, ExamSettings settings, string title, object? audience = null)
    {
        var res = await organizer.PostAsJsonAsync("/api/exams", new { title, blueprint = Standard, settings, audience }, Json);
        if (!res.IsSuccessStatusCode) throw new Xunit.Sdk.XunitException($"{res.StatusCode}: {await res.Content.ReadAsStringAsync()}");
        return (await res.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static Task<HttpResponseMessage> EditAsync(HttpClient organizer, Guid id, string title, ExamSettings settings, object? audience = null) =>
        organizer.PutAsJsonAsync($"/api/exams/{id}", new { title, blueprint = Standard, settings, audience }, Json);

    private static async Task<JsonElement> DraftViewAsync(HttpClient organizer, Guid id) => await organizer.GetFromJsonAsync<JsonElement>($"/api/exams/{id}");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ADraft_IsEditedUntilPublished_UnpublishedBeforeItOpens_AndRefusedAfterwardsWithTheReason(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var organizer = await app.OrganizerClientAsync("maanshan");
        var tomorrow = Settings(DateTime.UtcNow.AddDays(1));
        var id = await DraftAsync(organizer, tomorrow, "草稿考试");

        (await EditAsync(organizer, id, "草稿考试（改）", tomorrow with { PassMark = 8 })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var view = await DraftViewAsync(organizer, id);
        view.GetProperty("title").GetString().ShouldBe("草稿考试（改）");
        view.GetProperty("settings").GetProperty("passMark").GetDouble().ShouldBe(8);

        (await organizer.PostAsync($"/api/exams/{id}/publish", null)).EnsureSuccessStatusCode();
        var refused = await EditAsync(organizer, id, "发布后再改", tomorrow);
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("撤回发布");

        // Before it opens it can be taken back, edited and published again.
        (await organizer.PostAsync($"/api/exams/{id}/unpublish", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await DraftViewAsync(organizer, id)).GetProperty("status").GetString().ShouldBe("Draft");
        (await EditAsync(organizer, id, "撤回后修改", tomorrow)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        // Once open, unpublishing is refused, saying when it opened.
        var open = await PublishedExamAsync(organizer, Standard, Settings(DateTime.UtcNow), "已开考的考试");
        var late = await organizer.PostAsync($"/api/exams/{open}/unpublish", null);
        late.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await late.Content.ReadAsStringAsync()).ShouldContain("开考");
        (await DraftViewAsync(organizer, open)).GetProperty("status").GetString().ShouldBe("Published");

        // Another city's organizer can do none of it.
        var other = await app.OrganizerClientAsync("tongling");
        (await EditAsync(other, id, "别市", tomorrow)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await other.PostAsync($"/api/exams/{id}/copy", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CopyingAnExam_MakesANewDraftWithItsBlueprintSettingsAndAudience_AndLeavesTheOriginal(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var organizer = await app.OrganizerClientAsync("maanshan");
        var original = await PublishedExamAsync(organizer, Standard, Settings(DateTime.UtcNow), "复制源考试");
        var res = await organizer.PostAsync($"/api/exams/{original}/copy", null);
        res.StatusCode.ShouldBe(HttpStatusCode.Created);
        var copy = (await res.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        copy.ShouldNotBe(original);

        var c = await DraftViewAsync(organizer, copy);
        c.GetProperty("status").GetString().ShouldBe("Draft");
        c.GetProperty("title").GetString().ShouldBe("复制源考试（副本）");
        c.GetProperty("editRefusal").ValueKind.ShouldBe(JsonValueKind.Null);
        await using var db = app.Database.NewContext();
        var (a, b) = (await db.Exams.SingleAsync(e => e.Id == original), await db.Exams.SingleAsync(e => e.Id == copy));
        b.BlueprintJson.ShouldBe(a.BlueprintJson);
        b.MaxScore.ShouldBe(a.MaxScore);
        b.PassMark.ShouldBe(a.PassMark);
        a.Status.ShouldBe(ExamStatus.Published);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheAudience_NarrowsWhoListsAndStartsAnExam_ByCityAndByTrade(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var admin = await app.SignedInClientAsync(await app.CreateStaffAsync(Roles.Admin));
        var forMaanshan = await DraftAsync(admin, Settings(DateTime.UtcNow), "只对马鞍山", new { cities = new[] { "maanshan" }, units = Array.Empty<Guid>(), trades = Array.Empty<string>() });
        (await admin.PostAsync($"/api/exams/{forMaanshan}/publish", null)).EnsureSuccessStatusCode();

        var hefei = await app.SignedInClientAsync((await app.CreateWorkerAsync("tongling")).UserName);
        var maanshan = await app.SignedInClientAsync((await app.CreateWorkerAsync("maanshan")).UserName);
        async Task<List<Guid>> LobbyAsync(HttpClient c) =>
            (await c.GetFromJsonAsync<JsonElement>("/api/exams")).EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).ToList();
        (await LobbyAsync(hefei)).ShouldNotContain(forMaanshan);
        var refused = await hefei.PostAsync($"/api/exams/{forMaanshan}/attempts", null);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("只对 maanshan 的职工开放");
        (await LobbyAsync(maanshan)).ShouldContain(forMaanshan);
        await StartAsync(maanshan, forMaanshan);

        // A city organizer narrows by trade; choosing another city is refused (their exam is their city's already).
        var organizer = await app.OrganizerClientAsync("maanshan");
        var fitters = await DraftAsync(organizer, Settings(DateTime.UtcNow), "只对钳工", new { cities = Array.Empty<string>(), units = Array.Empty<Guid>(), trades = new[] { "fitter" } });
        (await organizer.PostAsync($"/api/exams/{fitters}/publish", null)).EnsureSuccessStatusCode();
        var lathe = await app.SignedInClientAsync((await app.CreateWorkerAsync("maanshan", "lathe-operator")).UserName);
        var fitter = await app.SignedInClientAsync((await app.CreateWorkerAsync("maanshan", "fitter")).UserName);
        var wrongTrade = await lathe.PostAsync($"/api/exams/{fitters}/attempts", null);
        wrongTrade.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await wrongTrade.Content.ReadAsStringAsync()).ShouldContain("工种");
        (await LobbyAsync(fitter)).ShouldContain(fitters);
        await StartAsync(fitter, fitters);

        var cityChoice = await organizer.PostAsJsonAsync("/api/exams", new { title = "越权选城市", blueprint = Standard, settings = Settings(DateTime.UtcNow),
            audience = new { cities = new[] { "tongling" }, units = Array.Empty<Guid>(), trades = Array.Empty<string>() } }, Json);
        cityChoice.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await cityChoice.Content.ReadAsStringAsync()).ShouldContain("不能再选城市");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task APreview_DrawsAWholePaperAsTheBlueprintSays_AndSavesNoPaperOrAttempt(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var organizer = await app.OrganizerClientAsync("maanshan");
        var id = await DraftAsync(organizer, Settings(DateTime.UtcNow.AddDays(1)), "预览考试");
        await using var db = app.Database.NewContext();
        var (papers, attempts) = (await db.Papers.CountAsync(p => p.ExamId == id), await db.Attempts.CountAsync(a => a.ExamId == id));

        var one = await organizer.GetFromJsonAsync<JsonElement>($"/api/exams/{id}/preview?seed=1");
        var items = one.GetProperty("items").EnumerateArray().ToList();
        items.Count.ShouldBe(Standard.QuestionCount);
        items.Sum(i => i.GetProperty("points").GetDouble()).ShouldBe(Standard.MaxScore);
        items.ShouldAllBe(i => i.GetProperty("stemHtml").GetString()!.Length > 0);
        var again = await organizer.GetFromJsonAsync<JsonElement>($"/api/exams/{id}/preview?seed=1");
        Ids(again).ShouldBe(Ids(one));
        var other = await organizer.GetFromJsonAsync<JsonElement>($"/api/exams/{id}/preview?seed=2");
        Ids(other).ShouldNotBe(Ids(one));

        (await db.Papers.CountAsync(p => p.ExamId == id)).ShouldBe(papers);
        (await db.Attempts.CountAsync(a => a.ExamId == id)).ShouldBe(attempts);
        static List<string> Ids(JsonElement r) => r.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("questionId").GetString()!).ToList();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ScoresExport_IsAWorkbookWithOneRowPerAttempt_TheScoreAndThePassMark(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var organizer = await app.OrganizerClientAsync("maanshan");
        var id = await PublishedExamAsync(organizer, Standard, Settings(DateTime.UtcNow), "导出成绩考试");
        var worker = await app.SignedInClientAsync((await app.CreateWorkerAsync("maanshan")).UserName);
        var attempt = await StartAsync(worker, id);
        (await worker.PostAsync($"/api/attempts/{attempt}/submit", null)).EnsureSuccessStatusCode();

        var res = await organizer.GetAsync($"/api/exams/{id}/scores.xlsx");
        res.StatusCode.ShouldBe(HttpStatusCode.OK);
        res.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var rows = ReadSheet(await res.Content.ReadAsByteArrayAsync());
        rows.Count.ShouldBe(2);
        rows[0].ShouldBe(ExportScores.Headers);
        rows[1][6].ShouldBe("已交卷");
        rows[1][9].ShouldBe("0");
        rows[1][11].ShouldBe("6");
        rows[1][12].ShouldBe("否");
        (await (await app.OrganizerClientAsync("tongling")).GetAsync($"/api/exams/{id}/scores.xlsx")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    internal static List<List<string>> ReadSheet(byte[] xlsx, string? sheetName = null)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var wb = doc.WorkbookPart!;
        var sheet = sheetName is null ? wb.Workbook.Sheets!.Elements<Sheet>().First() : wb.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        var part = (WorksheetPart)wb.GetPartById(sheet.Id!);
        return part.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToList()).ToList();
    }
}
