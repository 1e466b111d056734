using Competition.Engine.QuestionBank;
using Competition.Engine.QuestionBank.Sheets;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Competition.Tests.Unit.QuestionBank;

/// <summary>Issue 8: the import template has an instructions sheet, drop-downs for level and type, no importable example rows and no trade column.</summary>
public class BankTemplateTests
{
    private static readonly Dictionary<string, string> Trades = new() { ["fitter"] = "fitter", ["钳工"] = "fitter", ["lathe-operator"] = "lathe-operator" };

    [Fact]
    public void TheDataSheet_ComesFirst_WithHeadersOnly_AndDropDownsForLevelAndType()
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(BankTemplate.Xlsx()), false);
        var sheets = doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToList();
        sheets.Select(s => s.Name!.Value).ShouldBe([BankTemplate.DataSheet, BankTemplate.InstructionsSheet]);

        var data = (WorksheetPart)doc.WorkbookPart.GetPartById(sheets[0].Id!);
        var rows = data.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        rows.Count.ShouldBe(1);
        var headers = rows[0].Elements<Cell>().Select(c => c.InnerText).ToList();
        headers.ShouldBe(BankTemplate.TemplateHeaders);
        headers.ShouldNotContain("工种");

        var lists = data.Worksheet.Descendants<DataValidation>().ToDictionary(
            v => headers[ColumnIndex(v.SequenceOfReferences!.InnerText!)], v => v.Formula1!.Text);
        lists.Keys.Order().ShouldBe(new[] { "等级", "题型" }.Order());
        lists["等级"].ShouldBe("\"五级,四级,三级,二级,一级\"");
        lists["题型"].ShouldBe("\"单选,多选,判断,填空,简答\"");
        // Every choice offered is one the importer accepts.
        foreach (var level in BankTemplate.LevelChoices) SkillLevels.TryParse(level, out _).ShouldBeTrue(level);
        foreach (var type in BankTemplate.TypeChoices) QuestionTypes.TryParse(type, out _).ShouldBeTrue(type);
    }

    [Fact]
    public void TheInstructionsSheet_ExplainsEveryColumn_AndItsExamplesAreNeverImported()
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(BankTemplate.Xlsx()), false);
        var sheet = doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == BankTemplate.InstructionsSheet);
        var text = ((WorksheetPart)doc.WorkbookPart.GetPartById(sheet.Id!)).Worksheet.InnerText;
        foreach (var topic in new[] { "等级", "题型", "答案", "解析", "仅限考试", "导入题库", "不会被导入" }) text.ShouldContain(topic);
        text.ShouldContain("example-001");

        // The importer reads the data sheet only: the template as downloaded is refused as having no data rows.
        var bytes = BankTemplate.Xlsx();
        Should.Throw<SheetFileException>(() => SheetReader.Read(new MemoryStream(bytes), "模板.xlsx", bytes.Length)).Message.ShouldContain("没有数据行");
    }

    [Fact]
    public void ARowWithoutATradeColumn_TakesTheTradeChosenOnce_AndTheOldLayoutStillImports()
    {
        var content = new QuestionContent(SkillLevel.Level4, QuestionType.Single, 2, "钳工划线前应（　）。",
            [new("A", "清理工件"), new("B", "直接划线"), new("C", "涂油")], ["A"], "划线前先清理工件表面。", ["划线"]);
        var full = BankRowMapper.ToCells("fitter-901", "fitter", content);
        var withoutTrade = full.Where((_, i) => BankColumns.All[i].Key != "trade").ToList();

        var bytes = XlsxWriter.Write("题库", [BankTemplate.TemplateHeaders, withoutTrade]);
        var (questions, problems) = BankRowMapper.Map(SheetReader.Read(new MemoryStream(bytes), "新.xlsx", bytes.Length), Trades, "fitter");
        problems.ShouldBeEmpty();
        questions.ShouldHaveSingleItem().TradeCode.ShouldBe("fitter");

        var old = XlsxWriter.Write("题库", [BankTemplate.Headers, full]);
        BankRowMapper.Map(SheetReader.Read(new MemoryStream(old), "旧.xlsx", old.Length), Trades, "fitter").Questions.ShouldHaveSingleItem();
        // Without a trade chosen (the command line), the trade column is still required.
        BankRowMapper.Map(SheetReader.Read(new MemoryStream(bytes), "新.xlsx", bytes.Length), Trades, null).Problems.Total.ShouldBeGreaterThan(0);
    }

    private static int ColumnIndex(string range)
    {
        var letters = new string(range.TakeWhile(char.IsLetter).ToArray());
        return letters.Aggregate(0, (n, c) => n * 26 + (c - 'A' + 1)) - 1;
    }
}
