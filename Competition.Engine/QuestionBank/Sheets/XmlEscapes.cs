using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Competition.Engine.QuestionBank.Sheets;

/// <summary>
/// SpreadsheetML's escape for characters XML cannot carry (ECMA-376 ST_Xstring): Excel writes a control character
/// U+0001 as "_x0001_" and a literal "_x0001_" as "_x005F_x0001_". Reading decodes them, so the text rule sees the
/// control character the organizer pasted and names it; writing escapes a literal "_xHHHH_" so a round trip is exact.
/// </summary>
internal static partial class XmlEscapes
{
    [GeneratedRegex("_x([0-9A-Fa-f]{4})_")]
    private static partial Regex Escape();

    public static void Decode(StringBuilder text, int from)
    {
        if (text.Length - from < 7 || text.ToString(from, text.Length - from).IndexOf("_x", StringComparison.Ordinal) < 0) return;
        var decoded = Escape().Replace(text.ToString(from, text.Length - from), m => ((char)int.Parse(m.Groups[1].Value, NumberStyles.HexNumber)).ToString());
        text.Length = from;
        text.Append(decoded);
    }

    /// <summary>A literal "_xHHHH_" in a cell, escaped so Excel and <see cref="Decode"/> read it back as written.</summary>
    public static string EncodeLiterals(string text) =>
        text.Contains("_x", StringComparison.Ordinal) ? Escape().Replace(text, m => "_x005F" + m.Value) : text;
}
