using System.IO.Compression;
using System.Security;
using System.Text;

namespace Competition.Tests.Unit.QuestionBank;

/// <summary>
/// Hostile workbooks written as raw SpreadsheetML into a zip, row by row, so a million-row sheet costs a second to make
/// and little memory (the OpenXml DOM would need gigabytes, which is the point of the tests).
/// </summary>
public static class HostileSheets
{
    /// <summary>
    /// A header row, then <paramref name="rows"/> copies of the same data row (as shared strings, like Excel saves),
    /// written without cell references so that they repeat byte for byte: a million rows deflate to some 100 KB,
    /// like the 141 KB sheet of the report.
    /// </summary>
    public static byte[] ManyRows(IReadOnlyList<string> header, IReadOnlyList<string> row, int rows) =>
        Workbook(header.Concat(row).Distinct().ToList(), w =>
        {
            var strings = header.Concat(row).Distinct().ToList();
            WriteRow(w, 1, header.Select(h => strings.IndexOf(h)).ToList());
            var data = "<row>" + string.Concat(row.Select(c => $"<c t=\"s\"><v>{strings.IndexOf(c)}</v></c>")) + "</row>";
            for (var r = 2; r <= rows + 1; r++) w.Write(data);
        }, CompressionLevel.Fastest);

    /// <summary>
    /// Rows of text as Excel saves them: shared strings, with what XML cannot carry written in SpreadsheetML's own escape
    /// (a control character U+0001 as "_x0001_"), which <c>XlsxWriter</c> would refuse to write.
    /// </summary>
    public static byte[] Rows(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var strings = rows.SelectMany(r => r).Distinct().ToList();
        var escaped = strings.Select(s => string.Concat(s.Select(c => c < 0x20 && c is not ('\t' or '\n' or '\r') || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF' ? $"_x{(int)c:X4}_" : c.ToString()))).ToList();
        return Workbook(escaped, w =>
        {
            for (var r = 0; r < rows.Count; r++) WriteRow(w, r + 1, rows[r].Select(c => strings.IndexOf(c)).ToList());
        });
    }

    /// <summary>A sheet whose rows are written by <paramref name="sheetData"/> (inside &lt;sheetData&gt;), with the given shared strings.</summary>
    public static byte[] Workbook(IReadOnlyList<string> sharedStrings, Action<TextWriter> sheetData, CompressionLevel level = CompressionLevel.Optimal)
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            Entry(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>""");
            Entry(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Entry(zip, "xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="题库" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Entry(zip, "xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>""");
            Entry(zip, "xl/sharedStrings.xml", w =>
            {
                w.Write("""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">""");
                foreach (var s in sharedStrings) w.Write($"<si><t xml:space=\"preserve\">{SecurityElement.Escape(s)}</t></si>");
                w.Write("</sst>");
            }, level);
            Entry(zip, "xl/worksheets/sheet1.xml", w =>
            {
                w.Write("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
                sheetData(w);
                w.Write("</sheetData></worksheet>");
            }, level);
        }
        return ms.ToArray();
    }

    public static void WriteRow(TextWriter w, int row, IReadOnlyList<int> sharedIndexes)
    {
        w.Write($"<row r=\"{row}\">");
        for (var c = 0; c < sharedIndexes.Count; c++) w.Write($"<c r=\"{Column(c)}{row}\" t=\"s\"><v>{sharedIndexes[c]}</v></c>");
        w.Write("</row>");
    }

    public static string Column(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26) name = (char)('A' + (index - 1) % 26) + name;
        return name;
    }

    private static void Entry(ZipArchive zip, string name, string text) => Entry(zip, name, w => w.Write(text), CompressionLevel.Optimal);

    private static void Entry(ZipArchive zip, string name, Action<TextWriter> write, CompressionLevel level)
    {
        using var w = new StreamWriter(zip.CreateEntry(name, level).Open(), new UTF8Encoding(false), 1 << 16);
        write(w);
    }
}
