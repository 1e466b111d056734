using Competition.Engine.QuestionBank;

namespace Competition.Tests.Unit.QuestionBank;

public class QuestionRulesTests
{
    private static QuestionContent Single(string answer, string stem = "车削时切削速度的单位是（　）。") => new(SkillLevel.Level5, QuestionType.Single, 2, stem,
        [new("A", "m/min"), new("B", "mm/r"), new("C", "r/min")], [answer], "切削速度单位为 m/min。", ["切削用量"]);

    private static List<string> Problems(QuestionContent q) => QuestionRules.Check(q).Select(p => $"{p.Field}: {p.Reason}").ToList();

    [Fact]
    public void ValidSingleChoice_HasNoProblems() => Problems(Single("A")).ShouldBeEmpty();

    [Fact]
    public void SingleAnswerNotAmongOptions_IsRefused() =>
        Problems(Single("D")).ShouldContain(p => p.StartsWith("answer") && p.Contains("不在选项"));

    [Fact]
    public void MultipleWithOneLetter_IsRefused()
    {
        var q = Single("A") with { Type = QuestionType.Multiple };
        Problems(q).ShouldContain(p => p.Contains("至少两个"));
    }

    [Fact]
    public void OptionsOutOfOrder_AreRefused()
    {
        var q = Single("A") with { Options = [new("A", "1"), new("C", "2"), new("D", "3")] };
        Problems(q).ShouldContain(p => p.StartsWith("options") && p.Contains("顺序"));
    }

    [Fact]
    public void DuplicateOptionText_IsRefused()
    {
        var q = Single("A") with { Options = [new("A", "1"), new("B", "1"), new("C", "3")] };
        Problems(q).ShouldContain(p => p.Contains("重复"));
    }

    [Fact]
    public void FillBlankCountMustMatchAnswers()
    {
        var q = new QuestionContent(SkillLevel.Level4, QuestionType.FillBlank, 2, "游标卡尺由 ____ 和 ____ 组成。", [], ["主尺"], "解析", ["量具"]);
        Problems(q).ShouldContain(p => p.Contains("2 个空") && p.Contains("1 项"));
        Problems(q with { Answer = ["主尺|尺身", "游标"] }).ShouldBeEmpty();
    }

    [Fact]
    public void TrueFalseWithOptions_IsRefused()
    {
        var q = new QuestionContent(SkillLevel.Level5, QuestionType.TrueFalse, 1, "可以戴手套操作车床。", [new("A", "对"), new("B", "错"), new("C", "?")], ["false"], "不可以", ["安全"]);
        Problems(q).ShouldContain(p => p.StartsWith("options"));
    }

    [Fact]
    public void MissingExplanationAndKnowledgePoint_AreRefused()
    {
        var q = Single("A") with { Explanation = " ", KnowledgePoints = [] };
        Problems(q).ShouldContain(p => p.StartsWith("explanation"));
        Problems(q).ShouldContain(p => p.StartsWith("knowledgePoints"));
    }

    [Fact]
    public void HtmlInStem_IsRefused() =>
        Problems(Single("A", "看图<img src=x onerror=alert(1)>选择")).ShouldContain(p => p.Contains("HTML"));

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void DifficultyOutsideOneToFive_IsRefused(int difficulty) =>
        Problems(Single("A") with { Difficulty = difficulty }).ShouldContain(p => p.StartsWith("difficulty"));

    [Fact]
    public void ContentHash_ChangesWithContentOnly()
    {
        Single("A").ComputeHash().ShouldBe(Single("A").ComputeHash());
        Single("B").ComputeHash().ShouldNotBe(Single("A").ComputeHash());
    }

    [Fact]
    public void CanonicalJson_RoundTrips()
    {
        var q = Single("A");
        var back = QuestionContent.FromCanonicalJson(q.ToCanonicalJson());
        back.ComputeHash().ShouldBe(q.ComputeHash());
        back.Options.Select(o => o.Text).ShouldBe(["m/min", "mm/r", "r/min"]);
    }
}
