using Competition.Engine.Judging;

namespace Competition.Tests.Unit.Judging;

public class ContestTotalsTests
{
    [Fact]
    public void TheoryThirtyPracticalSeventy_WeighsEachRoundByItsShareOfItsMax()
    {
        var total = ContestTotals.Combine([new("理论", 80, 100, 30), new("实操", 45, 50, 70)]);
        total.Total.ShouldBe(87); // 80/100 × 30 + 45/50 × 70 = 24 + 63
        total.Complete.ShouldBeTrue();
        total.Derivation.ShouldBe("理论 80/100 × 30% = 24 分；实操 45/50 × 70% = 63 分；合计 87 分");
    }

    [Fact]
    public void RoundWithoutScore_CountsZeroAndMakesTheTotalIncomplete()
    {
        var total = ContestTotals.Combine([new("理论", 80, 100, 30), new("实操", null, 50, 70)]);
        total.Total.ShouldBe(24);
        total.Complete.ShouldBeFalse();
        total.MissingRounds.ShouldBe(["实操"]);
        total.Derivation.ShouldBe("理论 80/100 × 30% = 24 分；实操未评分，暂计 0 分；暂计 24 分（实操尚未评分，成绩不完整）");
    }

    [Theory]
    [InlineData(30.0, 60.0, "90")]
    [InlineData(30.0, 80.0, "110")]
    [InlineData(30.5, 70.0, "100.5")]
    public void WeightsNotAddingUpToHundred_AreRefused(double theory, double practical, string shown) =>
        Should.Throw<ArgumentException>(() => ContestTotals.Combine([new("理论", 80, 100, theory), new("实操", 45, 50, practical)]))
            .Message.ShouldStartWith($"各轮权重之和必须为 100%，当前为 {shown}%");

    [Fact]
    public void WeightsInThirds_AreAcceptedDespiteFloatingPoint() =>
        ContestTotals.Combine([new("一", 100, 100, 33.33), new("二", 100, 100, 33.33), new("三", 100, 100, 33.34)]).Total.ShouldBe(100);

    [Fact]
    public void Total_IsRoundedOnceNotPerRound()
    {
        // Each round gives 16.666…; rounding each first would give 16.67 + 16.67 = 33.34.
        ContestTotals.Combine([new("一", 1, 3, 50), new("二", 1, 3, 50), new("三", 0, 10, 0)]).Total.ShouldBe(33.33);
    }

    [Theory]
    [InlineData(101.0)]
    [InlineData(-1.0)]
    public void ScoreOutsideZeroToMax_IsRefused(double score) =>
        Should.Throw<ArgumentException>(() => ContestTotals.Combine([new("理论", score, 100, 30), new("实操", 45, 50, 70)]))
            .Message.ShouldContain("超出 0–100 分的范围");
}
