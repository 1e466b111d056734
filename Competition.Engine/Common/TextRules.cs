using System.Globalization;
using System.Text;

namespace Competition.Engine.Common;

/// <summary>How a field's text is laid out, which decides what cleaning does with line breaks and widths.</summary>
public enum TextShape
{
    /// <summary>Names, titles, options: one line; line breaks and tabs become spaces, runs of spaces collapse.</summary>
    Line,
    /// <summary>Stems, explanations, reference answers (Markdown): line breaks kept as \n.</summary>
    Lines,
    /// <summary>Ids and numbers typed by people: one line, and full-width letters and digits become ASCII (NFKC).</summary>
    Code,
}

/// <summary>A text field of an import or a form: its name (for form errors), its label (for messages) and its limit.</summary>
/// <param name="MaxLength">In characters (Unicode code points), as PostgreSQL counts varchar(n).</param>
public sealed record TextField(string Name, string Label, int MaxLength, TextShape Shape = TextShape.Line, bool Required = true)
{
    public CleanText Clean(string? raw) => TextRules.Clean(raw, this);

    /// <summary>The cleaned value; call after validation has refused every problem.</summary>
    public string Value(string? raw) => TextRules.Clean(raw, this).Value;

    public ValidationError? Error(string? raw) => TextRules.Clean(raw, this).Problem is { } p ? new ValidationError(Name, p) : null;
}

/// <summary>The cleaned text, or (when <see cref="Problem"/> says why it is refused) the text as it came.</summary>
public readonly record struct CleanText(string Value, string? Problem);

/// <summary>
/// The one rule for text that people type or import, used by every import and form. Invisible formatting characters
/// (zero-width spaces and joiners, word joiner, BOM, soft hyphen, direction marks) are dropped, odd spaces become plain
/// spaces, line breaks become \n, and the result is Unicode-normalized (NFC; NFKC for codes), so "钢" and "钢\u200b"
/// are the same text. Characters that have no business in a name or a question and can break exports or disguise
/// text (C0/C1 control characters, NUL, bidi overrides and isolates, lone surrogates, noncharacters, U+FFFD from a
/// wrongly decoded file) are refused with their position, because silently dropping them could change meaning.
/// </summary>
public static class TextRules
{
    public static CleanText Clean(string? raw, TextField field)
    {
        var (text, problem) = Normalize(raw ?? "", field.Shape);
        if (problem is not null) return new(text, $"{field.Label}{problem}");
        if (text.Length == 0) return new(text, field.Required ? $"请填写{field.Label}" : null);
        var length = Length(text);
        if (length > field.MaxLength) return new(text, $"{field.Label}不能超过 {field.MaxLength} 个字（现有 {length} 个字），请缩短后重试");
        return new(text, null);
    }

    /// <summary>The comparison key of a name: cleaned, full-width folded, case-folded and without any whitespace, so
    /// "马钢 集团", "马钢集团" and "马钢　集团" (or "Abc" and "ＡＢＣ") are one name.</summary>
    public static string Key(string? text)
    {
        var (clean, _) = Normalize(text ?? "", TextShape.Code);
        var sb = new StringBuilder(clean.Length);
        foreach (var ch in clean) if (!char.IsWhiteSpace(ch)) sb.Append(char.ToUpperInvariant(ch));
        return sb.ToString();
    }

    /// <summary>The text as people compare two options of one question: cleaned (NFC) and without whitespace, so "钢"
    /// and "钢\u200b" or "10 mm" and "10mm" are one option; case and width are kept ("m" and "M" are different units).</summary>
    public static string Compact(string? text)
    {
        var (clean, _) = Normalize(text ?? "", TextShape.Line);
        return string.Concat(clean.Where(c => !char.IsWhiteSpace(c)));
    }

    /// <summary>Characters counted as people (and PostgreSQL) count them: a surrogate pair is one.</summary>
    public static int Length(string text)
    {
        var n = 0;
        for (var i = 0; i < text.Length; i++) { if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++; n++; }
        return n;
    }

    /// <summary>A value quoted in a message: short, one line and free of control characters, so a 1 MB or hostile
    /// cell cannot blow up a report or disguise it.</summary>
    public static string Quote(string? value, int max = 20)
    {
        var sb = new StringBuilder();
        var count = 0;
        foreach (var rune in (value ?? "").EnumerateRunes())
        {
            if (count++ == max) { sb.Append('…'); break; }
            sb.Append(Rune.IsControl(rune) || IsRefused(rune.Value) || IsInvisible(rune.Value) ? $"<U+{rune.Value:X4}>" : rune.ToString());
        }
        return sb.ToString();
    }

