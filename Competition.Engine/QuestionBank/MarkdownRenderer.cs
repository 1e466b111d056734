using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Renderers.Html.Inlines;
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
        // Markdig has decoded entities (jav&#x61;script:) and resolved reference-style links by the time a link is
        // written, so the check sees the address the browser would see. The decision is made while writing, not by
        // editing the tree, which Markdig's enumerations do not follow reliably.
        var document = Markdown.Parse(markdown ?? "", Pipeline);
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.ObjectRenderers.ReplaceOrAdd<LinkInlineRenderer>(new SafeLinkRenderer());
        renderer.ObjectRenderers.ReplaceOrAdd<AutolinkInlineRenderer>(new SafeAutolinkRenderer());
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>For options: the same rendering without the wrapping paragraph.</summary>
    public static string ToInlineHtml(string markdown)
    {
        var html = ToHtml(markdown).Trim();
        return html.StartsWith("<p>", StringComparison.Ordinal) && html.EndsWith("</p>", StringComparison.Ordinal) && html.IndexOf("<p>", 3, StringComparison.Ordinal) < 0
            ? html[3..^4] : html;
    }

    // A worker following a link in an exam must not leave the exam page, and the other site learns nothing about it.
    private static void OpenElsewhere(MarkdownObject link)
    {
        var attributes = link.GetAttributes();
        attributes.AddPropertyIfNotExist("target", "_blank");
        attributes.AddPropertyIfNotExist("rel", "noopener noreferrer nofollow");
    }

    private sealed class SafeLinkRenderer : HtmlObjectRenderer<LinkInline>
    {
        private readonly IMarkdownObjectRenderer _markdig = new LinkInlineRenderer();

        protected override void Write(HtmlRenderer renderer, LinkInline link)
        {
            if (link.IsImage ? LinkPolicy.IsSiteImage(link.Url) : LinkPolicy.IsSafeLink(link.Url))
            {
                if (!link.IsImage && LinkPolicy.IsAbsolute(link.Url)) OpenElsewhere(link);
                _markdig.Write(renderer, link);
            }
            else renderer.WriteChildren(link);   // the link's text (an image's alt text) stays; only the address goes
        }
    }

    private sealed class SafeAutolinkRenderer : HtmlObjectRenderer<AutolinkInline>
    {
        private readonly IMarkdownObjectRenderer _markdig = new AutolinkInlineRenderer();

        protected override void Write(HtmlRenderer renderer, AutolinkInline link)
        {
            if (link.IsEmail || !LinkPolicy.IsSafeLink(link.Url)) { renderer.WriteEscape(link.Url); return; }
            OpenElsewhere(link);
            _markdig.Write(renderer, link);
        }
    }
}
