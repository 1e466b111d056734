using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Competition.Engine.QuestionBank;

/// <summary>
/// Which addresses question text may link to: http, https and relative links; images only from the site itself
/// (relative addresses). Pure. Judged as a browser would read the address: control characters, whitespace and
/// invisible characters removed, HTML entities decoded, scheme compared without case.
/// </summary>
public static partial class LinkPolicy
{
    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex SchemePrefix();

    public static bool IsSafeLink(string? url) => Readings(url).All(u => Scheme(u) is null or "http" or "https");

    /// <summary>Relative only: no scheme and no other host (//host, /\host and \\host all name another host).</summary>
    public static bool IsSiteImage(string? url) => Readings(url).All(u => Scheme(u) is null && !OtherHost(u));

    public static bool IsAbsolute(string? url) => Readings(url).Any(u => Scheme(u) is not null || OtherHost(u));

    // The address as written and as an HTML decoder would read it; both must pass.
    private static IEnumerable<string> Readings(string? url)
    {
        var raw = Normalize(url ?? "");
        yield return raw;
        var decoded = Normalize(WebUtility.HtmlDecode(raw));
        if (decoded != raw) yield return decoded;
    }

    // Browsers drop leading/trailing controls and spaces and every tab and newline; removing all of them (and
    // invisible format characters) can only make an address look more like a scheme, never less.
    private static string Normalize(string url) => string.Concat(url.Where(c =>
        c > ' ' && c != '\u007f' && CharUnicodeInfo.GetUnicodeCategory(c) is not UnicodeCategory.Format and not UnicodeCategory.Control and not UnicodeCategory.SpaceSeparator));

    private static string? Scheme(string url)
    {
        var m = SchemePrefix().Match(url);
        return m.Success ? m.Value[..^1].ToLowerInvariant() : null;
    }

    private static bool OtherHost(string url) => url.Length >= 2 && url[0] is '/' or '\\' && url[1] is '/' or '\\';
}
