using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using Competition.Engine.QuestionBank.Sheets;
using Competition.Tests.Infrastructure;
using Competition.Tests.Integration.Common;
using Competition.Tests.Unit.QuestionBank;
using Microsoft.EntityFrameworkCore;

namespace Competition.Tests.Integration.QuestionBank;

/// <summary>The bank import against hostile sheets: bounded reading, capped reports, the text rule, exports that never fail.</summary>
public class HostileImportTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static readonly string[] Header = BankTemplate.Headers.ToArray();

    private static string NewId() => "lathe-operator-h" + Guid.NewGuid().ToString("N")[..10];

    private static string[] Row(string id, string stem = "主轴转速的单位是（　）。", string a = "m/min", string b = "r/min", string c = "mm/r",
        string level = "四级", string explanation = "主轴转速单位为 r/min。", string points = "切削用量") =>
        [id, "lathe-operator", level, "单选", "2", points, stem + id, a, b, c, "", "", "", "", "", "B", explanation];

    private static async Task<HttpResponseMessage> Upload(HttpClient client, byte[] content, string fileName)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", fileName }, { new StringContent("lathe-operator"), "trade" } };
        return await client.PostAsync("/api/banks/import", form);
    }

    private static async Task<JsonElement> Refused(HttpResponseMessage res)
    {
        var body = await res.Content.ReadAsStringAsync();
        res.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        return JsonDocument.Parse(body).RootElement;
    }

    private static async Task<int> QuestionsAsync(AppFactory app)
    {
        await using var db = app.Database.NewContext();
        return await db.Questions.CountAsync();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MillionRowSheet_IsRefusedQuicklyWithTheLimitAndASmallReport_OnApiAndPage(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var client = await app.OrganizerClientAsync();
        var before = await QuestionsAsync(app);
        var file = HostileSheets.ManyRows(Header, [NewId()], 1_000_000);

        var clock = Stopwatch.StartNew();
        var res = await Upload(client, file, "million.xlsx");
        clock.Stop();
        var body = await res.Content.ReadAsStringAsync();
        var json = await Refused(res);
        json.GetProperty("detail").GetString()!.ShouldContain("超过 50,000 行上限");
        json.GetProperty("problemCount").GetInt32().ShouldBe(1);
        body.Length.ShouldBeLessThan(4096);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20));   // was 25 s and 2 GB on an idle machine; now well under a second

        var page = await PageForms.UploadAsync(client, "/QuestionBank/Import", "upload", "million.xlsx", file, [("trade", "lathe-operator")]);
        var text = await PageForms.TextAsync(page);
        text.ShouldContain("超过 50,000 行上限");
        (await page.Content.ReadAsStringAsync()).Length.ShouldBeLessThan(64 * 1024);
        (await QuestionsAsync(app)).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ThreeHundredBadRows_ListTheFirstHundredAndCountTheRest_OnApiAndPage(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var client = await app.OrganizerClientAsync();
        var before = await QuestionsAsync(app);
        var file = XlsxWriter.Write("题库", [Header, .. Enumerable.Range(0, 300).Select(_ => Row(NewId(), level: "特级"))]);

        var json = await Refused(await Upload(client, file, "bad.xlsx"));
        json.GetProperty("problems").GetArrayLength().ShouldBe(ImportProblems.Listed);
        json.GetProperty("problemCount").GetInt32().ShouldBe(300);
        json.GetProperty("unlisted").GetInt32().ShouldBe(200);
        json.GetProperty("detail").GetString()!.ShouldContain("另有 200 处问题未列出");

        var page = await PageForms.UploadAsync(client, "/QuestionBank/Import", "upload", "bad.xlsx", file, [("trade", "lathe-operator")]);
        var text = await PageForms.TextAsync(page);
        text.ShouldContain("共 300 处问题");
        text.ShouldContain("另有 200 处问题未列出");
        text.Split("未知等级").Length.ShouldBe(ImportProblems.Listed + 1);
        (await QuestionsAsync(app)).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ControlCharacterInAStem_IsRefusedAtItsRowAndColumn(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var client = await app.OrganizerClientAsync();
        var id = NewId();
        // Excel saves a pasted control character as _x0001_; the reader decodes it and the text rule names it.
        var json = await Refused(await Upload(client, HostileSheets.Rows([Header, Row(NewId()), Row(id, stem: "主轴\u0001转速")]), "ctl.xlsx"));
        json.GetProperty("detail").GetString()!.ShouldContain("第 3 行，题干(stem)：题干含有不允许的控制字符 U+0001（第 3 个字符）");

        // The same in a CSV, where the writer cannot object to it.
        var csv = Encoding.UTF8.GetBytes(Csv.Write([Header, Row(id, explanation: "解析\u001b[31m")]));
        (await Refused(await Upload(client, csv, "ctl.csv"))).GetProperty("detail").GetString()!.ShouldContain("解析(explanation)：解析含有不允许的控制字符 U+001B");
        (await app.SendAsync(new SearchQuestions.Query(Competition.Engine.Common.Actor.System, Text: id))).Total.ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ZeroWidthVariantsOfAnOption_AreTheSameOption_AndStoredTextIsClean(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var client = await app.OrganizerClientAsync();
        var dup = await Refused(await Upload(client, XlsxWriter.Write("题库", [Header, Row(NewId(), a: "钢", b: "钢\u200b", c: "铁")]), "zw.xlsx"));
        dup.GetProperty("detail").GetString()!.ShouldContain("选项内容重复：选项 A、B 相同");

        var id = NewId();
        var ok = await Upload(client, XlsxWriter.Write("题库", [Header, Row(id, stem: "\ufeff主轴\u200b转速\u00a0的单位", a: "Cafe\u0301", points: "切削用量；切削用量；机床\u200d")]), "zw-ok.xlsx");
        ok.StatusCode.ShouldBe(HttpStatusCode.OK, await ok.Content.ReadAsStringAsync());
        var q = await app.SendAsync(new GetQuestion.Query(id, Competition.Engine.Common.Actor.System));
        q.Content.Stem.ShouldBe("主轴转速 的单位" + id);
        q.Content.Options[0].Text.ShouldBe("Café");
        q.Content.KnowledgePoints.ShouldBe(["切削用量", "机床"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OverlongFields_AreRefusedWithTheirLimit(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var client = await app.OrganizerClientAsync();
        var json = await Refused(await Upload(client, XlsxWriter.Write("题库", [Header,
            Row(NewId(), stem: new string('长', 4001)),
            Row(NewId(), a: new string('项', 501)),
            Row(NewId(), points: string.Join("；", Enumerable.Range(0, 11).Select(i => "点" + i))),
            Row(NewId(), points: "a|b")]), "long.xlsx"));
        var detail = json.GetProperty("detail").GetString()!;
        detail.ShouldContain("第 2 行，题干(stem)：题干不能超过 4000 个字");
        detail.ShouldContain("第 3 行，选项A(optionA)：选项A不能超过 500 个字");
        detail.ShouldContain("第 4 行，知识点(knowledgePoints)：知识点最多 10 个");
        detail.ShouldContain("第 5 行，知识点(knowledgePoints)：知识点 'a|b' 不能包含竖线 |");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task BadDataAlreadyInTheDatabase_NeverBreaksTheExport(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var client = await app.OrganizerClientAsync();
        var trade = "hostile-" + Guid.NewGuid().ToString("N")[..8];
        await using (var db = app.Database.NewContext())
        {
            db.Trades.Add(new Trade(trade, "车工/钳工:[测试]*?", "Hostile", "测试", false));
            // Written past the import rules, as data imported before them was: control characters and an oversized cell.
            var content = new QuestionContent(SkillLevel.Level4, QuestionType.TrueFalse, 1, "题干\u0001含控制字符\u0002" + new string('长', 40_000), [], ["true"], "解析\u000b", ["点"]);
            db.Questions.Add(new Question(trade + "-001", trade, content, QuestionSources.Import, false, DateTime.UtcNow));
            await db.SaveChangesAsync();
        }
        var res = await client.GetAsync($"/api/banks/{trade}/export.xlsx");
        res.StatusCode.ShouldBe(HttpStatusCode.OK, await res.Content.ReadAsStringAsync());
        var bytes = await res.Content.ReadAsByteArrayAsync();
        var table = SheetReader.Read(new MemoryStream(bytes), "e.xlsx", bytes.Length);
        var row = table.Rows.ShouldHaveSingleItem();
        row.Cells[6].ShouldStartWith("题干含控制字符长长");
        row.Cells[6].Length.ShouldBeLessThanOrEqualTo(SheetLimits.MaxCellChars);
        row.Cells[^1].ShouldBe("解析");
    }
}
