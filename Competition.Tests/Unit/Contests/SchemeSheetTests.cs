using System.Text;
using Competition.Engine.Contests;
using Competition.Engine.Judging;
using Competition.Engine.QuestionBank.Sheets;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Competition.Tests.Unit.Contests;

/// <summary>The marking-scheme template and its reader (issue 8): worked examples of good and bad sheets.</summary>
public class SchemeSheetTests
{
    private static readonly string[] Headers = [.. SchemeColumns.All];

    private static ReadSchemeSheet.Result Read(params string[][] rows)
    {
        var bytes = XlsxWriter.Write("评分细则", [Headers, .. rows]);
        return ReadSchemeSheet.Read(new MemoryStream(bytes), "评分细则.xlsx", bytes.Length);
    }

    private static ImportProblem Single(ReadSchemeSheet.Result r)
    {
        r.Accepted.ShouldBeFalse();
        r.Tasks.ShouldBeEmpty();
        return r.Problems.ShouldHaveSingleItem();
    }

    [Fact]
    public void TheTemplate_HasTheHeadersOnly_DropDownsForKindAndJudges_AndAnInstructionsSheetForEveryColumn()
    {
        var bytes = SchemeTemplate.Xlsx();
        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var sheets = doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToList();
        sheets.Select(s => s.Name!.Value).ShouldBe([SchemeTemplate.DataSheet, SchemeTemplate.InstructionsSheet]);
        var data = ((WorksheetPart)doc.WorkbookPart.GetPartById(sheets[0].Id!)).Worksheet;
        data.Descendants<Row>().Count().ShouldBe(1);
        var lists = data.Descendants<DataValidation>().Select(v => (v.SequenceOfReferences!.InnerText, v.Formula1!.Text)).ToList();
        lists.ShouldContain(("E2:E5000", "\"符合/不符合,测量,评判\""));
        lists.ShouldContain(("J2:J5000", "\"3,5\""));
        var notes = ((WorksheetPart)doc.WorkbookPart.GetPartById(sheets[1].Id!)).Worksheet.InnerText;
        foreach (var column in SchemeColumns.All) notes.ShouldContain(column);
        notes.ShouldContain("整张表全部通过才导入");

        // As downloaded it holds nothing that could be imported.
        ReadSchemeSheet.Read(new MemoryStream(bytes), SchemeTemplate.FileName, bytes.Length).Problems.Single().Reason.ShouldContain("没有数据行");
    }

    [Fact]
    public void TheTemplateFilledInLikeExcelDoes_ReadsBackAsTasksInFirstAppearanceOrder_ItemsInRowOrder()
    {
        var bytes = Fill(SchemeTemplate.Xlsx(),
        [
            ["凹凸件锉配", "A1", "M1", "锐边倒钝、无毛刺", "符合/不符合", 10],
            ["凹凸件锉配", "A1", "M2", "尺寸 20±0.05", "测量", 20, 20, -0.05, 0.05, null, 3],
            ["钻孔", "B2", "M1", "孔距 30 +0.1/−0.05", "测量", 15, 30, -0.05, 0.1],
            ["凹凸件锉配", "A1", "J1", "表面质量与工艺", "评判", 30, null, null, null, 5],
            ["钻孔", "B2", "J1", "安全文明生产", "评判", 5],
        ]);

        var r = ReadSchemeSheet.Read(new MemoryStream(bytes), SchemeTemplate.FileName, bytes.Length);

        r.Problems.ShouldBeEmpty();
        r.Tasks.Select(t => (t.Title, t.Station)).ShouldBe([("凹凸件锉配", "A1"), ("钻孔", "B2")]);
        r.Tasks[0].Scheme.ShouldBe(
        [
            new SchemeItem("M1", "锐边倒钝、无毛刺", ItemKind.MeetsOrNot, 10),
            new SchemeItem("M2", "尺寸 20±0.05", ItemKind.MeasuredValue, 20, 20m, 0.05m, 0.05m, Decimals: 3),
            new SchemeItem("J1", "表面质量与工艺", ItemKind.Judgement, 30, JudgeCount: 5),
        ]);
        // Signed drawing deviations become the amounts below and above the nominal; an empty judge count is three judges.
        r.Tasks[1].Scheme.ShouldBe(
        [
            new SchemeItem("M1", "孔距 30 +0.1/−0.05", ItemKind.MeasuredValue, 15, 30m, 0.05m, 0.1m),
            new SchemeItem("J1", "安全文明生产", ItemKind.Judgement, 5, JudgeCount: 3),
        ]);
        r.Tasks.All(t => t.Id is null).ShouldBeTrue();
    }

