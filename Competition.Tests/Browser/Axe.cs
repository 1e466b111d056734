using System.Text.Json;
using Microsoft.Playwright;

namespace Competition.Tests.Browser;

/// <summary>
/// axe-core (npm, restored into Competition.Web/node_modules by the build) run over the page as it is shown. The script is
/// evaluated through the DevTools protocol, which the page's CSP (no inline script) does not govern, so the pages are
/// checked with their real headers. Only serious and critical findings fail a test.
/// </summary>
public static class Axe
{
    private static readonly Lazy<string> Source = new(() =>
        File.ReadAllText(Path.Combine(Infrastructure.Paths.RepoRoot, "Competition.Web", "node_modules", "axe-core", "axe.min.js")));

    public sealed record Violation(string Id, string Impact, string Help, string[] Targets);

    /// <summary>Serious and critical violations on the page now, each with the first few elements it was found on.</summary>
    public static async Task<IReadOnlyList<Violation>> SeriousViolationsAsync(IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'")) await page.EvaluateAsync(Source.Value);
        var json = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }, resultTypes: ['violations'] });
              return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map(n => n.target.join(' ')) }));
            }
            """);
        return json.Deserialize<List<Violation>>(new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    /// <summary>Checks the page and adds what it found to <paramref name="found"/>, named by the page's path.</summary>
    public static async Task CheckAsync(IPage page, List<string> found, string? label = null)
    {
        foreach (var v in await SeriousViolationsAsync(page))
            found.Add($"{label ?? new Uri(page.Url).PathAndQuery}: {v.Impact} {v.Id} ({v.Help}) at {string.Join(" | ", v.Targets)}");
    }
}
