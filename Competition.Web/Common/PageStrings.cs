using Microsoft.Extensions.Localization;

namespace Competition.Web.Common;

/// <summary>
/// The same resources a page's view reads (Resources/Pages/&lt;page&gt;.en.resx, Chinese text as the key), for the few
/// messages its page model writes itself (saved notices, form errors). Engine messages are not passed through: they stay
/// as the engine words them.
/// </summary>
public static class PageStrings
{
    private static readonly string Location = typeof(PageStrings).Assembly.GetName().Name!;

    /// <summary><paramref name="page"/> as under Pages/, without the extension: "Judging/Sheet".</summary>
    public static IStringLocalizer ForPage(this IStringLocalizerFactory factory, string page) =>
        factory.Create("Pages." + page.Replace('/', '.'), Location);
}
