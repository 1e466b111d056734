using Competition.Engine.Exams;
using Competition.Engine.QuestionBank;
using Competition.Engine.QuestionBank.Files;
using Competition.Tests.Infrastructure;

namespace Competition.Tests.Unit.Exams;

public class PaperAssemblerTests
{
    private static readonly QuestionIndex Shipped = QuestionIndex.Build(BankFolder.Read(Paths.ShippedBanks).Files
        .SelectMany(f => f.Questions.Select(q => (q.Id, 1, f.Trade!.Code, q.Content))));

    private static BlueprintCell Cell(string trade, QuestionType type, int count, double target, params SkillLevel[] levels) =>
        new(trade, levels.Length > 0 ? levels : [SkillLevel.Level5, SkillLevel.Level4, SkillLevel.Level3], type, count, 1, target, []);

    private static readonly Blueprint Fitter = new(
    [
        new("单选题", [Cell("fitter", QuestionType.Single, 10, 2.2)]),
        new("判断题", [Cell("fitter", QuestionType.TrueFalse, 5, 2)]),
        new("多选题", [Cell("fitter", QuestionType.Multiple, 4, 2.5)]),
    ], Tolerance: 0.4);

    [Fact]
    public void EveryPaper_FillsEveryCellWithoutRepeatsAndWithinTheDifficultyTolerance()
    {
        var assembler = new PaperAssembler(Shipped);
        for (var seed = 1; seed <= 300; seed++)
        {
            var paper = assembler.Assemble(Fitter, seed);
            paper.Count.ShouldBe(19);
            paper.Select(p => p.QuestionId).Distinct().Count().ShouldBe(19);
            paper.Count(p => p.Section == 0).ShouldBe(10);
            paper.Count(p => p.Section == 2).ShouldBe(4);
            Math.Abs(paper.Average(p => p.Difficulty) - Fitter.TargetDifficulty).ShouldBeLessThanOrEqualTo(Fitter.Tolerance, $"seed {seed}");
        }
    }

    [Fact]
    public void SameSeed_GivesTheSamePaper_OtherSeedsDiffer()
    {
        var assembler = new PaperAssembler(Shipped);
        var a = assembler.Assemble(Fitter, 42);
        assembler.Assemble(Fitter, 42).ShouldBe(a);
        var others = Enumerable.Range(100, 20).Select(s => assembler.Assemble(Fitter, s)).ToList();
        others.Count(o => o.Select(i => i.QuestionId).SequenceEqual(a.Select(i => i.QuestionId))).ShouldBe(0);
        others.Select(o => o[0].OptionOrder).Distinct().Count().ShouldBeGreaterThan(1);
    }

    [Fact]
    public void ShuffledOptions_AreAPermutationOfTheOriginalKeys()
    {
        var paper = new PaperAssembler(Shipped).Assemble(Fitter, 7);
        foreach (var item in paper.Where(i => i.OptionOrder.Length > 0))
            string.Concat(item.OptionOrder.Order()).ShouldBe(new string(Enumerable.Range(0, item.OptionOrder.Length).Select(i => (char)('A' + i)).ToArray()));
        paper.Where(i => i.Section == 1).ShouldAllBe(i => i.OptionOrder == "");
    }

    [Fact]
    public void ACellTheBankCannotFill_IsNamedWithNeedAndHave()
    {
        var bp = new Blueprint([new("单选题", [Cell("fitter", QuestionType.Single, 500, 2)])]);
        var ex = Should.Throw<PaperAssemblyException>(() => new PaperAssembler(Shipped).Assemble(bp, 1));
        ex.Message.ShouldContain("第 1 部分第 1 格（fitter 五级/四级/三级 单选）");
        ex.Message.ShouldContain("需要 500 题");
        ex.Message.ShouldMatch(@"只有 \d+ 题");
    }

    [Fact]
    public void AnUnreachableDifficulty_IsRefused()
    {
        var bp = new Blueprint([new("单选题", [Cell("fitter", QuestionType.Single, 5, 5, SkillLevel.Level5, SkillLevel.Level4)])], Tolerance: 0.1);
        Should.Throw<PaperAssemblyException>(() => new PaperAssembler(Shipped).Assemble(bp, 1)).Message.ShouldContain("难度");
    }

    [Fact]
    public void KnowledgePoints_AreCoveredAndRespected()
    {
        var contents = BankFolder.Read(Paths.ShippedBanks).Files.SelectMany(f => f.Questions).ToDictionary(q => q.Id, q => q.Content);
        var points = contents.Where(q => q.Key.StartsWith("fitter-") && q.Value.Type == QuestionType.Single)
            .SelectMany(q => q.Value.KnowledgePoints).Distinct().Take(2).ToList();
        var bp = new Blueprint([new("单选题", [new BlueprintCell("fitter", SkillLevels.Ordered, QuestionType.Single, 2, 1, 2.5, points)])], Tolerance: 2);
        for (var seed = 1; seed <= 30; seed++)
        {
            var kps = new PaperAssembler(Shipped).Assemble(bp, seed).SelectMany(p => contents[p.QuestionId].KnowledgePoints).ToList();
            points.ShouldAllBe(p => kps.Contains(p));
        }
    }
}
