using Competition.Engine.Contests;
using Competition.Engine.Judging;

namespace Competition.Tests.Unit.Judging;

public class MarkValueRulesTests
{
    private static readonly SchemeItem Dimension = new("M2", "尺寸 20±0.05", ItemKind.MeasuredValue, 20, Nominal: 20.00m, Lower: 0.05m, Upper: 0.05m);
    private static readonly SchemeItem Check = new("M1", "无毛刺", ItemKind.MeetsOrNot, 10);
    private static readonly SchemeItem Judged = new("J1", "工艺", ItemKind.Judgement, 30, JudgeCount: 3);

    [Theory]
    [InlineData(1e308)]
    [InlineData(-1e308)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(200.3)]   // a slip of the finger for 20.03
    public void AMeasurementThatCannotBeMeant_IsRefusedWithTheReason(double value) =>
        MarkValueRules.Problem(Dimension, value).ShouldNotBeNull().ShouldContain("M2");

    [Theory]
    [InlineData(20.03, true)]
    [InlineData(20.031, true)]    // one decimal finer than the drawing, as a micrometer reads
    [InlineData(20.0312, false)]
    [InlineData(0, true)]
    [InlineData(40, true)]
    [InlineData(40.001, false)]
    public void AMeasurement_IsTakenInItsRange_ToTheItemsDecimals(double value, bool accepted) =>
        (MarkValueRules.Problem(Dimension, value) is null).ShouldBe(accepted);

    [Fact]
    public void TheDecimalsSetting_OverridesTheDefault()
    {
        var coarse = Dimension with { Decimals = 2 };
        MarkValueRules.Problem(coarse, 20.031).ShouldNotBeNull().ShouldContain("最多 2 位小数");
        MarkValueRules.Decimals(Dimension).ShouldBe(3);
    }

    [Fact]
    public void AStoredReadingWithMoreDecimals_IsStillScored_ButAnImpossibleOneIsNot()
    {
        MarkValueRules.Problem(Dimension, 20.0312, stored: true).ShouldBeNull();
        MarkValueRules.Problem(Dimension, 1e308, stored: true).ShouldNotBeNull();
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(2)]
    [InlineData(double.NaN)]
    public void AMeetsOrNotItem_TakesOnlyZeroOrOne(double value) => MarkValueRules.Problem(Check, value).ShouldNotBeNull();

    [Theory]
    [InlineData(1.5)]
    [InlineData(4)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void AJudgedItem_TakesOnlyWholeScoresZeroToThree(double value) => MarkValueRules.Problem(Judged, value).ShouldNotBeNull();

    [Fact]
    public void AnItemHoldsOneMarkPerJudge_AndAnObjectiveItemOneValue()
    {
        MarkValueRules.Capacity(Judged).ShouldBe(3);
        MarkValueRules.Capacity(Judged with { JudgeCount = 5 }).ShouldBe(5);
        MarkValueRules.Capacity(Check).ShouldBe(1);
        MarkValueRules.Capacity(Dimension).ShouldBe(1);
    }

    [Fact]
    public void ASchemeWithNumbersNobodyMeans_IsRefusedItemByItem()
    {
        MarkValueRules.SchemeProblems(Dimension).ShouldBeEmpty();
        MarkValueRules.SchemeProblems(Check with { MaxPoints = 1e308 }).ShouldHaveSingleItem().ShouldContain("配分");
        MarkValueRules.SchemeProblems(Check with { MaxPoints = double.NaN }).ShouldHaveSingleItem().ShouldContain("配分");
        MarkValueRules.SchemeProblems(Check with { MaxPoints = 10.123 }).ShouldHaveSingleItem().ShouldContain("2 位小数");
        MarkValueRules.SchemeProblems(Dimension with { Lower = -0.05m }).ShouldHaveSingleItem().ShouldContain("下偏差");
        MarkValueRules.SchemeProblems(Dimension with { Nominal = 1e20m }).ShouldHaveSingleItem().ShouldContain("基本尺寸");
        MarkValueRules.SchemeProblems(Dimension with { Decimals = 9 }).ShouldHaveSingleItem().ShouldContain("小数位数");
        MarkValueRules.SchemeProblems(Dimension with { Decimals = 1 }).ShouldHaveSingleItem().ShouldContain("精度");
        MarkValueRules.SchemeProblems(Dimension with { Code = new string('M', 33) }).ShouldHaveSingleItem().ShouldContain("过长");
        MarkValueRules.SchemeProblems(Judged with { JudgeCount = 4 }).ShouldHaveSingleItem().ShouldContain("3 或 5");
    }
}
