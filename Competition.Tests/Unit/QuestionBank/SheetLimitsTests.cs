using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Competition.Engine.QuestionBank;
using Competition.Engine.QuestionBank.Sheets;

namespace Competition.Tests.Unit.QuestionBank;

/// <summary>Every axis of a hostile sheet stops with a message that says the limit and what to do, in bounded time and memory.</summary>
public class SheetLimitsTests
{
    private static readonly string[] Header = BankTemplate.Headers.ToArray();
    private static readonly string[] Row = ["lathe-operator-x1", "lathe-operator", "四级", "单选", "2", "切削用量", "题干", "m/min", "r/min", "mm/r", "", "", "", "", "", "B", "解析"];

    private static SheetFileException Refused(byte[] file, string name = "x.xlsx") =>
        Should.Throw<SheetFileException>(() => SheetReader.Read(new MemoryStream(file), name, file.Length));

    [Fact]
    public void MillionRowXlsx_StopsAtTheRowLimit_QuicklyAndInLittleMemory()
    {
        var file = HostileSheets.ManyRows(Header, ["lathe-operator-x1"], 1_000_000);
        file.Length.ShouldBeLessThan(1024 * 1024);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var ex = Refused(file);
        clock.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        ex.Message.ShouldContain("超过 50,000 行上限");
        ex.Message.ShouldContain("拆分");
        // The DOM reader took 25 s and 2 GB for this; streaming stops after 50,001 rows. Generous bounds for a busy machine.
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(15));
        allocated.ShouldBeLessThan(600L * 1024 * 1024);
    }

    [Fact]
    public void ExactlyTheRowLimit_IsRead()
    {
        var file = HostileSheets.ManyRows(Header, Row, SheetLimits.MaxDataRows);
        var table = SheetReader.Read(new MemoryStream(file), "ok.xlsx", file.Length);
        table.Rows.Count.ShouldBe(SheetLimits.MaxDataRows);
        table.Rows[^1].Number.ShouldBe(SheetLimits.MaxDataRows + 1);
        table.Headers.ShouldBe(Header);
    }

    [Fact]
    public void MillionRowCsv_StopsAtTheRowLimit()
    {
        var sb = new StringBuilder(string.Join(',', Header)).Append("\r\n");
        for (var i = 0; i < 1_000_000; i++) sb.Append("a,b\r\n");
        var ex = Refused(Encoding.UTF8.GetBytes(sb.ToString()), "x.csv");
        ex.Message.ShouldContain("超过 50,000 行上限");
    }

    [Fact]
    public void ContentBeyondTheColumnLimit_IsRefused_EmptyFormattedCellsAreNot()
    {
        var strings = new List<string> { "题目编号", "x" };
        Refused(HostileSheets.Workbook(strings, w =>
        {
            HostileSheets.WriteRow(w, 1, [0]);
            w.Write($"<row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c><c r=\"{HostileSheets.Column(200)}2\" t=\"s\"><v>1</v></c></row>");
        })).Message.ShouldContain("超过 64 列上限");

        var file = HostileSheets.Workbook(strings, w =>
        {
            HostileSheets.WriteRow(w, 1, [0]);
            w.Write("<row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c><c r=\"XFD2\" s=\"3\"/><c r=\"ZZZZZZZZZZZ2\"/></row>");
        });
        SheetReader.Read(new MemoryStream(file), "x.xlsx", file.Length).Rows.ShouldHaveSingleItem().Cells.ShouldBe(["x"]);
    }

    [Fact]
    public void HugeCell_IsRefusedWithExcelsLimit()
    {
        Refused(HostileSheets.Workbook(["题目编号", new string('长', 40_000)], w =>
        {
            HostileSheets.WriteRow(w, 1, [0]);
            HostileSheets.WriteRow(w, 2, [1]);
        })).Message.ShouldContain("超过 32,767 字上限");

        Refused(HostileSheets.Workbook(["题目编号"], w =>
        {
            HostileSheets.WriteRow(w, 1, [0]);
            w.Write($"<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>{new string('x', 40_000)}</t></is></c></row>");
        })).Message.ShouldContain("第 2 行第 1 列");
    }

    [Fact]
    public void HugeSharedStringsTable_IsRefused()
    {
        var strings = Enumerable.Range(0, SheetLimits.MaxSharedStrings + 1).Select(i => i.ToString()).ToList();
        Refused(HostileSheets.Workbook(strings, w => HostileSheets.WriteRow(w, 1, [0]), CompressionLevel.Fastest))
            .Message.ShouldContain("共享字符串表超过 1,000,000 项上限");
    }

    [Fact]
    public void DeeplyCompressedSheet_IsRefusedBeforeItIsInflated()
    {
        // 130 MB of nothing (blank rows) that deflates to a few hundred kilobytes: a zip bomb aimed at the worksheet.
        var blank = "<row/>" + new string(' ', 1018);
        var file = HostileSheets.Workbook(["题目编号"], w =>
        {
            HostileSheets.WriteRow(w, 1, [0]);
            for (var i = 0; i < 130 * 1024; i++) w.Write(blank);
        }, CompressionLevel.Fastest);
        file.Length.ShouldBeLessThan(2 * 1024 * 1024);
        var clock = Stopwatch.StartNew();
        var ex = Refused(file);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        ex.Message.ShouldContain("超过 128 MB 上限");
        ex.Message.ShouldContain("压缩比异常");
    }

    [Fact]
    public void ManyZipEntries_AreRefused()
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, true))
            for (var i = 0; i <= SheetLimits.MaxZipEntries; i++) zip.CreateEntry($"x/{i}");
        Refused(ms.ToArray()).Message.ShouldContain("内部文件");
    }

    [Fact]
    public void DtdInTheSheet_IsRefused()
    {
        var file = HostileSheets.Workbook(["题目编号"], w => HostileSheets.WriteRow(w, 1, [0]));
        var ms = new MemoryStream();
        ms.Write(file);
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Update, true))
        {
            zip.GetEntry("xl/worksheets/sheet1.xml")!.Delete();
            using var w = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open());
            w.Write("""<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>""");
        }
        Refused(ms.ToArray()).Message.ShouldContain("不是有效的 .xlsx");
    }

    [Fact]
    public void HeaderBelowBlankRows_AndOutOfOrderCells_AreRead()
    {
        var file = HostileSheets.Workbook(["a", "b", "c"], w =>
        {
            w.Write("<row r=\"1\" s=\"2\" customFormat=\"1\"/>");
            w.Write("<row r=\"3\"><c r=\"B3\" t=\"s\"><v>1</v></c><c r=\"A3\" t=\"s\"><v>0</v></c></row>");
            w.Write("<row r=\"4\"><c r=\"A4\" t=\"s\"><v>2</v></c><c r=\"C4\"><f>1+1</f><v>2</v></c></row>");
        });
        var table = SheetReader.Read(new MemoryStream(file), "x.xlsx", file.Length);
        table.Headers.ShouldBe(["a", "b"]);
        table.Rows.ShouldHaveSingleItem().Number.ShouldBe(4);
        table.Rows[0].Cells.ShouldBe(["c", "", "2"]);
    }

    [Fact]
    public void ExcelsEscapes_AreDecoded_AndLiteralEscapesRoundTrip()
    {
        var excel = HostileSheets.Rows([["题干"], ["主轴\u0001转速"]]);
        SheetReader.Read(new MemoryStream(excel), "x.xlsx", excel.Length).Rows[0].Cells[0].ShouldBe("主轴\u0001转速");
        var ours = XlsxWriter.Write("s", [["题干"], ["变量名 _x0041_ 原样保留"]]);
        SheetReader.Read(new MemoryStream(ours), "x.xlsx", ours.Length).Rows[0].Cells[0].ShouldBe("变量名 _x0041_ 原样保留");
    }

    [Fact]
    public void DeclaredLengthThatLies_StillStopsAtTheFileLimit()
    {
        var big = new byte[SheetLimits.MaxFileBytes + 10];
        Should.Throw<SheetFileException>(() => SheetReader.Read(new MemoryStream(big), "x.csv", 10)).Message.ShouldContain("超过 10 MB 上限");
    }
}
