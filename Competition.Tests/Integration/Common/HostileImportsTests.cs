using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using Competition.Engine.QuestionBank.Sheets;
using Competition.Tests.Infrastructure;
using Competition.Tests.Unit.QuestionBank;
using static Competition.Tests.Integration.Common.HostileCorpus;

namespace Competition.Tests.Integration.Common;

/// <summary>
/// The hostile-input corpus over the sheet imports: every text column of the bank and contestant templates, as xlsx
/// (Excel's escapes) and CSV, through the API and the page. Each value is refused at its row and column and nothing is
/// written; what is legitimate (emoji, formula-like text, BOMs, GB18030) is imported as written.
/// </summary>
public class HostileImportsTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static readonly string[] BankHeader = BankTemplate.Headers.ToArray();
    private static readonly string[] ContestantHeader = ["参赛号", "姓名", "单位", "城市", "组别", "团队"];

    private static string NewId() => "lathe-operator-c" + Guid.NewGuid().ToString("N")[..10];

    private static string[] BankRow(string id) =>
        [id, "lathe-operator", "四级", "单选", "2", "切削用量", "主轴转速的单位是（　）。" + id, "m/min", "r/min", "mm/r", "", "", "", "", "", "B", "主轴转速单位为 r/min。"];

    private static string[] ContestantRow(string number) => [number, "张三", "马钢集团", "马鞍山", "职工组", ""];

    private static byte[] Sheet(string format, IReadOnlyList<IReadOnlyList<string>> rows) =>
        format == "xlsx" ? HostileSheets.Rows(rows) : Encoding.UTF8.GetBytes(Csv.Write(rows));

    private static async Task<HttpResponseMessage> UploadBank(HttpClient client, byte[] file, string name)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(file), "file", name }, { new StringContent("lathe-operator"), "trade" } };
        return await client.PostAsync("/api/banks/import", form);
    }

    private static async Task<HttpResponseMessage> UploadContestants(HttpClient client, Guid contest, byte[] file, string name)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(file), "file", name } };
        return await client.PostAsync($"/api/contests/{contest}/contestants/import", form);
    }

    public static IEnumerable<object[]> ProvidersAndFormats =>
        from p in TestDatabase.Providers from f in new[] { "xlsx", "csv" } select new object[] { p[0], f };

    [Theory]
    [MemberData(nameof(ProvidersAndFormats))]
    public async Task BankImport_RefusesEveryHostileValueInEveryTextColumn_AtItsRowAndColumn(DatabaseProvider provider, string format)
    {
        var app = await apps.For(provider);
        var client = await app.OrganizerClientAsync();
        var before = await CountsAsync(app);
        var columns = new (int Index, string Label)[] { (0, "题目编号(id)"), (5, "知识点(knowledgePoints)"), (6, "题干(stem)"), (7, "选项A(optionA)"), (15, "答案(answer)"), (16, "解析(explanation)") };
        foreach (var (name, value) in Texts.Where(t => t.Value.Length < SheetLimits.MaxCellChars))
        foreach (var (index, label) in columns)
        {
            var row = BankRow(NewId());
            row[index] = index == 0 ? value : row[index] + value;
            var res = await UploadBank(client, Sheet(format, [BankHeader, BankRow(NewId()), row]), "hostile." + format);
            await ShouldRefuseAsync(res, $"{format} {label} {name}", $"第 3 行，{label}");
        }
        // A cell past Excel's limit stops the read of the file, naming row and column.
        var big = BankRow(NewId());
        big[6] = new string('长', 40_000);
        await ShouldRefuseAsync(await UploadBank(client, Sheet(format, [BankHeader, big]), "big." + format), $"{format} 40,000-character cell", "第 2 行");
        (await CountsAsync(app)).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(ProvidersAndFormats))]
    public async Task ContestantImport_RefusesEveryHostileValueInEveryColumn_AndCapsTheReport(DatabaseProvider provider, string format)
    {
        var app = await apps.For(provider);
        var organizer = await app.OrganizerClientAsync();
        var contest = await ContestAsync(organizer);
        var before = await CountsAsync(app);
        foreach (var (name, value) in Texts.Where(t => t.Value.Length < SheetLimits.MaxCellChars).Append(("overlong", new string('长', 200))))
            for (var column = 0; column < ContestantHeader.Length; column++)
            {
                var row = ContestantRow("B" + column);
                row[column] = column == 5 ? value : row[column] + value;
                var res = await UploadContestants(organizer, contest, Sheet(format, [ContestantHeader, ContestantRow("A01"), row]), "hostile." + format);
                await ShouldRefuseAsync(res, $"{format} {ContestantHeader[column]} {name}", $"第 3 行，{ContestantHeader[column]}");
            }

        var dupHeader = await UploadContestants(organizer, contest, Sheet(format, [[.. ContestantHeader, "姓名"], ContestantRow("A01")]), "dup." + format);
        await ShouldRefuseAsync(dupHeader, "duplicate header", "列 '姓名' 重复");
        var dupNumber = await UploadContestants(organizer, contest, Sheet(format, [ContestantHeader, ContestantRow("a01"), ContestantRow("Ａ01\u200b")]), "dup." + format);
        await ShouldRefuseAsync(dupNumber, "duplicate number", "与第 2 行重复");

        var many = Sheet(format, [ContestantHeader, .. Enumerable.Range(0, 400).Select(i => ContestantRow("N" + i).Select((c, j) => j == 3 ? "火星" : c).ToArray())]);
        var json = JsonDocument.Parse(await (await UploadContestants(organizer, contest, many, "many." + format)).Content.ReadAsStringAsync()).RootElement;
        json.GetProperty("problems").GetArrayLength().ShouldBe(ImportProblems.Listed);
        json.GetProperty("problemCount").GetInt32().ShouldBe(400);
        var page = await PageForms.UploadAsync(organizer, $"/Contests/Manage/{contest}", "upload", "many." + format, many, [], "Import");
        var text = await PageForms.TextAsync(page);
        text.Split("未知城市").Length.ShouldBe(ImportProblems.Listed + 1);
        text.ShouldContain("另有 300 处问题未列出");
        (await CountsAsync(app)).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(ProvidersAndFormats))]
    public async Task LegitimateOddities_AreImportedAsWritten(DatabaseProvider provider, string format)
    {
        var app = await apps.For(provider);
        var organizer = await app.OrganizerClientAsync();
        var id = NewId();
        var row = BankRow(id);
        row[6] = "=cmd|' /C calc'!A0 焊接😀（　）" + id;   // formula-like text and emoji are text; exports escape the formula
        row[7] = "+86 138";
        row[8] = "-0.02 mm";
        row[9] = "@SUM(A1)";
        var header = BankHeader.Select((h, i) => i == 0 ? "\ufeff" + h : i == 1 ? h + "\u200b" : i == 2 ? "ｌｅｖｅｌ" : h).ToArray();
        var res = await UploadBank(organizer, Sheet(format, [header, row]), "odd." + format);
        res.StatusCode.ShouldBe(HttpStatusCode.OK, await res.Content.ReadAsStringAsync());
        var q = await app.SendAsync(new GetQuestion.Query(id, Competition.Engine.Common.Actor.System));
        q.Content.Stem.ShouldBe("=cmd|' /C calc'!A0 焊接😀（　）" + id);
        q.Content.Options.Select(o => o.Text).ShouldBe(["+86 138", "-0.02 mm", "@SUM(A1)"]);

        var export = await organizer.GetByteArrayAsync("/api/banks/lathe-operator/export.xlsx");
        var exported = SheetReader.Read(new MemoryStream(export), "e.xlsx", export.Length).Rows.Single(r => r.Cells[0] == id);
        exported.Cells[6].ShouldStartWith("'=cmd|");
        exported.Cells[7].ShouldBe("'+86 138");

        if (format == "csv")
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            var gbId = NewId();
            var gb = Encoding.GetEncoding("GB18030").GetBytes(Csv.Write([BankHeader, BankRow(gbId)]));
            (await UploadBank(organizer, [0x84, 0x31, 0x95, 0x33, .. gb], "gb.csv")).StatusCode.ShouldBe(HttpStatusCode.OK);
            var utf16Id = NewId();
            var utf16 = Encoding.Unicode.GetBytes(string.Join("\r\n", new[] { BankHeader, BankRow(utf16Id) }.Select(r => string.Join('\t', r))));
            (await UploadBank(organizer, [.. Encoding.Unicode.GetPreamble(), .. utf16], "unicode.csv")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await app.SendAsync(new GetQuestion.Query(utf16Id, Competition.Engine.Common.Actor.System))).Content.Stem.ShouldEndWith(utf16Id);
        }
    }
}
