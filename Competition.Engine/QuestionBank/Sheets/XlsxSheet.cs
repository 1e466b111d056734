using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Competition.Engine.QuestionBank.Sheets;

/// <summary>
/// Streams the first worksheet of an .xlsx with a forward-only XmlReader (SAX style), straight from the zip: the
/// shared strings into an array, then the sheet a row at a time into <see cref="SheetRows"/>, which stops at the row
/// limit. The DOM (SpreadsheetDocument + Worksheet) held a million-row sheet as objects, 2 GB for a 141 KB file.
/// Elements are matched by local name, so transitional and strict OOXML (and WPS/LibreOffice files) read alike.
/// Zip bombs: .NET never inflates an entry past the size its directory declares, so checking the declared sizes
/// before reading bounds what is inflated; DTDs are prohibited (no entity expansion, no external files).
/// </summary>
internal static class XlsxSheet
{
    private const long MaxSmallPartBytes = 16L * 1024 * 1024;

    /// <summary>One read buffer per thread: a sheet has up to a million cells, and a fresh buffer each was gigabytes of garbage.</summary>
    [ThreadStatic] private static char[]? _chunk;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    public static void Read(MemoryStream buffer, SheetRows rows)
    {
        var head = buffer.GetBuffer();
        if (buffer.Length < 4 || head[0] != (byte)'P' || head[1] != (byte)'K')
            throw new SheetFileException("文件不是有效的 .xlsx 工作簿（文件内容不是 Excel 格式），请在 Excel 中另存为 .xlsx 后重试。");
        try
        {
            using var zip = new ZipArchive(buffer, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > SheetLimits.MaxZipEntries)
                throw new SheetFileException($"工作簿中有 {zip.Entries.Count:N0} 个内部文件，不像正常的 Excel 文件：请在 Excel 中另存为 .xlsx 后重试。");
            var workbookPath = Target(zip, "_rels/.rels", "", "officeDocument") ?? "xl/workbook.xml";
            var folder = workbookPath.Contains('/') ? workbookPath[..(workbookPath.LastIndexOf('/') + 1)] : "";
            var relsPath = folder + "_rels/" + workbookPath[folder.Length..] + ".rels";
            var sheetId = FirstSheetRelationship(Open(zip, workbookPath, MaxSmallPartBytes, "工作簿"))
                          ?? throw new SheetFileException("工作簿中没有工作表。");
            var sheetPath = Target(zip, relsPath, folder, null, sheetId) ?? throw new SheetFileException("工作簿中没有工作表。");
            var sharedPath = Target(zip, relsPath, folder, "sharedStrings");
            var shared = sharedPath is null || zip.GetEntry(sharedPath) is null ? [] : SharedStrings(Open(zip, sharedPath, SheetLimits.MaxSharedStringsXmlBytes, "共享字符串表"));
            Worksheet(Open(zip, sheetPath, SheetLimits.MaxSheetXmlBytes, "工作表"), shared, rows);
        }
        catch (XmlException ex)
        {
            throw new SheetFileException($"文件不是有效的 .xlsx 工作簿：内部 XML 有误（{ex.Message}）。请在 Excel 中打开并另存为 .xlsx 后重试。");
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or NotSupportedException)
        {
            throw new SheetFileException("文件不是有效的 .xlsx 工作簿，无法打开：" + ex.Message);
        }
    }

    /// <summary>Refuses a part whose inflated size is out of all proportion before a byte of it is inflated.</summary>
    private static XmlReader Open(ZipArchive zip, string path, long maxBytes, string what)
    {
        var entry = zip.GetEntry(path) ?? throw new SheetFileException($"文件不是有效的 .xlsx 工作簿：缺少{what}（{path}）。");
        if (entry.Length > maxBytes)
            throw new SheetFileException($"{what}解压后有 {entry.Length / 1024.0 / 1024.0:N0} MB，超过 {maxBytes / 1024 / 1024} MB 上限" +
                                         $"（压缩文件只有 {entry.CompressedLength / 1024.0:N0} KB，压缩比异常）：请删除多余的行和列，或拆分成多个文件后重试。");
        return XmlReader.Create(entry.Open(), Settings);
    }

