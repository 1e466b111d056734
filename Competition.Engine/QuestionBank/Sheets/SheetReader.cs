namespace Competition.Engine.QuestionBank.Sheets;

/// <summary>
/// Reads the first worksheet of an .xlsx file, or a CSV file (UTF-8, UTF-16 or GB18030 as saved by Chinese Excel),
/// streaming: a row at a time, never the whole sheet as a document. Every axis of a hostile sheet is bounded with a
/// message that says the limit and what to do: file size, data rows, columns, cell length, and what the archive
/// inflates to (see <see cref="SheetLimits"/>).
/// </summary>
public static class SheetReader
{
    public const long MaxBytes = SheetLimits.MaxFileBytes;

    public static SheetTable Read(Stream content, string fileName, long length)
    {
        if (length == 0) throw new SheetFileException("文件是空的（0 字节），请上传填写好的模板。");
        if (length > MaxBytes) throw TooLarge(length);
        var ext = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        if (ext is not (".xlsx" or ".csv"))
            throw new SheetFileException($"不支持的文件类型 '{Common.TextRules.Quote(ext)}'：请上传 .xlsx 或 .csv 文件（旧版 .xls 请先在 Excel 中另存为 .xlsx）。");
        var buffer = CopyBounded(content);
        if (buffer.Length == 0) throw new SheetFileException("文件是空的（0 字节），请上传填写好的模板。");
        var rows = new SheetRows();
        if (ext == ".xlsx") XlsxSheet.Read(buffer, rows);
        else CsvSheet.Read(buffer.ToArray(), rows);
        return rows.ToTable();
    }

    /// <summary>The declared length may be wrong (a CLI pipe, a lying client); the copy itself stops at the limit.</summary>
    private static MemoryStream CopyBounded(Stream content)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = content.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, n);
            if (buffer.Length > MaxBytes) throw TooLarge(buffer.Length);
        }
        buffer.Position = 0;
        return buffer;
    }

    private static SheetFileException TooLarge(long length) =>
        new($"文件大小 {length / 1024.0 / 1024.0:F1} MB，超过 {MaxBytes / 1024 / 1024} MB 上限；请按工种拆分后分别导入。");
}

/// <summary>The bounds of one import. Each is far above a real sheet and far below what would hurt the server.</summary>
public static class SheetLimits
{
    public const long MaxFileBytes = 10 * 1024 * 1024;
    /// <summary>Data rows (after the header, blank rows not counted) read from one file.</summary>
    public const int MaxDataRows = 50_000;
    /// <summary>Columns that may hold data; the templates have at most 17.</summary>
    public const int MaxColumns = 64;
    /// <summary>Excel's own limit for one cell.</summary>
    public const int MaxCellChars = 32_767;
    /// <summary>What the worksheet may inflate to; 50,000 real rows need far less.</summary>
    public const long MaxSheetXmlBytes = 128L * 1024 * 1024;
    public const long MaxSharedStringsXmlBytes = 64L * 1024 * 1024;
    public const int MaxSharedStrings = 1_000_000;
    public const int MaxZipEntries = 10_000;

    public static string RowLimitMessage(int rowNumber) =>
        $"文件的数据行超过 {MaxDataRows:N0} 行上限（读到第 {rowNumber:N0} 行时停止，未导入任何内容）：请按工种或等级拆分成每份不超过 {MaxDataRows:N0} 行的文件，分别导入。";
}

/// <summary>Collects rows as a reader produces them and enforces the row, column and cell limits as it goes.</summary>
internal sealed class SheetRows
{
    private IReadOnlyList<string>? _headers;
    private readonly List<SheetRow> _rows = [];
    private int _dataRows;

    public void Add(int number, List<string> cells)
    {
        for (var c = 0; c < cells.Count; c++)
        {
            if (cells[c].Length > SheetLimits.MaxCellChars)
                throw new SheetFileException($"第 {number} 行第 {c + 1} 列的单元格有 {cells[c].Length:N0} 个字，超过 {SheetLimits.MaxCellChars:N0} 字上限（Excel 单元格的上限）：请缩短后重试。");
            if (c >= SheetLimits.MaxColumns && cells[c].Length > 0)
                throw new SheetFileException($"第 {number} 行第 {c + 1} 列有内容，超过 {SheetLimits.MaxColumns} 列上限：请删除模板以外的列后重试。");
        }
        var last = cells.FindLastIndex(s => s.Length > 0);
        if (cells.Count > last + 1) cells.RemoveRange(last + 1, cells.Count - last - 1);

        if (cells.All(string.IsNullOrWhiteSpace)) return;
        // The header is the first row with content (Excel may write formatted blank rows above it).
        if (_headers is null) { _headers = cells.Select(c => c.Trim()).ToList(); return; }
        if (++_dataRows > SheetLimits.MaxDataRows) throw new SheetFileException(SheetLimits.RowLimitMessage(number));
        _rows.Add(new SheetRow(number, cells));
    }

    public SheetTable ToTable()
    {
        if (_headers is null || _headers.All(string.IsNullOrWhiteSpace))
            throw new SheetFileException("文件是空的：第 1 行应为模板的列名，请下载模板填写后再上传。");
        if (_rows.Count == 0) throw new SheetFileException("文件中只有列名，没有数据行。");
        return new SheetTable(_headers, _rows);
    }
}
