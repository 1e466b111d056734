using Competition.Engine.Judging;

namespace Competition.Tests.Unit.Judging;

public class ItemScoringTests
{
    private static readonly MarkingItem Diameter = MarkingItem.Measured("A1", "外径 Φ20", 5, 20.00m, new Tolerance(0.05m, 0.02m));
    private static readonly MarkingItem ThreeJudges = MarkingItem.Judged("B1", "焊缝成形", 10, 3);
    private static readonly MarkingItem FiveJudges = MarkingItem.Judged("B2", "焊缝成形", 10, 5);

    [Fact]
    public void MeetsOrNot_MetGetsMaxPoints_NotMetGetsZero_UncheckedIsIncomplete()
    {
        var item = MarkingItem.MeetsOrNot("C1", "无毛刺", 2);
        ItemScoring.MeetsOrNot(item, true).ShouldBe(new ItemResult(ItemState.Scored, 2, "符合要求，得 2 分"));
        ItemScoring.MeetsOrNot(item, false).Points.ShouldBe(0);
        ItemScoring.MeetsOrNot(item, null).ShouldBe(new ItemResult(ItemState.Incomplete, null, "尚未评判"));
    }

    [Theory]
    [InlineData("19.95", 5.0)]  // lower limit, included
    [InlineData("19.949", 0.0)]
    [InlineData("20.00", 5.0)]
    [InlineData("20.02", 5.0)]  // upper limit, included
    [InlineData("20.021", 0.0)]
    [InlineData("20.03", 0.0)]
    public void Measured_PassesInsideTheToleranceBothEndsIncluded(string value, double points) =>
        ItemScoring.Measured(Diameter, decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)).Points.ShouldBe(points);

    [Fact]
    public void Measured_DerivationShowsValueRequirementAndVerdict()
    {
        ItemScoring.Measured(Diameter, 19.98m).Derivation.ShouldBe("测量值 19.98，要求 20.00 −0.05/+0.02：合格，得 5 分");
        ItemScoring.Measured(Diameter, 20.03m).Derivation.ShouldBe("测量值 20.03，要求 20.00 −0.05/+0.02：超出上限 20.02，不合格，得 0 分");
        ItemScoring.Measured(Diameter, 19.9m).Derivation.ShouldBe("测量值 19.90，要求 20.00 −0.05/+0.02：低于下限 19.95，不合格，得 0 分");
    }

    [Fact]
    public void Measured_SymmetricToleranceIsWrittenPlusMinus_InTheDrawingsPrecision()
    {
        var item = MarkingItem.Measured("A2", "长度", 4, 50m, Tolerance.Symmetric(0.1m));
        ItemScoring.Measured(item, 50.1m).Derivation.ShouldBe("测量值 50.1，要求 50.0 ±0.1：合格，得 4 分");
    }

    [Fact]
    public void Measured_NotYetMeasured_IsIncomplete() =>
        ItemScoring.Measured(Diameter, null).State.ShouldBe(ItemState.Incomplete);

    [Fact]
    public void ThreeJudges_DifferingByTwo_IsFlaggedWithoutPoints()
    {
        var r = ItemScoring.Judged(ThreeJudges, [1, 3, 2]);
        r.State.ShouldBe(ItemState.Flagged);
        r.Points.ShouldBeNull();
        r.Derivation.ShouldBe("3 名裁判：1、3、2；最大差 2 > 1，须重新评分");
    }

    [Fact]
    public void ThreeJudges_DifferingByOne_ScoreTheMeanOverThree() =>
        ItemScoring.Judged(ThreeJudges, [2, 3, 2])
            .ShouldBe(new ItemResult(ItemState.Scored, 7.78, "3 名裁判：2、3、2；最大差 1 ≤ 1；平均 2.33/3 × 10 分 = 7.78 分"));

    [Theory]
    [InlineData(new[] { 3, 3, 3 }, 10.0)]
    [InlineData(new[] { 0, 0, 0 }, 0.0)]
    [InlineData(new[] { 1, 1, 2 }, 4.44)] // 4/9 × 10 = 4.444…
    [InlineData(new[] { 2, 2, 2 }, 6.67)] // 6.666… rounds up
    public void ThreeJudges_Agreeing_ScoreMeanOverThreeRounded(int[] scores, double points) =>
        ItemScoring.Judged(ThreeJudges, scores).Points.ShouldBe(points);

    [Fact]
    public void FiveJudges_DropOneHighestAndOneLowest() =>
        ItemScoring.Judged(FiveJudges, [3, 2, 2, 1, 3]).ShouldBe(new ItemResult(ItemState.Scored, 7.78,
            "5 名裁判：3、2、2、1、3，去掉最高 3 与最低 1，其余 3、2、2 平均 2.33/3 × 10 分 = 7.78 分"));

    [Fact]
    public void FiveJudges_OneOutlierNeitherFlagsNorMovesTheMark()
    {
        // A plain mean of 0, 3, 3, 3, 3 would be 2.4/3 × 10 = 8; the outlier is dropped instead.
        var r = ItemScoring.Judged(FiveJudges, [0, 3, 3, 3, 3]);
        r.State.ShouldBe(ItemState.Scored);
        r.Points.ShouldBe(10);
        ItemScoring.Judged(FiveJudges, [0, 0, 1, 3, 3]).Points.ShouldBe(4.44); // 0, 1, 3 kept: 4/9 × 10
    }

    [Theory]
    [InlineData(3, new int[0])]
    [InlineData(3, new[] { 2, 3 })]
    [InlineData(5, new[] { 3, 2, 2, 1 })]
    public void MissingJudgeScores_AreIncompleteWithoutPoints(int judges, int[] scores)
    {
        var r = ItemScoring.Judged(judges == 3 ? ThreeJudges : FiveJudges, scores);
        r.State.ShouldBe(ItemState.Incomplete);
        r.Points.ShouldBeNull();
        r.Derivation.ShouldBe($"{judges} 名裁判中已有 {scores.Length} 名评分，待全部评分后计分");
    }

    [Theory]
    [InlineData(4)]
    [InlineData(-1)]
    public void JudgeScoreOutsideZeroToThree_IsRefused(int bad) =>
        Should.Throw<ArgumentException>(() => ItemScoring.Judged(ThreeJudges, [2, bad, 2])).Message.ShouldContain($"裁判评分必须为 0–3 的整数，收到 {bad}");

    [Fact]
    public void MoreScoresThanJudges_IsRefused() =>
        Should.Throw<ArgumentException>(() => ItemScoring.Judged(ThreeJudges, [2, 2, 2, 2])).Message.ShouldContain("收到 4 个评分");

    [Fact]
    public void ItemOfAnotherKind_IsRefused() =>
        Should.Throw<ArgumentException>(() => ItemScoring.Judged(Diameter, [2, 2, 2])).Message.ShouldContain("不能按“裁判评判”计分");
}
