using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Competition.Engine.Accounts;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using Competition.Engine.QuestionBank.Sheets;
using Competition.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Competition.Tests.Integration.QuestionBank;

public class ImportBankTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static readonly string[] Header = BankTemplate.Headers.ToArray();

    private static string[] Row(string id, string stem, string answer = "B", string level = "四级", string trade = "lathe-operator") =>
        [id, trade, level, "单选", "2", "切削用量", stem, "m/min", "r/min", "mm/r", "", "", "", "", "", answer, "主轴转速单位为 r/min。"];

    private static string NewId() => "lathe-operator-t" + Guid.NewGuid().ToString("N")[..10];

    private static byte[] Xlsx(params string[][] rows) => XlsxWriter.Write("题库", [Header, .. rows]);

    private static async Task<HttpResponseMessage> Upload(HttpClient client, byte[] content, string fileName, string trade = "lathe-operator")
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", fileName }, { new StringContent(trade), "trade" } };
        return await client.PostAsync("/api/banks/import", form);
    }

    private static async Task<string> Problems(HttpResponseMessage res)
    {
        res.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var json = JsonDocument.Parse(await res.Content.ReadAsStringAsync()).RootElement;
        return json.GetProperty("detail").GetString()!;
    }

    private static async Task<int> CountAsync(AppFactory app, IEnumerable<string> ids)
    {
        await using var db = app.Database.NewContext();
        var list = ids.ToList();
        return await db.Questions.CountAsync(q => list.Contains(q.Id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ValidXlsx_IsImportedAndRecorded_AndImportingAgainChangesNothing(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var client = await app.OrganizerClientAsync();
        string[] ids = [NewId(), NewId(), NewId()];
        var file = Xlsx(Row(ids[0], "主轴转速的单位是（　）。" + ids[0]), Row(ids[1], "进给量的单位是（　）。" + ids[1], "C"), Row(ids[2], "切削速度单位（　）" + ids[2], "A"));
        var res = await Upload(client, file, "车工.xlsx");
        res.StatusCode.ShouldBe(HttpStatusCode.OK, await res.Content.ReadAsStringAsync());
        (await res.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("added").GetInt32().ShouldBe(3);
        (await CountAsync(app, ids)).ShouldBe(3);

        var again = await (await Upload(client, file, "车工.xlsx")).Content.ReadFromJsonAsync<JsonElement>();
        again.GetProperty("unchanged").GetInt32().ShouldBe(3);
        await using var db = app.Database.NewContext();
        (await db.BankImports.CountAsync(i => i.FileName == "车工.xlsx")).ShouldBeGreaterThanOrEqualTo(2);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OneBadRow_RefusesTheWholeFileWithARowReport(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var client = await app.OrganizerClientAsync();
        string[] ids = [NewId(), NewId()];
        var res = await Upload(client, Xlsx(Row(ids[0], "好题" + ids[0]), Row(ids[1], "坏题" + ids[1], answer: "E")), "bad.xlsx");
        var detail = await Problems(res);
        detail.ShouldContain("第 3 行");
        detail.ShouldContain("答案");
        detail.ShouldContain("不在选项");
        (await CountAsync(app, ids)).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EachBadFile_GetsItsOwnClearError(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var client = await app.OrganizerClientAsync();
        var id = NewId();

        (await Problems(await Upload(client, [], "empty.xlsx"))).ShouldContain("文件是空的");
        (await Problems(await Upload(client, XlsxWriter.Write("s", [Header]), "header-only.xlsx"))).ShouldContain("只有列名");
        (await Problems(await Upload(client, XlsxWriter.Write("s", [["题目编号", "题干"], [id, "x"]]), "cols.xlsx"))).ShouldContain("缺少必需的列 '答案'");
        (await Problems(await Upload(client, XlsxWriter.Write("s", [[.. Header, "分值"], [.. Row(id, "s"), "5"]]), "extra.xlsx"))).ShouldContain("未知列名 '分值'");
        (await Problems(await Upload(client, new byte[20 * 1024 * 1024], "big.xlsx"))).ShouldContain("超过 10 MB 上限");
        (await Problems(await Upload(client, Encoding.UTF8.GetBytes("这不是 Excel 文件"), "fake.xlsx"))).ShouldContain("不是有效的 .xlsx");
        (await Problems(await Upload(client, Encoding.UTF8.GetBytes("PK\u0003\u0004broken zip"), "broken.xlsx"))).ShouldContain("不是有效的 .xlsx");
        (await Problems(await Upload(client, [1, 2, 3], "old.xls"))).ShouldContain("不支持的文件类型 '.xls'");
        (await Problems(await Upload(client, Xlsx(Row(id, "一"), Row(id, "二")), "dup.xlsx"))).ShouldContain($"题目编号 {id} 重复");
        (await Problems(await Upload(client, Xlsx(Row(id, "一", trade: "木工")), "trade.xlsx"))).ShouldContain("未知工种 '木工'");
        (await Problems(await Upload(client, Xlsx(Row(id, "一", level: "特级")), "level.xlsx"))).ShouldContain("未知等级 '特级'");
        (await Problems(await Upload(client, Xlsx(Row(id, "一")), "x.xlsx", trade: "no-such-trade"))).ShouldContain("未知工种 'no-such-trade'");
        (await CountAsync(app, [id])).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnIdOfAnotherTrade_IsRefused(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var client = await app.OrganizerClientAsync();
        var res = await Upload(client, Xlsx(Row("fitter-001", "借用钳工的编号")), "steal.xlsx");
        (await Problems(res)).ShouldContain("已属于工种 fitter");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CsvSavedByChineseExcel_IsImported(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var client = await app.OrganizerClientAsync();
        var id = NewId();
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var csv = Encoding.GetEncoding("GB18030").GetBytes(Csv.Write([Header, Row(id, "主轴转速，单位是（　）。\n第二行")]));
        var res = await Upload(client, csv, "车工.csv");
        res.StatusCode.ShouldBe(HttpStatusCode.OK, await res.Content.ReadAsStringAsync());
        var q = await app.SendAsync(new GetQuestion.Query(id, Competition.Engine.Common.Actor.System));
        q.Content.Stem.ShouldBe("主轴转速，单位是（　）。\n第二行");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Export_EscapesFormulaCells_AndReimportsUnchanged(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var client = await app.OrganizerClientAsync();
        var id = NewId();
        (await Upload(client, Xlsx(Row(id, "=HYPERLINK(\"http://evil\",\"点我\")")), "f.xlsx")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var export = await client.GetByteArrayAsync("/api/banks/lathe-operator/export.xlsx");
        var table = SheetReader.Read(new MemoryStream(export), "e.xlsx", export.Length);
        var row = table.Rows.Single(r => r.Cells[0] == id);
        row.Cells[6].ShouldBe("'=HYPERLINK(\"http://evil\",\"点我\")");
        table.Rows.Count.ShouldBeGreaterThanOrEqualTo(40);

        var res = await Upload(client, export, "export.xlsx");
        res.StatusCode.ShouldBe(HttpStatusCode.OK, await res.Content.ReadAsStringAsync());
        var body = await res.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("added").GetInt32().ShouldBe(0);
        body.GetProperty("revised").GetInt32().ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OnlyOrganizersMayImport(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        (await Upload(app.NewClient(), Xlsx(Row(NewId(), "x")), "a.xlsx")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var judge = await app.SignedInClientAsync(await app.CreateStaffAsync(Roles.Judge, "maanshan"));
        (await Upload(judge, Xlsx(Row(NewId(), "x")), "a.xlsx")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Templates_AreDownloadable(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var client = app.NewClient();
        // Headers only (issue 8): no example rows that could be imported by mistake; the trade is chosen on the import page.
        var xlsx = await client.GetByteArrayAsync("/api/banks/template.xlsx");
        Exams.ExamDraftTests.ReadSheet(xlsx).ShouldBe([BankTemplate.TemplateHeaders.ToList()]);
        Exams.ExamDraftTests.ReadSheet(xlsx, BankTemplate.InstructionsSheet).Count.ShouldBeGreaterThan(10);
        var csv = System.Text.Encoding.UTF8.GetString(await client.GetByteArrayAsync("/api/banks/template.csv")).TrimStart('\uFEFF');
        csv.TrimEnd().ShouldBe(string.Join(",", BankTemplate.TemplateHeaders));
    }
}
