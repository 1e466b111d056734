using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Competition.Engine.QuestionBank;

/// <summary>
/// Question text is Markdown with raw HTML disabled: any tag in a stem is shown as text, never run. Links keep only
/// http, https and relative targets and images only the site's own (relative) addresses; anything else (javascript:,
/// data:, vbscript:, mailto:, another site's image) is shown as its text. This is the only place question text
/// becomes HTML, so pages may emit its output as it is.
/// </summary>
public static class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UsePipeTables().UseEmphasisExtras().Build();

    public static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown ?? "", Pipeline);
        Neutralize(document);
        return document.ToHtml(Pipeline);
    }

    /// <summary>For options: the same rendering without the wrapping paragraph.</summary>
    public static string ToInlineHtml(string markdown)
    {
        var html = ToHtml(markdown).Trim();
        return html.StartsWith("<p>", StringComparison.Ordinal) && html.EndsWith("</p>", StringComparison.Ordinal) && html.IndexOf("<p>", 3, StringComparison.Ordinal) < 0
            ? html[3..^4] : html;
    }

    // Markdig has already decoded entities (jav&#x61;script:) and resolved reference-style links when the tree is built,
    // so the check sees the address the browser would see.
    private static void Neutralize(MarkdownDocument document)
    {
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (link.IsImage ? LinkPolicy.IsSiteImage(link.Url) : LinkPolicy.IsSafeLink(link.Url))
            {
                if (!link.IsImage && LinkPolicy.IsAbsolute(link.Url)) OpenElsewhere(link);
                continue;
            }
            // The link's text (an image's alt text) stays; only the address goes.
            var child = link.FirstChild;
            while (child is not null)
            {
                var next = child.NextSibling;
                child.Remove();
                link.InsertBefore(child);
                child = next;
            }
            link.Remove();
        }
        foreach (var auto in document.Descendants<AutolinkInline>().ToList())
        {
            if (!auto.IsEmail && LinkPolicy.IsSafeLink(auto.Url)) { OpenElsewhere(auto); continue; }
            auto.ReplaceBy(new LiteralInline(auto.Url));
        }
    }

    // A worker following a link in an exam must not leave the exam page, and the other site learns nothing about it.
    private static void OpenElsewhere(Inline link)
    {
        var attributes = link.GetAttributes();
        attributes.AddPropertyIfNotExist("target", "_blank");
        attributes.AddPropertyIfNotExist("rel", "noopener noreferrer nofollow");
    }
}
