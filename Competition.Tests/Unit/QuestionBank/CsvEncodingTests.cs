using System.Text;
using Competition.Engine.QuestionBank.Sheets;

namespace Competition.Tests.Unit.QuestionBank;

/// <summary>CSV files as Excel, WPS and hostile clients save them: every encoding read or refused by name, with the row.</summary>
public class CsvEncodingTests
{
    private const string Text = "题目编号,题干\r\nlathe-1,主轴转速的单位是（　）。\r\n";

    static CsvEncodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static SheetTable Read(byte[] bytes) => SheetReader.Read(new MemoryStream(bytes), "x.csv", bytes.Length);

    private static string Refused(byte[] bytes) => Should.Throw<SheetFileException>(() => Read(bytes)).Message;

    public static IEnumerable<object[]> Encodings =>
    [
        ["utf-8", Encoding.UTF8.GetBytes(Text)],
        ["utf-8 BOM", (byte[])[.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Text)]],
        ["utf-16 LE BOM", (byte[])[.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Text)]],
        ["utf-16 BE BOM", (byte[])[.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Text)]],
        ["gb18030", Encoding.GetEncoding("GB18030").GetBytes(Text)],
        ["gb18030 BOM", (byte[])[0x84, 0x31, 0x95, 0x33, .. Encoding.GetEncoding("GB18030").GetBytes(Text)]],
        ["utf-16 tab-separated (Excel's Unicode text)", (byte[])[.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Text.Replace(',', '\t'))]],
    ];

    [Theory]
    [MemberData(nameof(Encodings))]
    public void EachEncoding_ReadsTheSameTable(string name, byte[] bytes)
    {
        var table = Read(bytes);
        table.Headers.ShouldBe(["题目编号", "题干"], name);
        table.Rows.ShouldHaveSingleItem().Cells.ShouldBe(["lathe-1", "主轴转速的单位是（　）。"], name);
    }

    [Fact]
    public void BrokenBytesInAUtf8File_AreReportedAtTheirRow_NotDecodedAsGb18030()
    {
        var bytes = Encoding.UTF8.GetBytes("题目编号,题干\r\nlathe-1,主轴转速的单位是\r\nlathe-2,").Concat(new byte[] { 0xED, 0xA0, 0x80 }).Concat(Encoding.UTF8.GetBytes("\r\n")).ToArray();
        Refused(bytes).ShouldContain("第 3 行含有无效的 UTF-8 字节");
    }

    [Fact]
    public void BytesNoEncodingCanRead_AreRefusedWithWhatToDo() =>
        Refused([0x61, 0x2C, 0xFF, 0xFF, 0xFF, 0x0D, 0x0A]).ShouldContain("CSV UTF-8");

    [Fact]
    public void NulInTheHeader_IsRefusedAsNotText_ANulInACellIsLeftForTheTextRule()
    {
        Refused(Encoding.UTF8.GetBytes("a,\0b\r\nc,d\r\n")).ShouldContain("空字符 (NUL)");
        Read(Encoding.UTF8.GetBytes("a,b\r\nc,\0d\r\n")).Rows[0].Cells[1].ShouldBe("\0d");
    }

    [Fact]
    public void Utf32_IsRefusedByName() => Refused([0xFF, 0xFE, 0, 0, 0x61, 0, 0, 0]).ShouldContain("UTF-32");

    [Fact]
    public void UnclosedQuote_IsReportedAtItsRow() =>
        Refused(Encoding.UTF8.GetBytes("a,b\r\nc,\"d\r\ne,f\r\n")).ShouldContain("第 2 行的引号没有闭合");

    [Fact]
    public void UnclosedQuoteSwallowingTheFile_StopsAtTheCellLimit()
    {
        var bytes = Encoding.UTF8.GetBytes("a,b\r\nc,\"" + string.Concat(Enumerable.Repeat("x,y\r\n", 20_000)));
        Refused(bytes).ShouldContain("第 2 行的引号没有闭合");
    }

    [Fact]
    public void LongSingleRow_IsRefusedAtTheColumnLimit() =>
        Refused(Encoding.UTF8.GetBytes("a\r\n" + string.Join(',', Enumerable.Repeat("x", 100_000)) + "\r\n")).ShouldContain("超过 64 列上限");
}
