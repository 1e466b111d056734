using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Competition.Engine.QuestionBank.Sheets;

/// <summary>Reads the first worksheet of an .xlsx file, or a CSV file (UTF-8, or GB18030 as saved by Chinese Excel).</summary>
public static class SheetReader
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public static SheetTable Read(Stream content, string fileName, long length)
    {
        if (length == 0) throw new SheetFileException("文件是空的（0 字节），请上传填写好的题库模板。");
        if (length > MaxBytes)
            throw new SheetFileException($"文件大小 {length / 1024.0 / 1024.0:F1} MB，超过 {MaxBytes / 1024 / 1024} MB 上限；请按工种拆分后分别导入。");
        var buffer = new MemoryStream();
        content.CopyTo(buffer);
        buffer.Position = 0;
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        var table = ext switch
        {
            ".xlsx" => ReadXlsx(buffer),
            ".csv" => ReadCsv(buffer.ToArray()),
            _ => throw new SheetFileException($"不支持的文件类型 '{ext}'：请上传 .xlsx 或 .csv 文件（旧版 .xls 请先在 Excel 中另存为 .xlsx）。"),
        };
        if (table.Headers.All(string.IsNullOrWhiteSpace)) throw new SheetFileException("文件是空的：第 1 行应为列名（题目编号、工种、等级…）。");
        if (table.Rows.All(r => r.IsBlank)) throw new SheetFileException("文件中只有列名，没有题目行。");
        return table;
    }

    private static SheetTable ReadXlsx(MemoryStream buffer)
    {
        var head = buffer.GetBuffer();
        if (buffer.Length < 4 || head[0] != (byte)'P' || head[1] != (byte)'K')
            throw new SheetFileException("文件不是有效的 .xlsx 工作簿（文件内容不是 Excel 格式），请在 Excel 中另存为 .xlsx 后重试。");
        try
        {
            using var doc = SpreadsheetDocument.Open(buffer, false);
            var wb = doc.WorkbookPart ?? throw new SheetFileException("工作簿中没有工作表。");
            var sheet = wb.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new SheetFileException("工作簿中没有工作表。");
            var part = (WorksheetPart)wb.GetPartById(sheet.Id!.Value!);
            var shared = wb.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
            var rows = new List<SheetRow>();
            foreach (var row in part.Worksheet.Descendants<Row>())
            {
                var cells = new List<string>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var col = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
                    while (cells.Count < col) cells.Add("");
                    cells.Add(CellText(cell, shared));
                }
                rows.Add(new SheetRow((int)(row.RowIndex?.Value ?? (uint)rows.Count + 1), cells));
            }
            if (rows.Count == 0) throw new SheetFileException("文件是空的：工作表中没有任何内容。");
            return new SheetTable(rows[0].Cells.Select(c => c.Trim()).ToList(), rows.Skip(1).ToList());
        }
        catch (Exception ex) when (ex is not SheetFileException)
        {
            throw new SheetFileException("文件不是有效的 .xlsx 工作簿，无法打开：" + ex.Message);
        }
    }

    private static string CellText(Cell cell, string[] shared)
    {
        if (cell.DataType?.Value == CellValues.SharedString)
            return int.TryParse(cell.CellValue?.Text, out var i) && i < shared.Length ? shared[i] : "";
        if (cell.DataType?.Value == CellValues.InlineString) return cell.InlineString?.InnerText ?? "";
        if (cell.DataType?.Value == CellValues.Boolean) return cell.CellValue?.Text == "1" ? "TRUE" : "FALSE";
        return cell.CellValue?.Text ?? "";
    }

    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter)) index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        return index - 1;
    }

    private static SheetTable ReadCsv(byte[] bytes)
    {
        string text;
        try { text = new UTF8Encoding(false, true).GetString(bytes); }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            text = Encoding.GetEncoding("GB18030").GetString(bytes);
        }
        if (text.Contains('\0')) throw new SheetFileException("文件不是文本格式的 CSV（包含二进制内容）。");
        text = text.TrimStart('\uFEFF');
        var rows = Csv.Parse(text).Select((cells, i) => new SheetRow(i + 1, cells)).ToList();
        if (rows.Count == 0) throw new SheetFileException("文件是空的：没有任何内容。");
        return new SheetTable(rows[0].Cells.Select(c => c.Trim()).ToList(), rows.Skip(1).ToList());
    }
}