    /// <summary>Drops what XML 1.0 cannot hold (control characters, lone surrogates, U+FFFE/U+FFFF), for exports of
    /// data that may predate these rules: an export must never fail on a bad character already in the database.</summary>
    public static string ForXml(string value)
    {
        if (IsXmlSafe(value)) return value;
        var sb = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) { sb.Append(c).Append(value[++i]); continue; }
            if (char.IsSurrogate(c)) { sb.Append('\uFFFD'); continue; }
            if (c is '\t' or '\n' or '\r' || (c >= 0x20 && c is not ('\uFFFE' or '\uFFFF'))) sb.Append(c);
        }
        return sb.ToString();
    }

    private static bool IsXmlSafe(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c < 0x20 && c is not ('\t' or '\n' or '\r')) return false;
            if (c is '\uFFFE' or '\uFFFF') return false;
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c)) return false;
        }
        return true;
    }

    /// <summary>A short token as a person may type it (an answer letter, 对/错): full-width folded to ASCII, invisible and
    /// control characters dropped. Never throws, also not on a lone surrogate from a hostile request.</summary>
    public static string Fold(string? raw) => Normalize(raw ?? "", TextShape.Code, dropRefused: true).Text;

    /// <summary>For metadata nobody should be refused over (an uploaded file's name): cleaned, refused characters
    /// dropped, cut to <paramref name="max"/> characters.</summary>
    public static string Sanitize(string? raw, int max)
    {
        var (text, _) = Normalize(raw ?? "", TextShape.Line, dropRefused: true);
        if (Length(text) <= max) return text;
        var runes = text.EnumerateRunes().Take(max - 1);
        return string.Concat(runes.Select(r => r.ToString())) + "…";
    }

    private static (string Text, string? Problem) Normalize(string raw, TextShape shape, bool dropRefused = false)
    {
        var sb = new StringBuilder(raw.Length);
        var position = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            position++;
            var c = raw[i];
            int code = c;
            if (char.IsHighSurrogate(c) && i + 1 < raw.Length && char.IsLowSurrogate(raw[i + 1])) code = char.ConvertToUtf32(c, raw[++i]);
            else if (char.IsSurrogate(c) && dropRefused) continue;
            else if (char.IsSurrogate(c)) return (raw, $"含有无效的字符编码（孤立的代理项 U+{code:X4}，第 {position} 个字符），文件编码可能有误，请检查后重试");

            if (code is '\r')
            {
                if (i + 1 < raw.Length && raw[i + 1] == '\n') i++;
                sb.Append(shape == TextShape.Lines ? '\n' : ' ');
            }
            else if (code is '\n' or 0x2028 or 0x2029 or 0x85) sb.Append(shape == TextShape.Lines ? '\n' : ' ');
            else if (code == '\t') sb.Append(shape == TextShape.Lines ? '\t' : ' ');
            else if (IsOddSpace(code)) sb.Append(' ');
            else if (IsInvisible(code))
            {
                // A zero-width joiner inside an emoji sequence (👩‍🔧) is part of the emoji; anywhere else it only hides text.
                if (code == 0x200D && sb.Length > 0 && (char.IsLowSurrogate(sb[^1]) || sb[^1] == '\uFE0F') && i + 1 < raw.Length && char.IsHighSurrogate(raw[i + 1]))
                    sb.Append(c);
            }
            else if (IsRefused(code) && dropRefused) continue;
            else if (IsRefused(code)) return (raw, $"含有不允许的{Describe(code)} U+{code:X4}（第 {position} 个字符），请删除后重试");
            else if (code > 0xFFFF) sb.Append(char.ConvertFromUtf32(code));
            else sb.Append(c);
        }

        var text = sb.ToString().Normalize(shape == TextShape.Code ? NormalizationForm.FormKC : NormalizationForm.FormC);
        return (shape == TextShape.Lines ? TrimLines(text) : CollapseSpaces(text), null);
    }

    private static string CollapseSpaces(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
            if (c != ' ' || (sb.Length > 0 && sb[^1] != ' ')) sb.Append(c);
        return sb.ToString().Trim();
    }

    /// <summary>Leading and trailing blank lines and spaces go; inner lines are kept as written (Markdown needs them).</summary>
    private static string TrimLines(string text) => text.Trim(' ', '\n', '\t', '\u3000');

    private static bool IsOddSpace(int c) => c is 0xA0 or 0x1680 or (>= 0x2000 and <= 0x200A) or 0x202F or 0x205F;

    /// <summary>Characters that draw nothing: dropping them changes no visible text.</summary>
    private static bool IsInvisible(int c) =>
        c is 0x200B or 0x200C or 0x200D or 0x2060 or 0xFEFF or 0xAD or 0x200E or 0x200F or 0x061C or 0x180E
            or (>= 0x2061 and <= 0x2064) or (>= 0xE0000 and <= 0xE007F);

    private static bool IsRefused(int c) =>
        c < 0x20 || c is (>= 0x7F and <= 0x9F) or (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069)
            or 0xFFFD or 0xFFFE or 0xFFFF or (>= 0xFDD0 and <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;

    private static string Describe(int c) => c switch
    {
        0 => "空字符 (NUL)",
        0xFFFD => "乱码替换字符（文件编码可能有误）",
        (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069) => "文字方向控制字符（可用来伪装文字顺序）",
        _ when CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Control => "控制字符",
        _ => "非字符码位",
    };
}