    [Fact]
    public void TypedText_KeepsTheDrawingsDecimals_AndAFloatArtefactIsTakenAsTyped()
    {
        var r = Read(["测量", "C1", "M1", "外径", "测量", "10", "20.00", "-0.050", "0", ""], ["测量", "C1", "M2", "长度", "测量", "10", "0.30000000000000004", "-5E-2", "0.05", ""]);

        r.Problems.ShouldBeEmpty();
        var (first, second) = (r.Tasks[0].Scheme[0], r.Tasks[0].Scheme[1]);
        ((int)first.Nominal!.Value.Scale).ShouldBe(2);
        MarkValueRules.Decimals(first).ShouldBe(4);
        second.Nominal.ShouldBe(0.3m);
        second.Lower.ShouldBe(0.05m);
    }

    [Theory]
    [InlineData("打分", SchemeColumns.Kind, "未知评分方式 '打分'")]
    [InlineData("", SchemeColumns.Kind, "请填写评分方式")]
    public void AnUnknownOrMissingKind_IsNamedByRowAndColumn(string kind, string column, string reason)
    {
        var p = Single(Read(["锉配", "A1", "M1", "无毛刺", kind, "10"]));
        (p.Row, p.Column).ShouldBe((2, column));
        p.Reason.ShouldContain(reason);
    }

    [Fact]
    public void EachBadRow_IsReportedWithItsRowAndColumn_AndNoTaskIsReturned()
    {
        var r = Read(
            ["锉配", "A1", "M1", "尺寸", "测量", "10", "", "-0.05", "0.05"],
            ["锉配", "A1", "M2", "无毛刺", "符合/不符合", "十分"],
            ["锉配", "A1", "M3", "尺寸", "测量", "10", "20", "0.05", "-0.05"],
            ["锉配", "A1", "J1", "工艺", "评判", "10", "", "", "", "4"],
            ["锉配", "A1", "M2", "倒角", "符合/不符合", "5"],
            ["锉配", "B1", "M9", "清洁", "符合/不符合", "5"],
            ["锉配", "A1", "M8", "倒角", "符合/不符合", "5", "", "", "", "", "2"],
            ["锉配", "A1", "M7", "孔", "测量", "5", "20", "0.01", "0.05"]);

        r.Accepted.ShouldBeFalse();
        r.Tasks.ShouldBeEmpty();
        var found = r.Problems.Select(p => (p.Row, p.Column)).ToList();
        found.ShouldBe([(2, "基本尺寸"), (3, "配分"), (4, "下偏差"), (5, "评判裁判数"), (6, "评分项编号"), (7, "工位"), (8, "读数小数位"), (9, "下偏差")]);
        r.Problems.ElementAt(0).Reason.ShouldContain("测量项须填写基本尺寸");
        r.Problems.ElementAt(1).Reason.ShouldContain("'十分' 不是数字");
        r.Problems.ElementAt(2).Reason.ShouldContain("下偏差 0.05 大于上偏差 -0.05");
        r.Problems.ElementAt(3).Reason.ShouldContain("只能为 3 或 5 名");
        r.Problems.ElementAt(4).Reason.ShouldContain("与第 3 行重复");
        r.Problems.ElementAt(5).Reason.ShouldContain("同一任务只能有一个工位");
        r.Problems.ElementAt(6).Reason.ShouldContain("只用于测量项");
        r.Problems.ElementAt(7).Reason.ShouldContain("公差带须包含基本尺寸");
    }

    [Theory]
    [InlineData("0.005", "最多 2 位小数")]
    [InlineData("2000", "应在 大于 0 到 1000 之间")]
    [InlineData("0", "应在 大于 0 到 1000 之间")]
    public void PointsTheFormWouldRefuse_AreRefusedByTheSameRule_UnderTheirColumn(string points, string reason)
    {
        var p = Single(Read(["锉配", "A1", "M1", "无毛刺", "符合/不符合", points]));
        (p.Row, p.Column).ShouldBe((2, SchemeColumns.Points));
        p.Reason.ShouldContain(reason);
    }

