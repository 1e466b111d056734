using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Competition.Tests.Browser;

/// <summary>
/// The interface text a person sees in a page's &lt;main&gt;, without what comes from data: pages mark question stems,
/// answers, titles and names typed by people with <c>data-content</c>, and those may be Chinese in any language.
/// Used to check that a page switched to English has no Chinese label left.
/// </summary>
public static partial class UiText
{
    /// <summary>Visible text of &lt;main&gt; (options of visible selects included), leaving out [data-content] and its children.</summary>
    public static Task<string> MainAsync(IPage page) => page.EvaluateAsync<string>("""
        () => {
          const main = document.querySelector('main');
          const out = [];
          const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const el = n.parentElement;
            if (!n.nodeValue.trim() || el.closest('[data-content], script, style, template')) continue;
            const shown = el.closest('select') ?? el;
            if (!shown.checkVisibility({ visibilityProperty: true })) continue;
            out.push(n.nodeValue.trim());
          }
          return out.join('\n');
        }
        """);

    /// <summary>The runs of Chinese characters (and full-width punctuation) left in the page's own text.</summary>
    public static async Task<IReadOnlyList<string>> ChineseInMainAsync(IPage page) =>
        Han().Matches(await MainAsync(page)).Select(m => m.Value).Distinct().ToList();

    /// <summary>Fails with the Chinese runs found, named by the page's path.</summary>
    public static async Task ShouldHaveNoChineseLabelsAsync(IPage page)
    {
        var left = await ChineseInMainAsync(page);
        left.ShouldBeEmpty($"{new Uri(page.Url).PathAndQuery} still shows: {string.Join(" | ", left)}");
    }

    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}\p{IsCJKSymbolsandPunctuation}\p{IsHalfwidthandFullwidthForms}]+")]
    private static partial Regex Han();
}
