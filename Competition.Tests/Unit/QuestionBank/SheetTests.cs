using Competition.Engine.QuestionBank;
using Competition.Engine.QuestionBank.Sheets;

namespace Competition.Tests.Unit.QuestionBank;

public class SheetTests
{
    private static readonly Dictionary<string, string> Trades = new() { ["lathe-operator"] = "lathe-operator", ["车工"] = "lathe-operator", ["fitter"] = "fitter" };

    private static readonly string[] Header = ["题目编号", "工种", "等级", "题型", "难度", "知识点", "题干", "选项A", "选项B", "选项C", "选项D", "答案", "解析"];

    private static SheetTable Table(params string[][] rows) => new(Header, rows.Select((r, i) => new SheetRow(i + 2, r)).ToList());

    private static string[] Row(string id = "lathe-operator-900", string trade = "车工", string level = "四级", string type = "单选", string answer = "B",
        string stem = "主轴转速的单位是（　）。") => [id, trade, level, type, "2", "切削用量；机床", stem, "m/min", "r/min", "mm/r", "mm", answer, "转速单位 r/min。"];

    [Fact]
    public void GoodRow_MapsToAQuestion()
    {
        var (questions, problems) = BankRowMapper.Map(Table(Row()), Trades, "lathe-operator");
        problems.ShouldBeEmpty();
        var q = questions.ShouldHaveSingleItem();
        q.TradeCode.ShouldBe("lathe-operator");
        q.Content.KnowledgePoints.ShouldBe(["切削用量", "机床"]);
        q.Content.Options.Count.ShouldBe(4);
    }

    [Fact]
    public void EveryBadRow_IsReportedWithRowAndColumn()
    {
        var (questions, problems) = BankRowMapper.Map(Table(
            Row(answer: "E"),
            Row(id: "lathe-operator-901", level: "六级"),
            Row(id: "lathe-operator-902", trade: "木工"),
            Row(id: "lathe-operator-900", stem: "另一道题")), Trades, null);
        questions.Count.ShouldBe(0);
        problems.ShouldContain(p => p.Row == 2 && p.Column.StartsWith("答案") && p.Reason.Contains("不在选项"));
        problems.ShouldContain(p => p.Row == 3 && p.Column.StartsWith("等级") && p.Reason.Contains("六级"));
        problems.ShouldContain(p => p.Row == 4 && p.Column.StartsWith("工种") && p.Reason.Contains("木工"));
        problems.ShouldContain(p => p.Row == 5 && p.Column.StartsWith("题目编号") && p.Reason.Contains("第 2 行"));
    }

    [Fact]
    public void RowOfAnotherTrade_IsRefusedWhenImportingOneTrade()
    {
        var (_, problems) = BankRowMapper.Map(Table(Row(trade: "fitter")), Trades, "lathe-operator");
        problems.ShouldHaveSingleItem().Reason.ShouldContain("本次导入的是工种 lathe-operator");
    }

    [Fact]
    public void MissingAndUnknownColumns_AreNamed()
    {
        var table = new SheetTable(["题目编号", "工种", "分值"], [new SheetRow(2, ["a", "b", "c"])]);
        var (_, problems) = BankRowMapper.Map(table, Trades, null);
        problems.ShouldContain(p => p.Reason.Contains("未知列名 '分值'"));
        problems.ShouldContain(p => p.Reason.Contains("缺少必需的列 '题干'"));
        problems.ShouldContain(p => p.Reason.Contains("缺少必需的列 '答案'"));
    }

    [Theory]
    [InlineData("=1+1")]
    [InlineData("+86 138")]
    [InlineData("-0.02 mm")]
    [InlineData("@SUM(A1)")]
    public void FormulaLikeCells_AreEscapedAndRestored(string value)
    {
        var escaped = SpreadsheetSafe.Escape(value);
        escaped.ShouldStartWith("'");
        SpreadsheetSafe.Unescape(escaped).ShouldBe(value);
    }

    [Fact]
    public void PlainCells_AreLeftAlone() => SpreadsheetSafe.Escape("车床").ShouldBe("车床");

    [Fact]
    public void Csv_HandlesQuotesCommasAndLineBreaks()
    {
        var rows = Csv.Parse("a,\"b,1\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",x,\r\n");
        rows.Count.ShouldBe(2);
        rows[0].ShouldBe(["a", "b,1", "say \"hi\""]);
        rows[1].ShouldBe(["two\nlines", "x", ""]);
        Csv.Parse(Csv.Write([rows[0], rows[1]])).ShouldBe(rows);
    }

    [Fact]
    public void Xlsx_WrittenAndReadBack_KeepsCellsAndEscapesFormulas()
    {
        var bytes = XlsxWriter.Write("题库", [["题目编号", "题干"], ["a-001", "=HYPERLINK(\"http://x\")"]]);
        var table = SheetReader.Read(new MemoryStream(bytes), "x.xlsx", bytes.Length);
        table.Headers.ShouldBe(["题目编号", "题干"]);
        table.Rows[0].Cells[1].ShouldBe("'=HYPERLINK(\"http://x\")");
        SpreadsheetSafe.Unescape(table.Rows[0].Cells[1]).ShouldBe("=HYPERLINK(\"http://x\")");
    }

    [Fact]
    public void Template_ImportsCleanly_AndImportsNothingByMistake()
    {
        // The template as downloaded has headers only: uploading it unchanged is refused with a reason, never imports examples.
        var bytes = BankTemplate.Xlsx();
        Should.Throw<SheetFileException>(() => SheetReader.Read(new MemoryStream(bytes), "t.xlsx", bytes.Length)).Message.ShouldContain("没有数据行");
    }
}
