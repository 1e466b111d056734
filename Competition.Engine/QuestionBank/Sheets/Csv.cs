using System.Text;

namespace Competition.Engine.QuestionBank.Sheets;

/// <summary>RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. Records are numbered as Excel shows them.</summary>
public static class Csv
{
    public static List<string[]> Parse(string text) => Read(new StringReader(text)).Select(r => r.Fields).ToList();

    /// <summary>
    /// Reads records one at a time, so a caller that stops (at a row limit) never holds the rest. A field is refused
    /// past <paramref name="maxField"/> characters before it is complete, and a quote left open is reported with its
    /// row instead of swallowing the rest of the file into one cell.
    /// </summary>
    public static IEnumerable<(int Number, string[] Fields)> Read(TextReader reader, char delimiter = ',', int maxField = SheetLimits.MaxCellChars)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var fieldStarted = false;
        var number = 1;
        var quoteRow = 0;
        int next;
        while ((next = reader.Read()) >= 0)
        {
            var c = (char)next;
            if (quoted)
            {
                if (c == '"' && reader.Peek() == '"') { field.Append('"'); reader.Read(); }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"' && field.Length == 0 && !fieldStarted) { quoted = true; fieldStarted = true; quoteRow = number; }
            else if (c == delimiter) { fields.Add(field.ToString()); field.Clear(); fieldStarted = false; }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && reader.Peek() == '\n') reader.Read();
                fields.Add(field.ToString()); field.Clear(); fieldStarted = false;
                yield return (number++, [.. fields]);
                fields.Clear();
            }
            else { field.Append(c); fieldStarted = true; }
            if (field.Length > maxField)
                throw new SheetFileException(quoted
                    ? $"第 {quoteRow} 行的引号没有闭合（或单元格超过 {maxField:N0} 字上限）：请检查该行的双引号后重试。"
                    : $"第 {number} 行有单元格超过 {maxField:N0} 字上限（Excel 单元格的上限）：请缩短后重试。");
        }
        if (quoted) throw new SheetFileException($"第 {quoteRow} 行的引号没有闭合：文件在引号内结束，请检查该行的双引号后重试。");
        if (field.Length > 0 || fields.Count > 0) { fields.Add(field.ToString()); yield return (number, [.. fields]); }
    }

    public static string Write(IEnumerable<IReadOnlyList<string>> rows)
    {
        var sb = new StringBuilder();
        foreach (var row in rows)
            sb.AppendJoin(',', row.Select(Quote)).Append("\r\n");
        return sb.ToString();
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}