    /// <summary>The target of a relationship (by type suffix, or by id) in a .rels part, as a zip entry path.</summary>
    private static string? Target(ZipArchive zip, string relsPath, string folder, string? typeSuffix, string? id = null)
    {
        if (zip.GetEntry(relsPath) is null) return null;
        using var r = Open(zip, relsPath, MaxSmallPartBytes, "关系表");
        while (r.Read())
        {
            if (r.NodeType != XmlNodeType.Element || r.LocalName != "Relationship") continue;
            var matches = id is not null ? r.GetAttribute("Id") == id : r.GetAttribute("Type")?.EndsWith("/" + typeSuffix, StringComparison.Ordinal) == true;
            if (!matches) continue;
            var target = r.GetAttribute("Target") ?? "";
            return target.StartsWith('/') ? target[1..] : Resolve(folder, target);
        }
        return null;
    }

    private static string Resolve(string folder, string target)
    {
        var parts = new List<string>(folder.Split('/', StringSplitOptions.RemoveEmptyEntries));
        foreach (var p in target.Split('/'))
            if (p == "..") { if (parts.Count > 0) parts.RemoveAt(parts.Count - 1); }
            else if (p is not ("." or "")) parts.Add(p);
        return string.Join('/', parts);
    }

    private static string? FirstSheetRelationship(XmlReader r)
    {
        using (r)
            while (r.Read())
                if (r.NodeType == XmlNodeType.Element && r.LocalName == "sheet")
                    for (var i = 0; i < r.AttributeCount; i++)
                    {
                        r.MoveToAttribute(i);
                        if (r.LocalName == "id" && r.NamespaceURI.Contains("relationships", StringComparison.Ordinal)) return r.Value;
                    }
        return null;
    }

    private static string[] SharedStrings(XmlReader r)
    {
        var strings = new List<string>();
        var text = new StringBuilder();
        using (r)
            while (r.Read())
            {
                if (r.NodeType != XmlNodeType.Element || r.LocalName != "si") continue;
                if (strings.Count >= SheetLimits.MaxSharedStrings)
                    throw new SheetFileException($"共享字符串表超过 {SheetLimits.MaxSharedStrings:N0} 项上限：请删除多余内容或拆分成多个文件后重试。");
                text.Clear();
                var oversized = !r.IsEmptyElement && ReadRichText(r, text, null);
                strings.Add(oversized ? Oversized : text.ToString());
            }
        return [.. strings];
    }

    private static void Worksheet(XmlReader r, string[] shared, SheetRows rows)
    {
        using (r)
        {
            var rowNumber = 0;
            var value = new StringBuilder();
            while (r.Read())
            {
                if (r.NodeType != XmlNodeType.Element || r.LocalName != "row") continue;
                rowNumber = int.TryParse(r.GetAttribute("r"), out var n) && n > rowNumber && n <= 1_048_576 ? n : rowNumber + 1;
                var cells = new List<string>();
                if (!r.IsEmptyElement)
                {
                    var depth = r.Depth;
                    while (r.Read() && !(r.NodeType == XmlNodeType.EndElement && r.Depth == depth))
                    {
                        if (r.NodeType != XmlNodeType.Element || r.LocalName != "c") continue;
                        var column = ColumnIndex(r.GetAttribute("r")) ?? cells.Count;
                        var text = Cell(r, shared, value, rowNumber, column);
                        if (column >= SheetLimits.MaxColumns)
                        {
                            if (text.Length > 0) throw new SheetFileException($"第 {rowNumber} 行第 {column + 1} 列有内容，超过 {SheetLimits.MaxColumns} 列上限：请删除模板以外的列后重试。");
                            continue;
                        }
                        while (cells.Count < column) cells.Add("");
                        if (column < cells.Count) cells[column] = text; else cells.Add(text);
                    }
                }
                rows.Add(rowNumber, cells);
            }
        }
    }

