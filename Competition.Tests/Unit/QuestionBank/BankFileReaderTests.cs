using Competition.Engine.QuestionBank;
using Competition.Engine.QuestionBank.Files;

namespace Competition.Tests.Unit.QuestionBank;

public class BankFileReaderTests
{
    private const string Header = "trade:\n  code: demo-trade\n  name: 演示\n  nameEn: Demo\n  category: 测试\nquestions:\n";

    private static BankFile Read(string questions) => BankFileReader.Read(new StringReader(Header + questions), "demo-trade.yaml");

    [Fact]
    public void ValidFile_ParsesEveryTypeWithRawNumbers()
    {
        var file = Read("""
              - id: demo-001
                level: 五级
                type: fill
                difficulty: 2
                knowledgePoints: [量具]
                stem: 分度值为 ________ mm 的游标卡尺最常用。
                answer: ["0.02"]
                explanation: 常用 0.02 mm。
              - id: demo-002
                level: 高级技师
                type: truefalse
                difficulty: 4
                knowledgePoints: 安全
                stem: 可以戴手套操作车床。
                answer: false
                explanation: 不可以。
            """);
        file.Errors.ShouldBeEmpty();
        file.Questions.Count.ShouldBe(2);
        file.Questions[0].Content.Answer.ShouldBe(["0.02"]);
        file.Questions[1].Content.Level.ShouldBe(SkillLevel.Level1);
        file.Questions[1].Content.Answer.ShouldBe(["false"]);
        file.Trade!.Code.ShouldBe("demo-trade");
    }

    [Fact]
    public void Errors_PointAtTheLineOfTheFieldAtFault()
    {
        var file = Read("""
              - id: demo-001
                level: 五级
                type: single
                difficulty: 2
                knowledgePoints: [a]
                stem: 题干
                options:
                  A: 一
                  B: 二
                  C: 三
                answer: E
                explanation: 解析
            """);
        // Header is 6 lines; "answer: E" is the 11th line of the questions.
        file.Errors.ShouldHaveSingleItem().ToString().ShouldStartWith("demo-trade.yaml:17: demo-001: 答案 E 不在选项 ABC 中");
    }

    [Fact]
    public void UnknownLevelAndType_AreNamed()
    {
        var file = Read("  - id: demo-001\n    level: 六级\n    type: essay\n    difficulty: 2\n    knowledgePoints: [a]\n    stem: s\n    answer: x\n    explanation: e\n");
        file.Errors.Select(e => e.ToString()).ShouldContain(e => e.StartsWith("demo-trade.yaml:8:") && e.Contains("未知等级 '六级'"));
        file.Errors.Select(e => e.ToString()).ShouldContain(e => e.StartsWith("demo-trade.yaml:9:") && e.Contains("未知题型 'essay'"));
    }

    [Fact]
    public void BrokenYaml_ReportsALine()
    {
        var file = BankFileReader.Read(new StringReader("trade:\n  code: [unclosed\n"), "x.yaml");
        file.Errors.ShouldHaveSingleItem().Reason.ShouldContain("YAML");
        file.Errors[0].Line.ShouldBeGreaterThan(0);
    }
}
