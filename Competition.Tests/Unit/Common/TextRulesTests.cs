using Competition.Engine.Common;

namespace Competition.Tests.Unit.Common;

public class TextRulesTests
{
    private static readonly TextField Name = new("Name", "姓名", 8);
    private static readonly TextField Stem = new("stem", "题干", 100, TextShape.Lines);
    private static readonly TextField Number = new("Number", "参赛号", 16, TextShape.Code);

    [Theory]
    [InlineData("钢\u200b")]
    [InlineData("\u200b钢")]
    [InlineData("钢\u200c")]
    [InlineData("钢\u200d")]
    [InlineData("钢\u2060")]
    [InlineData("\ufeff钢")]
    [InlineData("钢\u00ad")]
    [InlineData("钢\u200e")]
    [InlineData(" 钢 ")]
    [InlineData("钢\u00a0")]
    public void InvisibleCharactersAndOddSpaces_AreDropped(string raw)
    {
        var clean = Name.Clean(raw);
        clean.Problem.ShouldBeNull();
        clean.Value.ShouldBe("钢");
    }

    [Fact]
    public void DecomposedText_IsComposed() => Name.Clean("Cafe\u0301").Value.ShouldBe("Café");

    [Fact]
    public void Codes_FoldFullWidthToAscii() => Number.Clean("Ａ０１").Value.ShouldBe("A01");

    [Fact]
    public void SingleLineFields_CollapseLineBreaksAndSpaces() => Name.Clean("张\r\n  三\t").Value.ShouldBe("张 三");

    [Fact]
    public void MultiLineFields_KeepLineBreaksAsNewlines() => Stem.Clean("第一行\r\n第二行\r第三行\u2028第四行").Value.ShouldBe("第一行\n第二行\n第三行\n第四行");

    [Theory]
    [InlineData("钢\u0001", "U+0001")]
    [InlineData("钢\0", "NUL")]
    [InlineData("钢\u007f", "U+007F")]
    [InlineData("钢\u0085x\u009b", "U+009B")]
    [InlineData("abc\u202egpj.exe", "文字方向")]
    [InlineData("a\u2066b", "文字方向")]
    [InlineData("钢\ufffd", "乱码")]
    [InlineData("钢\uffff", "U+FFFF")]
    public void ControlBidiAndNonCharacters_AreRefusedWithTheirCode(string raw, string expected)
    {
        var clean = Stem.Clean(raw);
        clean.Problem.ShouldNotBeNull();
        clean.Problem.ShouldStartWith("题干");
        clean.Problem.ShouldContain(expected);
    }

    [Fact]
    public void LoneSurrogate_IsRefusedNotThrown()
    {
        Name.Clean("钢\ud800").Problem!.ShouldContain("代理项");
        Name.Clean("\udc00钢").Problem!.ShouldContain("代理项");
        TextRules.Fold("Ａ\ud800").ShouldBe("A");
    }

    [Fact]
    public void Emoji_AreKept_AndCountAsOneCharacterEach()
    {
        var family = "👩\u200d🔧";   // a woman mechanic: the joiner belongs to the emoji
        Name.Clean(family).Value.ShouldBe(family);
        Name.Clean("😀😀😀😀😀😀😀😀").Problem.ShouldBeNull();
        Name.Clean("😀😀😀😀😀😀😀😀😀").Problem!.ShouldContain("不能超过 8 个字（现有 9 个字）");
    }

    [Fact]
    public void RequiredAndLength_AreReportedWithTheLabelAndTheLimit()
    {
        Name.Clean("  \u200b ").Problem.ShouldBe("请填写姓名");
        Name.Clean(null).Problem.ShouldBe("请填写姓名");
        Name.Clean(new string('张', 9)).Problem.ShouldBe("姓名不能超过 8 个字（现有 9 个字），请缩短后重试");
        (Name with { Required = false }).Clean("").Problem.ShouldBeNull();
    }

    [Fact]
    public void AMegabyteString_IsRefusedQuickly_AndQuotedShort()
    {
        var huge = new string('a', 1_000_000);
        Name.Clean(huge).Problem!.ShouldContain("现有 1000000 个字");
        TextRules.Quote(huge).Length.ShouldBeLessThan(25);
        TextRules.Quote("x\u0001y").ShouldBe("x<U+0001>y");
    }

    [Theory]
    [InlineData("马钢集团", "马钢 集团")]
    [InlineData("马钢集团", "马钢　集团")]
    [InlineData("Baosteel", "BAOSTEEL")]
    [InlineData("ＡＢＣ公司", "abc公司")]
    [InlineData("马钢集团", "马钢集团\u200b")]
    public void NameVariants_HaveOneKey(string a, string b) => TextRules.Key(a).ShouldBe(TextRules.Key(b));

    [Fact]
    public void OptionsCompareWithoutSpaces_ButKeepCase()
    {
        TextRules.Compact("钢\u200b").ShouldBe(TextRules.Compact("钢"));
        TextRules.Compact("10 mm").ShouldBe(TextRules.Compact("10mm"));
        TextRules.Compact("m").ShouldNotBe(TextRules.Compact("M"));
    }

    [Fact]
    public void ForXml_DropsWhatXmlCannotHold_AndKeepsTheRest()
    {
        TextRules.ForXml("钢\u0001铁\u000b").ShouldBe("钢铁");
        TextRules.ForXml("a\ud800b").ShouldBe("a\ufffdb");
        TextRules.ForXml("第一行\n\t😀").ShouldBe("第一行\n\t😀");
    }

    [Fact]
    public void Sanitize_CutsAndCleansMetadata()
    {
        TextRules.Sanitize("a\u0001b\u200bc", 10).ShouldBe("abc");
        TextRules.Sanitize(new string('x', 300), 260).Length.ShouldBe(260);
    }
}