    [Theory]
    [InlineData("评判", "12", "", SchemeColumns.Judges, "裁判人数应在 1–9 之间")]
    [InlineData("评判", "3.5", "", SchemeColumns.Judges, "评判裁判数应为整数")]
    [InlineData("测量", "", "9", SchemeColumns.Decimals, "小数位数应为 0–6")]
    [InlineData("测量", "", "0", SchemeColumns.Decimals, "只记 0 位小数，少于图纸尺寸与公差的精度")]
    public void JudgeCountsAndDecimals_AreCheckedByTheItemRules_UnderTheirColumn(string kind, string judges, string decimals, string column, string reason)
    {
        var measured = kind == "测量";
        var p = Single(Read(["锉配", "A1", "M1", "项", kind, "10", measured ? "20" : "", measured ? "-0.05" : "", measured ? "0.05" : "", judges, decimals]));
        (p.Row, p.Column).ShouldBe((2, column));
        p.Reason.ShouldContain(reason);
    }

    [Fact]
    public void TooManyRows_AreRefusedAsAWhole()
    {
        var rows = Enumerable.Range(1, ReadSchemeSheet.MaxRows + 1).Select(i => new[] { "锉配", "A1", $"M{i}", "无毛刺", "符合/不符合", "1" }).ToArray();
        var p = Single(Read(rows));
        p.Column.ShouldBe("文件");
        p.Reason.ShouldContain($"超过 {ReadSchemeSheet.MaxRows} 行上限");
    }

    [Fact]
    public void WrongHeaders_AreNamedByColumn()
    {
        var bytes = XlsxWriter.Write("表", [["任务名称", "工位", "编号", "评分项名称", "评分方式", "配分"], ["锉配", "A1", "M1", "无毛刺", "符合/不符合", "10"]]);
        var r = ReadSchemeSheet.Read(new MemoryStream(bytes), "表.xlsx", bytes.Length);
        r.Problems.Select(p => (p.Row, p.Column)).ShouldBe([(1, "第 3 列"), (1, "评分项编号")]);
        r.Problems.First().Reason.ShouldContain("未知列名 '编号'");
    }

    [Fact]
    public void AnEmptySheet_OrAFileThatIsNoWorkbook_IsOneProblemAboutTheFile()
    {
        var empty = XlsxWriter.Write("表", [Array.Empty<string>()]);
        Single(ReadSchemeSheet.Read(new MemoryStream(empty), "表.xlsx", empty.Length)).Reason.ShouldContain("文件是空的");
        var text = Encoding.UTF8.GetBytes("这不是 Excel 文件");
        Single(ReadSchemeSheet.Read(new MemoryStream(text), "评分细则.xlsx", text.Length)).Reason.ShouldContain("不是有效的 .xlsx");
        Single(ReadSchemeSheet.Read(new MemoryStream(text), "评分细则.docx", text.Length)).Reason.ShouldContain("不支持的文件类型");
    }

    [Fact]
    public void ACsvWithTheSameColumns_ReadsTheSame()
    {
        var csv = Encoding.UTF8.GetBytes(string.Join(",", Headers) + "\n锉配,A1,M1,尺寸,测量,20,20,-0.05,0.05,,\n");
        var r = ReadSchemeSheet.Read(new MemoryStream(csv), "评分细则.csv", csv.Length);
        r.Problems.ShouldBeEmpty();
        r.Tasks.ShouldHaveSingleItem().Scheme.ShouldBe([new SchemeItem("M1", "尺寸", ItemKind.MeasuredValue, 20, 20m, 0.05m, 0.05m)]);
    }

    /// <summary>Rows typed into the template's first sheet as Excel stores them: numbers as number cells, text as strings.</summary>
    private static byte[] Fill(byte[] template, object?[][] rows)
    {
        var stream = new MemoryStream();
        stream.Write(template);
        stream.Position = 0;
        using (var doc = SpreadsheetDocument.Open(stream, true))
        {
            var first = doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().First();
            var data = ((WorksheetPart)doc.WorkbookPart.GetPartById(first.Id!)).Worksheet.GetFirstChild<SheetData>()!;
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 2) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    var at = XlsxWriter.ColumnName(c) + (r + 2);
                    row.Append(rows[r][c] switch
                    {
                        null => new Cell { CellReference = at },
                        string s => new Cell { CellReference = at, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(s)) },
                        var n => new Cell { CellReference = at, CellValue = new CellValue(Convert.ToString(n, System.Globalization.CultureInfo.InvariantCulture)!) },
                    });
                }
                data.Append(row);
            }
        }
        return stream.ToArray();
    }
}
