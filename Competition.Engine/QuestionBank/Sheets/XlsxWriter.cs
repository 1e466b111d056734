using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Competition.Engine.QuestionBank.Sheets;

/// <summary>Writes one worksheet of text cells. Every cell passes through <see cref="SpreadsheetSafe.Escape"/>.</summary>
public static class XlsxWriter
{
    public static byte[] Write(string sheetName, IEnumerable<IReadOnlyList<string>> rows)
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new Workbook();
            var ws = wb.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            uint r = 1;
            foreach (var row in rows)
            {
                var xr = new Row { RowIndex = r };
                for (var c = 0; c < row.Count; c++)
                    xr.Append(new Cell
                    {
                        CellReference = ColumnName(c) + r,
                        DataType = CellValues.InlineString,
                        InlineString = new InlineString(new Text(SpreadsheetSafe.Escape(row[c])) { Space = SpaceProcessingModeValues.Preserve }),
                    });
                data.Append(xr);
                r++;
            }
            ws.Worksheet = new Worksheet(data);
            wb.Workbook.AppendChild(new DocumentFormat.OpenXml.Spreadsheet.Sheets()).Append(new Sheet { Id = wb.GetIdOfPart(ws), SheetId = 1, Name = sheetName });
            wb.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26) name = (char)('A' + (index - 1) % 26) + name;
        return name;
    }
}
