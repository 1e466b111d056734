using Competition.Engine.Contests;
using Competition.Engine.QuestionBank.Sheets;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Competition.Tests.Unit.Contests;

public class ContestantTemplateTests
{
    [Fact]
    public void TheTemplate_HasTheHeadersOnly_AndAnInstructionsSheetForEveryColumn_ThatIsNeverImported()
    {
        var bytes = ContestantTemplate.Xlsx();
        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var sheets = doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToList();
        sheets.Count.ShouldBe(2);
        sheets[1].Name!.Value.ShouldBe(ContestantTemplate.InstructionsSheet);
        var notes = ((WorksheetPart)doc.WorkbookPart.GetPartById(sheets[1].Id!)).Worksheet.InnerText;
        foreach (var column in ContestantTemplate.Headers) notes.ShouldContain(column);

        // The importer reads the first sheet only: as downloaded, the template holds no row that could be registered.
        Should.Throw<SheetFileException>(() => SheetReader.Read(new MemoryStream(bytes), ContestantTemplate.FileName, bytes.Length)).Message.ShouldContain("没有数据行");
    }
}
