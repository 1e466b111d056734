using Competition.Engine.Common;
using PdfSharp.Fonts;

namespace Competition.Engine.Rankings;

/// <summary>
/// The fonts certificates are drawn with. PDFsharp 6 reads only TrueType outlines from single font files, so Debian's
/// Noto CJK (CFF outlines in .ttc collections) cannot be used: Chinese comes from fonts-droid-fallback's TrueType file
/// and Latin letters and digits (which that file lacks) from fonts-dejavu-core. The resolver is installed on first use,
/// never at startup, so a machine without the fonts runs everything but certificates, and those say what to install.
/// </summary>
public static class CertificateFonts
{
    public const string Chinese = "CertificateCJK", Latin = "CertificateLatin";

    public static readonly string[] ChineseCandidates =
    [
        "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
        "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf",
    ];

    public static readonly string[] LatinCandidates =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    ];

    private static readonly Lock Gate = new();
    private static bool _installed;

    /// <summary>The first existing file of the candidates, or null.</summary>
    public static string? Find(IEnumerable<string> candidates) => candidates.FirstOrDefault(File.Exists);

    /// <summary>Installs the resolver once; refuses with what to install when a font file is missing.</summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (_installed) return;
            var chinese = Find(ChineseCandidates)
                ?? throw new RuleViolationException($"无法生成证书：缺少中文字体文件（{string.Join(" 或 ", ChineseCandidates)}）。请在服务器上安装 Debian 包 fonts-droid-fallback。");
            var latin = Find(LatinCandidates)
                ?? throw new RuleViolationException($"无法生成证书：缺少西文字体文件（{string.Join(" 或 ", LatinCandidates)}）。请在服务器上安装 Debian 包 fonts-dejavu-core。");
            GlobalFontSettings.FontResolver = new Resolver(File.ReadAllBytes(chinese), File.ReadAllBytes(latin));
            _installed = true;
        }
    }

    private sealed class Resolver(byte[] chinese, byte[] latin) : IFontResolver
    {
        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
            new(familyName == Latin ? Latin : Chinese, bold, italic);

        public byte[]? GetFont(string faceName) => faceName == Latin ? latin : chinese;
    }
}
