using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;

namespace Competition.Engine.Rankings;

/// <summary>What one certificate shows; <see cref="VerifyUrl"/> is the absolute address its QR code opens.</summary>
public sealed record CertificateData(string Code, string Name, string Unit, string ContestTitle, string Group, string AwardName,
    DateTime Date, string Organizer, int VersionNumber, string ContentHash, string VerifyUrl);

/// <summary>
/// Draws certificates: A4 landscape, 获奖证书, the person and the award, the organizing union and the date, and at the
/// foot the verification code, the result version and the first 12 characters of its content hash beside a QR code of
/// the verification address, so a printout can be checked against the public record by phone.
/// </summary>
public static class CertificatePdf
{
    private static readonly XColor Red = XColor.FromArgb(0xA3, 0x1B, 0x1B), Ink = XColor.FromArgb(0x22, 0x22, 0x22), Grey = XColor.FromArgb(0x66, 0x66, 0x66);

    public static byte[] Render(CertificateData d)
    {
        using var doc = NewDocument();
        Draw(doc, d);
        return Save(doc);
    }

    /// <summary>
    /// One PDF per certificate, rendered on every core (each document is separate; PDFsharp's font caches are shared
    /// under its own locks). The order of the result is the order of <paramref name="all"/>.
    /// </summary>
    public static byte[][] RenderEach(IReadOnlyList<CertificateData> all)
    {
        CertificateFonts.EnsureInstalled();
        var files = new byte[all.Count][];
        Parallel.For(0, all.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => files[i] = Render(all[i]));
        return files;
    }

    /// <summary>Several certificates as pages of one document.</summary>
    public static byte[] Render(IEnumerable<CertificateData> all)
    {
        using var doc = NewDocument();
        foreach (var d in all) Draw(doc, d);
        return Save(doc);
    }

    /// <summary>
    /// The QR code of an address as PNG bytes (error correction M: survives a crease or a stamp on a printout). QRCoder
    /// makes the module matrix; the PNG is written here as 8-bit RGB because PDFsharp's core build refuses the PNG that
    /// QRCoder's own writer produces ("Unsupported image format").
    /// </summary>
    public static byte[] QrPng(string url, int pixelsPerModule = 6)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var modules = data.ModuleMatrix;   // includes the quiet zone
        var size = modules.Count * pixelsPerModule;
        var raw = new byte[size * (1 + size * 3)];
        for (var y = 0; y < size; y++)
        {
            var row = y * (1 + size * 3);   // filter byte 0 (none), then RGB triples
            for (var x = 0; x < size; x++)
            {
                var v = modules[y / pixelsPerModule][x / pixelsPerModule] ? (byte)0 : (byte)255;
                raw[row + 1 + x * 3] = raw[row + 2 + x * 3] = raw[row + 3 + x * 3] = v;
            }
        }
        return Png.Rgb(size, size, raw);
    }

    private static PdfDocument NewDocument()
    {
        CertificateFonts.EnsureInstalled();
        var doc = new PdfDocument();
        doc.Info.Title = "获奖证书";
        return doc;
    }

    private static byte[] Save(PdfDocument doc)
    {
        using var stream = new MemoryStream();
        doc.Save(stream, false);
        return stream.ToArray();
    }

    private static void Draw(PdfDocument doc, CertificateData d)
    {
        var page = doc.AddPage();
        page.Width = XUnitPt.FromMillimeter(297);
        page.Height = XUnitPt.FromMillimeter(210);
        using var g = XGraphics.FromPdfPage(page);
        double w = page.Width.Point, h = page.Height.Point;

        g.DrawRectangle(new XPen(Red, 4), 24, 24, w - 48, h - 48);
        g.DrawRectangle(new XPen(Red, 1), 32, 32, w - 64, h - 64);
        Centered(g, "获奖证书", 40, Red, w / 2, 100, bold: true);
        Text(g, $"{d.Name}（{d.Unit}）：", 18, Ink, 90, 170);
        Text(g, $"在{d.ContestTitle}（{d.Group}）中成绩优异，", 16, Ink, 120, 210);
        Text(g, "荣获", 16, Ink, 120, 250);
        Centered(g, d.AwardName, 34, Red, w / 2, 300, bold: true);
        Text(g, "特发此证，以资鼓励。", 16, Ink, 120, 350);
        Right(g, d.Organizer, 16, Ink, w - 90, 430);
        Right(g, $"{d.Date:yyyy年M月d日}", 14, Ink, w - 90, 458);

        var qrSize = 92.0;
        using (var png = new MemoryStream(QrPng(d.VerifyUrl)))
        using (var image = XImage.FromStream(png))
            g.DrawImage(image, 60, h - 60 - qrSize, qrSize, qrSize);
        var x = 60 + qrSize + 12;
        Text(g, $"验证码：{d.Code}", 11, Ink, x, h - 120);
        Text(g, $"成绩第 {d.VersionNumber} 版 · 内容哈希 {d.ContentHash[..Math.Min(12, d.ContentHash.Length)]}", 9, Grey, x, h - 102);
        Text(g, $"扫码或访问 {d.VerifyUrl} 核验", 9, Grey, x, h - 86);
    }

    // Droid Sans Fallback has no Latin glyphs: text is drawn in runs, Latin (up to U+036F, e.g. "·") in the Latin font and
    // the rest in the Chinese one.
    private static bool IsLatin(char c) => c < 0x0370;

    private static List<(string Text, XFont Font)> Runs(string text, double size, bool bold)
    {
        var style = bold ? XFontStyleEx.Bold : XFontStyleEx.Regular;
        // Unicode (CID) encoding for the Chinese font always: otherwise characters such as "·" that WinAnsi also has make
        // PDFsharp embed the large Chinese font a second time.
        XFont cjk = new(CertificateFonts.Chinese, size, style, new XPdfFontOptions(PdfFontEncoding.Unicode)), latin = new(CertificateFonts.Latin, size, style);
        var runs = new List<(string, XFont)>();
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i < text.Length && IsLatin(text[i]) == IsLatin(text[start])) continue;
            runs.Add((text[start..i], IsLatin(text[start]) ? latin : cjk));
            start = i;
        }
        return runs;
    }

    private static double Width(XGraphics g, List<(string Text, XFont Font)> runs) => runs.Sum(r => g.MeasureString(r.Text, r.Font).Width);

    private static void Text(XGraphics g, string text, double size, XColor color, double x, double y, bool bold = false)
    {
        var brush = new XSolidBrush(color);
        foreach (var (run, font) in Runs(text, size, bold))
        {
            g.DrawString(run, font, brush, x, y);
            x += g.MeasureString(run, font).Width;
        }
    }

    private static void Centered(XGraphics g, string text, double size, XColor color, double centerX, double y, bool bold = false) =>
        Text(g, text, size, color, centerX - Width(g, Runs(text, size, bold)) / 2, y, bold);

    private static void Right(XGraphics g, string text, double size, XColor color, double rightX, double y) =>
        Text(g, text, size, color, rightX - Width(g, Runs(text, size, false)), y);
}
