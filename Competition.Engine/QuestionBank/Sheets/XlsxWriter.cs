using Competition.Engine.Common;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Competition.Engine.QuestionBank.Sheets;

/// <summary>
/// Writes one worksheet of text cells. Every cell passes through <see cref="SpreadsheetSafe.Escape"/>, and through
/// <see cref="TextRules.ForXml"/>: data already in a database may hold characters XML cannot carry (a control character
/// imported before the text rules existed made a trade's export fail for good), and an export must never fail.
/// </summary>
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
                        InlineString = new InlineString(new Text(Cell(row[c])) { Space = SpaceProcessingModeValues.Preserve }),
                    });
                data.Append(xr);
                r++;
            }
            ws.Worksheet = new Worksheet(data);
            wb.Workbook.AppendChild(new DocumentFormat.OpenXml.Spreadsheet.Sheets()).Append(new Sheet { Id = wb.GetIdOfPart(ws), SheetId = 1, Name = SheetName(sheetName) });
            wb.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static string Cell(string? value)
    {
        var text = XmlEscapes.EncodeLiterals(SpreadsheetSafe.Escape(TextRules.ForXml(value ?? "")));
        // Excel refuses (or "repairs") a workbook with a cell past its limit; cut it visibly rather than break the file.
        if (text.Length <= SheetLimits.MaxCellChars) return text;
        var cut = SheetLimits.MaxCellChars - 1;
        if (char.IsHighSurrogate(text[cut - 1])) cut--;
        return text[..cut] + "…";
    }

    /// <summary>Excel's sheet-name rules: 1–31 characters, none of : \ / ? * [ ].</summary>
    private static string SheetName(string name)
    {
        var clean = new string(TextRules.ForXml(name ?? "").Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']') && !char.IsControl(c)).ToArray()).Trim('\'', ' ');
        if (clean.Length > 31) clean = clean[..31];
        return clean.Length == 0 ? "Sheet1" : clean;
    }

    private static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26) name = (char)('A' + (index - 1) % 26) + name;
        return name;
    }
}
