using Competition.Engine.Exams;
using Competition.Engine.QuestionBank;

namespace Competition.Tests.Unit.Exams;

/// <summary>The review shows the paper as the worker saw it; explanations written against the bank's letters get a key line.</summary>
public class AnswerReviewTests
{
    private static readonly QuestionContent Question = new(SkillLevel.Level5, QuestionType.Single, 1, "不包括下列哪一个（　）",
        [new("A", "42 V"), new("B", "36 V"), new("C", "24 V"), new("D", "50 V")], ["D"], "D 项 50 V 不在其中；A、B、C 均为安全电压。", ["安全用电"]);

    private static readonly IReadOnlyDictionary<string, string> Html = Question.Options.ToDictionary(o => o.Key, o => MarkdownRenderer.ToInlineHtml(o.Text));

    // The worker saw the bank's D first, then B, A, C.
    private static readonly PaperItem Shuffled = new("q", 1, 0, 1, "DBAC", 1);

    [Fact]
    public void Options_AreInTheWorkersOrder_WithTheirLabels_ChoiceAndKey()
    {
        var options = AnswerReview.Options(Shuffled, Question, Html, response: "B", showKey: true);
        options.Select(o => (o.Label, o.Text)).ShouldBe([("A", "50 V"), ("B", "36 V"), ("C", "42 V"), ("D", "24 V")]);
        options.Single(o => o.Chosen).Label.ShouldBe("B");
        options.Single(o => o.IsKey).Label.ShouldBe("A");
        AnswerReview.Describe(options.Where(o => o.IsKey)).ShouldBe("A（50 V）");
        AnswerReview.Options(Shuffled, Question, Html, "B", showKey: false).ShouldAllBe(o => !o.IsKey);
    }

    [Fact]
    public void AnExplanationNamingLetters_OnAShuffledPaper_GetsAKeyLineFromBankLettersToTheWorkersLabels() =>
        AnswerReview.LetterNote(Shuffled, Question).ShouldBe("解析中的选项字母按题库原顺序：A 即本卷 C，B 即本卷 B，C 即本卷 D，D 即本卷 A。");

    [Fact]
    public void NoKeyLine_WhenTheOrderIsTheBanks_OrTheExplanationNamesNoOptionLetter()
    {
        AnswerReview.LetterNote(Shuffled with { OptionOrder = "ABCD" }, Question).ShouldBeNull();
        AnswerReview.LetterNote(Shuffled, Question with { Explanation = "CA6140 车床的 PLC 与 B1 维生素无关。" }).ShouldBeNull();
        AnswerReview.LetterNote(Shuffled with { OptionOrder = "" }, Question with { Type = QuestionType.TrueFalse, Options = [] }).ShouldBeNull();
    }

    [Fact]
    public void TheExplanationItself_IsNeverRewritten_BecauseLettersInTextMeanOtherThingsToo()
    {
        // "维生素 A" is not option A: the rule leaves the text alone and adds the key line instead.
        var q = Question with { Explanation = "夜盲症与缺乏维生素 A 有关。" };
        AnswerReview.LetterNote(Shuffled, q).ShouldNotBeNull();
        q.Explanation.ShouldBe("夜盲症与缺乏维生素 A 有关。");
    }

    [Theory]
    [InlineData("A", "C")]
    [InlineData("DB", "AB")]
    [InlineData("true", "对")]
    [InlineData("[\"49\",\"淬火\"]", "49 / 淬火")]
    public void Responses_AreShownAsTheWorkerSawThem(string response, string shown) =>
        AnswerReview.Display(response.StartsWith('[') || response == "true" ? Shuffled with { OptionOrder = "" } : Shuffled, response).ShouldBe(shown);
}
