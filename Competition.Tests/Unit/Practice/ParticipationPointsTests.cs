using Competition.Engine.Practice;

namespace Competition.Tests.Unit.Practice;

public class ParticipationPointsTests
{
    [Fact]
    public void Points_AreFivePerPersonAndOnePerSitting() => ParticipationPoints.For(people: 3, sittings: 7).ShouldBe(22);

    [Fact]
    public void BreadthBeatsRepetition()
    {
        var tenWorkersOnce = ParticipationPoints.For(10, 10);
        var twoWorkersThirtyTimes = ParticipationPoints.For(2, 30);
        tenWorkersOnce.ShouldBeGreaterThan(twoWorkersThirtyTimes);
    }

    [Fact]
    public void Rank_SharesPlacesOnEqualPointsAndSkipsTheNext()
    {
        var ranked = ParticipationPoints.Rank(new[] { ("甲", 10), ("乙", 30), ("丙", 30), ("丁", 5) }, x => x.Item2);
        ranked.Select(r => (r.Item.Item1, r.Rank)).ShouldBe([("乙", 1), ("丙", 1), ("甲", 3), ("丁", 4)]);
    }

    [Fact]
    public void Rank_OfNothing_IsEmpty() => ParticipationPoints.Rank(Array.Empty<int>(), x => x).ShouldBeEmpty();
}
