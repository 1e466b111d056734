using System.Text.RegularExpressions;
using Competition.Engine.QuestionBank;

namespace Competition.Tests.Unit.QuestionBank;

public partial class MarkdownRendererTests
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

    /// <summary>Ways of writing a script, data or other non-web address into question text.</summary>
    public static TheoryData<string> HostileLinks =>
    [
        "[点我](javascript:alert(1))",
        "[点我](JaVaScRiPt:alert(1))",
        "[点我](jav&#x61;script:alert(1))",
        "[点我](jav&#97;script:alert(1))",
        "[点我](javascript&colon;alert(1))",
        "[点我](  javascript:alert(1)  )",
        "[点我](<java script:alert(1)>)",
        "[点我](<java&#9;script:alert(1)>)",
        "[点我](<java&#10;script:alert(1)>)",
        "[点我](<&#1;javascript:alert(1)>)",
        "[点我](java\u200bscript:alert(1))",
        "[点我](vbscript:msgbox(1))",
        "[点我](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[点我](DATA:text/html,<script>alert(1)</script>)",
        "[点我](file:///etc/passwd)",
        "[点我][r]\n\n[r]: javascript:alert(1)",
        "[点我][]\n\n[点我]: <jav&#x61;script:alert(1)> \"说明\"",
        "[r]\n\n[r]: javascript:alert(1)",
        "<javascript:alert(1)>",
        "<JAVASCRIPT:alert(1)>",
        "<data:text/html,x>",
        "<vbscript:msgbox(1)>",
        "<mailto:a@example.com>",
        "<a@example.com>",
        "[![图](images/a.png)](javascript:alert(1))",
        "![图](javascript:alert(1))",
        "![图](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "![图](https://evil.example/track.png)",
        "![图](http://evil.example/track.png)",
        "![图](//evil.example/track.png)",
        "![图](/\\evil.example/track.png)",
        "![图](\\\\evil.example/track.png)",
        "![图][i]\n\n[i]: https://evil.example/x.png",
        "| 列 |\n|---|\n| [点我](javascript:alert(1)) |",
        "~~[点我](javascript:alert(1))~~",
        // Several in one text: each is judged, not only the first.
        "解析 [点我](javascript:alert(1)) <javascript:alert(2)> [x](&#x6A;avascript:alert(3)) <vbscript:x> ![a](data:x)",
        "[a](javascript:1) [b](javascript:2) [c](javascript:3) <javascript:4> <javascript:5>",
    ];

    [Theory]
    [MemberData(nameof(HostileLinks))]
    public void HostileAddress_IsShownAsTextWithoutAnyLinkOrImage(string markdown)
    {
        foreach (var html in new[] { MarkdownRenderer.ToHtml(markdown), MarkdownRenderer.ToInlineHtml(markdown) })
        {
            foreach (Match m in Address().Matches(html))
            {
                var value = System.Net.WebUtility.HtmlDecode(m.Groups["v"].Value);
                var plain = new string(value.Where(c => c > ' ' && c != '\u200b').ToArray()).ToLowerInvariant();
                var allowed = m.Groups["a"].Value == "src"
                    ? !plain.Contains(':') && !plain.StartsWith("//") && !plain.StartsWith("/\\") && !plain.StartsWith("\\")
                    : plain.StartsWith("http://") || plain.StartsWith("https://") || !plain.Contains(':');
                allowed.ShouldBeTrue($"{markdown} → {html}");
            }
            html.ShouldNotContain("<script", Case.Insensitive);
        }
    }

    [Theory]
    [InlineData("[点我](javascript:alert(1))", "点我")]
    [InlineData("![零件图](data:image/png;base64,AAAA)", "零件图")]
    [InlineData("<javascript:alert(1)>", "javascript:alert(1)")]
    public void HostileAddress_KeepsItsText(string markdown, string text)
    {
        var html = MarkdownRenderer.ToInlineHtml(markdown);
        html.ShouldNotContain("<a ");
        html.ShouldNotContain("<img");
        html.ShouldContain(text);
    }

    [Theory]
    [InlineData("[国家标准](https://openstd.samr.gov.cn/)", "https://openstd.samr.gov.cn/")]
    [InlineData("[标准](HTTP://example.com/a?b=1&c=2)", "HTTP://example.com/a?b=1&amp;c=2")]
    [InlineData("<https://example.com/x>", "https://example.com/x")]
    [InlineData("[附图](/QuestionBank/Question/lathe-operator-001)", "/QuestionBank/Question/lathe-operator-001")]
    [InlineData("[附图](images/part.png)", "images/part.png")]
    [InlineData("[下节](#part-2)", "#part-2")]
    public void WebAndRelativeLinks_StayLinks(string markdown, string href)
    {
        var html = MarkdownRenderer.ToInlineHtml(markdown);
        html.ShouldContain($"href=\"{href}\"");
    }

    [Fact]
    public void LinkToAnotherSite_OpensInANewTabWithoutReferrer()
    {
        var html = MarkdownRenderer.ToInlineHtml("[标准](https://example.com/)");
        html.ShouldContain("target=\"_blank\"");
        html.ShouldContain("rel=\"noopener noreferrer nofollow\"");
        MarkdownRenderer.ToInlineHtml("[附图](images/a.png)").ShouldNotContain("target=");
    }

    [Fact]
    public void LinkTitle_CannotBreakOutOfItsAttribute()
    {
        var html = MarkdownRenderer.ToInlineHtml("[x](https://example.com/ \"t\\\" onmouseover=\\\"alert(1)\")");
        html.ShouldNotContain("\" onmouseover");
        html.ShouldContain("&quot;");
    }

    [Theory]
    [InlineData("![零件图](images/part.png)", "images/part.png")]
    [InlineData("![零件图](/images/part.png)", "/images/part.png")]
    public void SiteImages_StayImages(string markdown, string src) => MarkdownRenderer.ToHtml(markdown).ShouldContain($"<img src=\"{src}\"");

    [GeneratedRegex("(?<a>href|src)\\s*=\\s*\"(?<v>[^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex Address();
}
