using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Competition.Engine.QuestionBank.Sheets;

/// <summary>
/// Reads a CSV file a record at a time. The encoding is decided on the bytes, strictly: a byte-order mark (UTF-8,
/// UTF-16 LE/BE, GB18030) wins; otherwise valid UTF-8, otherwise valid GB18030 (what Chinese Excel saves as "CSV").
/// A file that is UTF-8 but for a few broken bytes is reported at the row of the first one, rather than decoded as
/// GB18030 into nonsense; a file that is neither is refused with what to do.
/// </summary>
internal static class CsvSheet
{
    public static void Read(byte[] bytes, SheetRows rows)
    {
        var (encoding, skip) = Detect(bytes);
        var text = new StreamReader(new MemoryStream(bytes, skip, bytes.Length - skip), encoding, detectEncodingFromByteOrderMarks: false);
        var delimiter = Delimiter(bytes, skip, encoding);
        try
        {
            foreach (var (number, fields) in Csv.Read(text, delimiter))
            {
                if (number == 1 && fields.Length > 0) fields[0] = fields[0].TrimStart('\uFEFF');
                // NULs in the first line mean UTF-16 without a mark, or not text at all; a NUL in a cell further down is the
                // text rule's to name with its row and column.
                if (number == 1 && fields.Any(f => f.Contains('\0')))
                    throw new SheetFileException("第 1 行含有空字符 (NUL)：文件不是文本格式的 CSV（可能是无标记的 UTF-16 或二进制文件），请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后重试。");
                rows.Add(number, [.. fields]);
            }
        }
        catch (DecoderFallbackException)
        {
            throw new SheetFileException("文件含有当前编码无法识别的字节：请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后重试。");
        }
    }

    private static (Encoding Encoding, int Skip) Detect(byte[] b)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        if (b is [0xEF, 0xBB, 0xBF, ..]) return (Strict(new UTF8Encoding(false, true), b, 3), 3);
        if (b is [0xFF, 0xFE, 0, 0, ..] or [0, 0, 0xFE, 0xFF, ..])
            throw new SheetFileException("文件是 UTF-32 编码，不受支持：请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后重试。");
        if (b is [0xFF, 0xFE, ..]) return (Strict(new UnicodeEncoding(false, false, true), b, 2), 2);
        if (b is [0xFE, 0xFF, ..]) return (Strict(new UnicodeEncoding(true, false, true), b, 2), 2);
        if (b is [0x84, 0x31, 0x95, 0x33, ..]) return (Strict(Gb18030(), b, 4), 4);
        if (Utf8.IsValid(b)) return (new UTF8Encoding(false, true), 0);
        var (utf8Chars, badAt) = Utf8Prefix(b);
        // A header of Chinese column names alone holds a dozen; GB18030 text cannot pass for that many UTF-8 characters.
        if (utf8Chars >= 8)
            throw new SheetFileException($"第 {Row(b, badAt)} 行含有无效的 UTF-8 字节（文件其余部分是 UTF-8）：请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后重试。");
        return (Strict(Gb18030(), b, 0), 0);
    }

    private static Encoding Gb18030() =>
        Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

    private static Encoding Strict(Encoding encoding, byte[] b, int skip)
    {
        try { encoding.GetCharCount(b, skip, b.Length - skip); }
        catch (DecoderFallbackException)
        {
            throw new SheetFileException("文件编码无法识别（既不是有效的 UTF-8，也不是 GB18030）：请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后重试。");
        }
        return encoding;
    }

    /// <summary>How many multi-byte UTF-8 characters come before the first invalid byte, and where that byte is.</summary>
    private static (int MultiByte, int BadAt) Utf8Prefix(byte[] b)
    {
        var span = b.AsSpan();
        var multi = 0;
        var at = 0;
        while (at < span.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(span[at..], out var rune, out var used);
            if (status != OperationStatus.Done) break;
            if (used > 1) multi++;
            at += used;
        }
        return (multi, at);
    }

    private static int Row(byte[] b, int offset) => b.AsSpan(0, offset).Count((byte)'\n') + 1;

    /// <summary>Excel's "Unicode text" (UTF-16) is tab-separated; a header line with tabs and no commas is read that way.</summary>
    private static char Delimiter(byte[] b, int skip, Encoding encoding)
    {
        var lenient = (Encoding)encoding.Clone();
        lenient.DecoderFallback = DecoderFallback.ReplacementFallback;   // the sniffed prefix may end inside a character
        var head = lenient.GetString(b, skip, Math.Min(b.Length - skip, 4096) & ~1);
        var line = head.Split('\n')[0];
        return !line.Contains(',') && line.Contains('\t') ? '\t' : ',';
    }
}
