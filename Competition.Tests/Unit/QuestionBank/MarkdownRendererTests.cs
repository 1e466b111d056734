using Competition.Engine.QuestionBank;

namespace Competition.Tests.Unit.QuestionBank;

public class MarkdownRendererTests
{
    [Fact]
    public void RawHtml_IsShownAsTextNeverAsTags()
    {
        var html = MarkdownRenderer.ToHtml("看 <script>alert(1)</script> 与 <b>粗</b>");
        html.ShouldNotContain("<script>");
        html.ShouldNotContain("<b>");
        html.ShouldContain("&lt;script&gt;");
    }

    [Fact]
    public void MarkdownEmphasisAndImages_AreRendered()
    {
        var html = MarkdownRenderer.ToHtml("**注意** ![零件图](images/part.png)");
        html.ShouldContain("<strong>注意</strong>");
        html.ShouldContain("<img src=\"images/part.png\" alt=\"零件图\"");
    }

    [Fact]
    public void InlineOption_HasNoParagraphWrapper() => MarkdownRenderer.ToInlineHtml("*φ20*").ShouldBe("<em>φ20</em>");
}
