using Competition.Engine.Judging;

namespace Competition.Tests.Unit.Judging;

public class MarkingItemTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void JudgeCountOtherThanThreeOrFive_IsRefused(int judges) =>
        Should.Throw<ArgumentException>(() => MarkingItem.Judged("B1", "焊缝成形", 10, judges)).Message.ShouldContain("3 或 5");

    [Fact]
    public void NegativeDeviation_IsRefused() =>
        Should.Throw<ArgumentException>(() => MarkingItem.Measured("A1", "外径", 5, 20.00m, new Tolerance(-0.05m, 0.02m)))
            .Message.ShouldContain("非负");

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void NonPositiveMaxPoints_IsRefused(double maxPoints) =>
        Should.Throw<ArgumentException>(() => MarkingItem.MeetsOrNot("C1", "无毛刺", maxPoints)).Message.ShouldContain("配分");

    [Fact]
    public void Factories_SetOnlyWhatTheirKindNeeds()
    {
        var measured = MarkingItem.Measured("A1", "外径", 5, 20.00m, Tolerance.Symmetric(0.05m));
        measured.Kind.ShouldBe(ItemKind.MeasuredValue);
        measured.Tolerance.ShouldBe(new Tolerance(0.05m, 0.05m));
        measured.JudgeCount.ShouldBeNull();

        var judged = MarkingItem.Judged("B1", "焊缝成形", 10, 5);
        judged.Kind.ShouldBe(ItemKind.Judgement);
        judged.JudgeCount.ShouldBe(5);
        judged.Nominal.ShouldBeNull();
    }
}
