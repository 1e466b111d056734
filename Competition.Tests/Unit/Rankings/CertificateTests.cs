using System.Text;
using System.Text.RegularExpressions;
using Competition.Engine.QuestionBank.Sheets;
using Competition.Engine.Rankings;

namespace Competition.Tests.Unit.Rankings;

public class CertificateTests
{
    private static readonly Regex CodeShape = new("^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{10}$");

    internal static ResultGroup Group() => new("职工组", "一等奖 1 名", [], [
        new(1, false, "A003", "张三", "马钢集团", "maanshan", 80, 90, 170.5, EntryStatus.Finished, Award.First, ""),
        new(2, true, "A001", "李四", "星马汽车", "maanshan", 80, 80, 160, EntryStatus.Finished, Award.Second, ""),
        new(2, true, "A002", "王五", "马钢集团", "maanshan", 80, 80, 160, EntryStatus.Finished, Award.Second, ""),
        new(4, false, "A004", "赵六", "某单位", "maanshan", 50, 50, 100, EntryStatus.Finished, Award.None, ""),
        new(null, false, "A005", "钱七", "某单位", "maanshan", null, null, 0, EntryStatus.Absent, Award.None, ""),
    ]);

    internal static CertificateData Data(string code = "7K3M9QX2TZ") => new(code, "张三", "马钢集团", "2026 年马鞍山市车工职业技能竞赛", "职工组", "一等奖",
        new DateTime(2026, 12, 3), "马鞍山市总工会", 2, new string('a', 64), $"https://jingsai.example.cn/Results/Verify/{code}");

    [Fact]
    public void NewCodes_TenCrockfordCharacters_UniqueOverTenThousand()
    {
        var codes = Enumerable.Range(0, 10_000).Select(_ => CertificateCode.New()).ToList();
        codes.ShouldAllBe(c => CodeShape.IsMatch(c));
        codes.Distinct().Count().ShouldBe(codes.Count);
        // Each of the 32 symbols turns up in every position: the codes use the whole alphabet, not a biased part of it.
        for (var i = 0; i < CertificateCode.Length; i++) codes.Select(c => c[i]).Distinct().Count().ShouldBe(32);
    }

    [Theory]
    [InlineData("7k3m-9qx2-tz", "7K3M9QX2TZ")]
    [InlineData(" 7K3M 9QX2 TZ ", "7K3M9QX2TZ")]
    [InlineData("O0IL1ABCDE", "00111ABCDE")]
    public void TypedCodes_MistypesForgiven_Canonical(string typed, string canonical) => CertificateCode.Normalize(typed).ShouldBe(canonical);

    [Theory]
    [InlineData("")]
    [InlineData("7K3M9QX2T")]     // too short
    [InlineData("7K3M9QX2TZZ")]   // too long
    [InlineData("7K3M9QX2TU")]    // U is not in Crockford's alphabet
    [InlineData("7K3M9QX2T#")]
    public void NotACode_Null(string typed) => CertificateCode.Normalize(typed).ShouldBeNull();

    [Fact]
    public void Render_Pdf_StartsWithPdfAndCarriesTheQrImage()
    {
        var pdf = CertificatePdf.Render(Data());
        if (Environment.GetEnvironmentVariable("CERTIFICATE_SCREENSHOTS") is { Length: > 0 } folder) File.WriteAllBytes(Path.Combine(folder, "certificate.pdf"), pdf);
        Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-");
        var text = Encoding.Latin1.GetString(pdf);
        text.ShouldContain("/Subtype/Image");
        Regex.Matches(text, @"/Type/Page\b(?!s)").Count.ShouldBe(1);
        // A4 landscape: 297 × 210 mm in points.
        text.ShouldContain("/MediaBox[0 0 841.89 595.276]");
    }

    [Fact]
    public void QrPng_IsPngOfTheAddress()
    {
        var png = CertificatePdf.QrPng(Data().VerifyUrl);
        png[..8].ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        // A longer address needs a larger symbol: the image depends on what it encodes.
        CertificatePdf.QrPng(Data().VerifyUrl + "?x=" + new string('9', 200)).Length.ShouldNotBe(png.Length);
    }

    [Fact]
    public void RenderMany_OnePagePerCertificate()
    {
        var text = Encoding.Latin1.GetString(CertificatePdf.Render([Data("AAAAAAAAAA"), Data("BBBBBBBBBB"), Data("CCCCCCCCCC")]));
        Regex.Matches(text, @"/Type/Page\b(?!s)").Count.ShouldBe(3);
    }

    [Fact]
    public void ResultsRows_UnionColumnsEveryoneInRankOrder()
    {
        var rows = ExportResults.Rows(Group(), "车工", ExportResults.Kind.Results).ToList();
        rows[0].ShouldBe(["序号", "姓名", "单位", "工种", "成绩", "名次", "奖项"]);
        rows.Count.ShouldBe(6);
        rows[1].ShouldBe(["1", "张三", "马钢集团", "车工", "170.5", "1", "一等奖"]);
        rows[2].ShouldBe(["2", "李四", "星马汽车", "车工", "160", "2（并列）", "二等奖"]);
        rows[4].ShouldBe(["4", "赵六", "某单位", "车工", "100", "4", ""]);
        rows[5].ShouldBe(["5", "钱七", "某单位", "车工", "缺考", "", ""]);
    }

    [Fact]
    public void AwardRows_OnlyTheAwarded()
    {
        var rows = ExportResults.Rows(Group(), "车工", ExportResults.Kind.Awards).ToList();
        rows.Skip(1).Select(r => (r[0], r[1], r[6])).ShouldBe([("1", "张三", "一等奖"), ("2", "李四", "二等奖"), ("3", "王五", "二等奖")]);
    }

    [Fact]
    public void ResultsXlsx_ReadsBackWithTheColumns()
    {
        var bytes = XlsxWriter.Write(new XlsxWriter.SheetSpec("职工组", ExportResults.Rows(Group(), "车工", ExportResults.Kind.Results)));
        var table = SheetReader.Read(new MemoryStream(bytes), "成绩.xlsx", bytes.Length);
        table.Headers.ShouldBe(ExportResults.Headers);
        table.Rows.Count.ShouldBe(5);
        table.Rows[0].Cells.ShouldBe(["1", "张三", "马钢集团", "车工", "170.5", "1", "一等奖"]);
    }
}
