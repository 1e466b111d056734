using Competition.Engine.QuestionBank.Files;

namespace Competition.Tests.Unit.QuestionBank;

public sealed class BankFolderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("banks-").FullName;

    private void Write(string code, string ids, bool synthetic = false, string stemPrefix = "题干")
    {
        var text = $"trade:\n  code: {code}\n  name: {code}\n  nameEn: {code}\n  category: 测试\n" + (synthetic ? "  synthetic: true\n" : "") + "questions:\n";
        foreach (var id in ids.Split(','))
            text += $"  - id: {id}\n    level: 五级\n    type: truefalse\n    difficulty: 1\n    knowledgePoints: [k]\n    stem: {stemPrefix}{id}\n    answer: true\n    explanation: e\n";
        File.WriteAllText(Path.Combine(_dir, code + ".yaml"), text);
    }

    [Fact]
    public void DuplicateIdAcrossFiles_IsReportedWithBothPlaces()
    {
        Write("aaa", "aaa-001,shared-001");
        Write("bbb", "bbb-001,shared-001");
        var folder = BankFolder.Read(_dir);
        folder.IsValid.ShouldBeFalse();
        folder.Errors.ShouldContain(e => e.Reason.Contains("shared-001 重复") && e.Reason.Contains("aaa.yaml"));
    }

    [Fact]
    public void RepeatedStemWithinATrade_IsReported()
    {
        File.WriteAllText(Path.Combine(_dir, "ccc.yaml"), "trade:\n  code: ccc\n  name: c\n  nameEn: c\n  category: c\nquestions:\n" +
            string.Concat(new[] { "ccc-001", "ccc-002" }.Select(id => $"  - id: {id}\n    level: 五级\n    type: truefalse\n    difficulty: 1\n    knowledgePoints: [k]\n    stem: 同一题干\n    answer: true\n    explanation: e\n")));
        BankFolder.Read(_dir).Errors.ShouldContain(e => e.Reason.Contains("题干与 ccc-001 完全相同"));
    }

    [Fact]
    public void SyntheticBankMixedWithRealOnes_IsRefused()
    {
        Write("real", "real-001");
        Write("fake", "syn-fake-001", synthetic: true);
        BankFolder.Read(_dir).Errors.ShouldContain(e => e.Reason.Contains("合成题库"));
    }

    [Fact]
    public void ValidFolder_SummarisesEachTrade()
    {
        Write("ddd", "ddd-001,ddd-002");
        var folder = BankFolder.Read(_dir);
        folder.IsValid.ShouldBeTrue();
        folder.Summaries.ShouldHaveSingleItem().Questions.ShouldBe(2);
    }

    public void Dispose() => Directory.Delete(_dir, true);
}