    private static string Cell(XmlReader r, string[] shared, StringBuilder value, int row, int column)
    {
        var type = r.GetAttribute("t");
        value.Clear();
        if (r.IsEmptyElement) return "";
        var depth = r.Depth;
        var where = $"第 {row} 行第 {column + 1} 列";
        var more = r.Read();
        while (more && !(r.NodeType == XmlNodeType.EndElement && r.Depth == depth))
        {
            if (r.NodeType == XmlNodeType.Element && !r.IsEmptyElement)
            {
                if (r.LocalName == "v") ReadText(r, value, where);
                else if (r.LocalName == "is") ReadRichText(r, value, where);
                // Formulas (<f>) and extensions: the cached value is what the organizer sees. Skip() already moves on.
                else { r.Skip(); more = !r.EOF; continue; }
            }
            more = r.Read();
        }
        var text = value.ToString();
        if (type == "s" && int.TryParse(text, out var s) && s >= 0 && s < shared.Length && ReferenceEquals(shared[s], Oversized)) TooLong(where);
        return type switch
        {
            "s" => int.TryParse(text, out var i) && i >= 0 && i < shared.Length ? shared[i] : "",
            "b" => text == "1" ? "TRUE" : "FALSE",
            _ => text,
        };
    }

    /// <summary>The text of an inline string or shared string item: its &lt;t&gt; runs, without phonetic guides (&lt;rPh&gt;).</summary>
    /// <returns>Whether the text passed the cell limit (only when <paramref name="where"/> is null; otherwise that throws).</returns>
    private static bool ReadRichText(XmlReader r, StringBuilder into, string? where)
    {
        var overflow = false;
        var depth = r.Depth;
        var more = r.Read();
        while (more && !(r.NodeType == XmlNodeType.EndElement && r.Depth == depth))
        {
            if (r.NodeType == XmlNodeType.Element && !r.IsEmptyElement)
            {
                if (r.LocalName == "rPh") { r.Skip(); more = !r.EOF; continue; }
                if (r.LocalName == "t")
                {
                    var start = into.Length;
                    overflow |= ReadText(r, into, where);
                    XmlEscapes.Decode(into, start);
                }
            }
            more = r.Read();
        }
        return overflow;
    }

    /// <summary>Reads the text of the current element in chunks, refusing a cell past Excel's limit before it is in memory.</summary>
    private static bool ReadText(XmlReader r, StringBuilder into, string? where)
    {
        var depth = r.Depth;
        var overflow = false;
        var chunk = _chunk ??= new char[4096];
        while (r.Read() && !(r.NodeType == XmlNodeType.EndElement && r.Depth == depth))
        {
            if (r.NodeType is not (XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)) continue;
            int n;
            while ((n = r.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
            {
                if (overflow) continue;
                into.Append(chunk, 0, n);
                if (into.Length <= SheetLimits.MaxCellChars) continue;
                if (where is not null) TooLong(where);
                // A shared string is only known to be someone's cell later: remember that it is too long, not its text.
                overflow = true;
                into.Length = SheetLimits.MaxCellChars;
            }
        }
        return overflow;
    }

    private static void TooLong(string where) =>
        throw new SheetFileException($"{where}的单元格超过 {SheetLimits.MaxCellChars:N0} 字上限（Excel 单元格的上限）：请缩短后重试。");

    /// <summary>Stands in the shared-string array for a string past the cell limit; compared by reference.</summary>
    private static readonly string Oversized = new('\0', 1);

    /// <summary>"C7" → 2. A reference past Excel's last column (XFD) counts as beyond the limit rather than overflowing.</summary>
    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var index = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z') index = index * 26 + (c - 'A' + 1);
            else if (c is >= 'a' and <= 'z') index = index * 26 + (c - 'a' + 1);
            else break;
            if (++letters > 3) return int.MaxValue;
        }
        return letters == 0 ? null : index - 1;
    }
}
