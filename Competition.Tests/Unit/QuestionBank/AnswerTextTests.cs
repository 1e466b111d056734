using Competition.Engine.QuestionBank;

namespace Competition.Tests.Unit.QuestionBank;

public class AnswerTextTests
{
    [Theory]
    [InlineData("A,C,D", "ACD")]
    [InlineData("dca", "ACD")]
    [InlineData("A、B", "AB")]
    public void MultipleAnswers_AreNormalizedToOrderedLetters(string raw, string expected) =>
        string.Concat(AnswerText.Normalize(QuestionType.Multiple, [raw])).ShouldBe(expected);

    [Theory]
    [InlineData("对", "true")]
    [InlineData("错误", "false")]
    [InlineData("TRUE", "true")]
    [InlineData("×", "false")]
    public void TrueFalse_AcceptsChineseAndEnglish(string raw, string expected) =>
        AnswerText.Normalize(QuestionType.TrueFalse, [raw]).ShouldBe([expected]);

    [Fact]
    public void FillBlank_TrimsAlternatives() =>
        AnswerText.Normalize(QuestionType.FillBlank, [" 49 | 49mm "]).ShouldBe(["49|49mm"]);
}
