using Competition.Engine.Exams;
using Competition.Engine.QuestionBank;

namespace Competition.Tests.Unit.Exams;

public class MarkerTests
{
    private static readonly QuestionContent Multiple = new(SkillLevel.Level4, QuestionType.Multiple, 3, "增大前角的影响（　）",
        [new("A", "切削力减小"), new("B", "刀刃强度降低"), new("C", "切削温度升高"), new("D", "切屑变形减小")], ["A", "B", "D"], "解析", ["刀具"]);

    [Theory]
    [InlineData("ABD", 2.0)]
    [InlineData("DBA", 2.0)]
    [InlineData("AB", 0.0)]
    [InlineData("ABC", 0.0)]
    public void Multiple_AllOrNothing(string response, double expected) => Marker.Mark(Multiple, response, 2).Awarded.ShouldBe(expected);

    [Theory]
    [InlineData("ABD", 3.0)]
    [InlineData("AB", 2.0)]
    [InlineData("D", 1.0)]
    [InlineData("AC", 0.0)]
    [InlineData("", 0.0)]
    public void Multiple_PartialCredit_ForASubsetWithNothingWrong(string response, double expected) =>
        Marker.Mark(Multiple, response, 3, MultipleChoiceScoring.PartialCredit).Awarded.ShouldBe(expected);

    [Theory]
    [InlineData("[\"４９\"]", true)]
    [InlineData("[\" 49 mm \"]", true)]
    [InlineData("[\"49MM\"]", true)]
    [InlineData("[\"48\"]", false)]
    [InlineData("[\"\"]", false)]
    public void FillBlank_MatchesNormalizedAlternatives(string response, bool correct)
    {
        var q = new QuestionContent(SkillLevel.Level4, QuestionType.FillBlank, 2, "游标 50 格对应主尺 ________ mm。", [], ["49|49mm"], "解析", ["量具"]);
        Marker.Mark(q, response, 2).Correct.ShouldBe(correct);
    }

    [Fact]
    public void ShortAnswer_GoesToAPerson() =>
        Marker.Mark(new QuestionContent(SkillLevel.Level2, QuestionType.ShortAnswer, 4, "简述", [], ["参考"], "解析", ["k"]), "我的回答", 5)
            .ShouldBe(new MarkResult(null, false, true));

    [Theory]
    [InlineData("对", true)]
    [InlineData("false", false)]
    public void TrueFalse_AcceptsChineseWords(string response, bool correct) =>
        Marker.Mark(new QuestionContent(SkillLevel.Level5, QuestionType.TrueFalse, 1, "s", [], ["true"], "e", ["k"]), response, 1).Correct.ShouldBe(correct);
}
