using Competition.Engine.Contests;
using Competition.Engine.Judging;

namespace Competition.Tests.Unit.Judging;

/// <summary>Marks stored before the rules were checked never break a sheet or a board: the item is flagged for the chief judge.</summary>
public class StoredMarksTests
{
    private static readonly PracticalTask Task = new(Guid.NewGuid(), Guid.NewGuid(), "凹凸件锉配", "A1",
    [
        new("M1", "无毛刺", ItemKind.MeetsOrNot, 10),
        new("M2", "尺寸 20±0.05", ItemKind.MeasuredValue, 20, Nominal: 20.00m, Lower: 0.05m, Upper: 0.05m),
        new("J1", "工艺", ItemKind.Judgement, 30, JudgeCount: 3),
    ]);

    private static TaskScore Score(params (string Code, double[] Values)[] marks) =>
        TaskScores.Compute(Guid.NewGuid(), Task, marks.ToDictionary(m => m.Code, m => (IReadOnlyList<double>)m.Values));

    [Fact]
    public void FiveMarksOnAThreeJudgeItem_FlagTheItem_AndTheOtherItemsStillCount()
    {
        var score = Score(("M1", [1]), ("M2", [20.0]), ("J1", [3, 3, 2, 1, 0]));
        var j1 = score.Items.Single(i => i.Item.Code == "J1").Result;
        j1.State.ShouldBe(ItemState.Flagged);
        j1.Derivation.ShouldContain("应有 3 个评分，却存有 5 个");
        score.Points.ShouldBe(30);
        score.Complete.ShouldBeFalse();
    }

    [Theory]
    [InlineData(1e308)]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void AnImpossibleMeasurement_FlagsTheItem(double stored)
    {
        var m2 = Score(("M2", [stored])).Items.Single(i => i.Item.Code == "M2").Result;
        m2.State.ShouldBe(ItemState.Flagged);
        m2.Derivation.ShouldContain("须由裁判长更正");
    }

    [Fact]
    public void AJudgementOutsideZeroToThree_FlagsTheItem() =>
        Score(("J1", [2, 7, 2])).Items.Single(i => i.Item.Code == "J1").Result.State.ShouldBe(ItemState.Flagged);

    [Fact]
    public void TwoValuesOnAnObjectiveItem_FlagTheItem() =>
        Score(("M1", [1, 0])).Items.Single(i => i.Item.Code == "M1").Result.State.ShouldBe(ItemState.Flagged);
}
