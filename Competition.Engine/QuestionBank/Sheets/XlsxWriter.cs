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
    /// <summary>A drop-down on a column: from the row after the header down to <see cref="LastRow"/>, only <see cref="Values"/> (Excel's list limit: 255 characters).</summary>
    public sealed record ListValidation(int Column, IReadOnlyList<string> Values, string Title, string Prompt, int LastRow = 5000);

    /// <summary>One worksheet of a workbook, with optional drop-downs.</summary>
    public sealed record SheetSpec(string Name, IEnumerable<IReadOnlyList<string>> Rows, IReadOnlyList<ListValidation>? Lists = null);

    public static byte[] Write(string sheetName, IEnumerable<IReadOnlyList<string>> rows) => Write(new SheetSpec(sheetName, rows));

    /// <summary>Several worksheets in order (the first is the one the importer reads).</summary>
    public static byte[] Write(params SheetSpec[] sheets)
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new Workbook();
            var list = wb.Workbook.AppendChild(new DocumentFormat.OpenXml.Spreadsheet.Sheets());
            uint id = 1;
            foreach (var spec in sheets)
            {
                var ws = wb.AddNewPart<WorksheetPart>();
                ws.Worksheet = new Worksheet(Data(spec.Rows));
                if (spec.Lists is { Count: > 0 } lists)
                {
                    var validations = new DataValidations { Count = (uint)lists.Count };
                    foreach (var v in lists)
                    {
                        var column = ColumnName(v.Column);
                        validations.Append(new DataValidation
                        {
                            Type = DataValidationValues.List,
                            AllowBlank = true,
                            ShowErrorMessage = true,
                            ShowInputMessage = true,
                            ErrorTitle = v.Title,
                            Error = $"请从下拉列表中选择：{string.Join("、", v.Values)}",
                            PromptTitle = v.Title,
                            Prompt = v.Prompt,
                            SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{column}2:{column}{v.LastRow}" },
                            Formula1 = new Formula1("\"" + string.Join(",", v.Values) + "\""),
                        });
                    }
                    ws.Worksheet.Append(validations);
                }
                list.Append(new Sheet { Id = wb.GetIdOfPart(ws), SheetId = id++, Name = SheetName(spec.Name) });
            }
            wb.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static SheetData Data(IEnumerable<IReadOnlyList<string>> rows)
    {
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
        return data;
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

    public static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26) name = (char)('A' + (index - 1) % 26) + name;
        return name;
    }
}
