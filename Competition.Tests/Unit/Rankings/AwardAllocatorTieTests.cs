using Competition.Engine.Rankings;
using static Competition.Tests.Unit.Rankings.Field;

namespace Competition.Tests.Unit.Rankings;

/// <summary>DOMjudge's rule at every boundary: a tie at an award's last place gives all of them the higher award.</summary>
public class AwardAllocatorTieTests
{
    // 30 finishers under the default rule: 一等奖 3, 二等奖 6, 三等奖 9 places.
    private static double[] ThirtyWith(params (int Position, double Total)[] changes)
    {
        var totals = Enumerable.Range(0, 30).Select(i => 100.0 - i).ToArray();
        foreach (var (position, total) in changes) totals[position] = total;
        return totals;
    }

    [Fact]
    public void NoTies_AwardsExactlyTheQuotas()
    {
        var outcome = AwardAllocator.Allocate(Of(ThirtyWith()), AwardRule.Default);
        Awards(outcome).ShouldBe(Expect(3, 6, 9, none: 12));
        outcome.Tallies.Select(t => (t.Award, t.Quota, t.Awarded)).ShouldBe([(Award.First, 3, 3), (Award.Second, 6, 6), (Award.Third, 9, 9)]);
    }

    [Fact]
    public void TieAtFirstBoundary_BothGetFirst_AndSecondShrinks()
    {
        // Places 3 and 4 share rank 3.
        var outcome = AwardAllocator.Allocate(Of(ThirtyWith((3, 98))), AwardRule.Default);
        Awards(outcome).ShouldBe(Expect(4, 5, 9, none: 12));
        outcome.Statements.ShouldContain("并列第 3 名共 2 人，均获一等奖；二等奖名额相应减少 1 名。");
        outcome.Entries[3].Explanation.ShouldBe("并列第 3 名，一等奖名额止于第 3 位，并列者同获较高奖项（并列同奖），获一等奖。");
        outcome.Tallies[1].ShouldBe(new AwardTally(Award.Second, 6, 5, 0));
    }

    [Fact]
    public void TieAtSecondBoundary_AllGetSecond_AndThirdShrinks()
    {
        // Places 9, 10 and 11 share rank 9.
        var outcome = AwardAllocator.Allocate(Of(ThirtyWith((9, 92), (10, 92))), AwardRule.Default);
        Awards(outcome).ShouldBe(Expect(3, 8, 7, none: 12));
        outcome.Statements.ShouldContain("并列第 9 名共 3 人，均获二等奖；三等奖名额相应减少 2 名。");
    }

    [Fact]
    public void TieAtThirdBoundary_WithoutHonorable_AddsAwards()
    {
        var outcome = AwardAllocator.Allocate(Of(ThirtyWith((18, 83))), AwardRule.Default);
        Awards(outcome).ShouldBe(Expect(3, 6, 10, none: 11));
        outcome.Statements.ShouldContain("并列第 18 名共 2 人，均获三等奖；获奖总数相应增加 1 名。");
    }

    [Fact]
    public void TieAtThirdBoundary_WithHonorable_ShrinksHonorable()
    {
        var rule = AwardRule.ByRatio(0.10m, 0.20m, 0.30m) with { HonorableMention = true, HonorableShare = 0.80m };
        var outcome = AwardAllocator.Allocate(Of(ThirtyWith((18, 83))), rule);
        Awards(outcome).ShouldBe(Expect(3, 6, 10, honorable: 5, none: 6));
        outcome.Statements.ShouldContain("并列第 18 名共 2 人，均获三等奖；优胜奖名额相应减少 1 名。");
    }

    [Fact]
    public void TieAtHonorableBoundary_AllGetHonorable_AndAwardsGrow()
    {
        var rule = AwardRule.Default with { HonorableMention = true, HonorableShare = 0.80m };
        var outcome = AwardAllocator.Allocate(Of(ThirtyWith((24, 77), (25, 77))), rule);
        Awards(outcome).ShouldBe(Expect(3, 6, 9, honorable: 8, none: 4));
        outcome.Statements.ShouldContain("并列第 24 名共 3 人，均获优胜奖；获奖总数相应增加 2 名。");
    }

    [Fact]
    public void TieSpanningTwoBoundaries_EmptiesTheMiddleAward()
    {
        // Default rule on 10: 一等奖 1, 二等奖 2, 三等奖 3. Four share first place.
        var outcome = AwardAllocator.Allocate(Of(90, 90, 90, 90, 80, 79, 78, 77, 76, 75), AwardRule.Default);
        Awards(outcome).ShouldBe(Expect(4, 0, 2, none: 4));
        outcome.Statements.ShouldContain("并列第 1 名共 4 人，均获一等奖；二等奖名额相应减少 2 名，三等奖名额相应减少 1 名。");
        outcome.Tallies.Single(t => t.Award == Award.Second).Awarded.ShouldBe(0);
    }

    [Fact]
    public void TieInsideAnAward_ChangesNothing()
    {
        // Places 1–2 share rank 1, inside 一等奖's 3 places.
        var outcome = AwardAllocator.Allocate(Of(ThirtyWith((1, 100))), AwardRule.Default);
        Awards(outcome).ShouldBe(Expect(3, 6, 9, none: 12));
        outcome.Statements.ShouldNotContain(s => s.StartsWith("并列"));
        outcome.Entries[0].Explanation.ShouldBe("并列第 1 名，在一等奖名额（第 1–3 位）内，获一等奖。");
    }

    [Fact]
    public void WholeFieldTied_AllGetFirst()
    {
        var outcome = AwardAllocator.Allocate(Of(80, 80, 80, 80, 80), AwardRule.Default);
        Awards(outcome).ShouldBe(Expect(5, 0, 0));
        outcome.Statements.ShouldContain("并列第 1 名共 5 人，均获一等奖；二等奖名额相应减少 1 名，三等奖名额相应减少 2 名，获奖总数相应增加 1 名。");
    }

    [Fact]
    public void FixedCounts_FollowTheSameTieRule()
    {
        var outcome = AwardAllocator.Allocate(Of(95, 90, 90, 85, 80, 80, 70), AwardRule.ByCount(2, 2, 1));
        Awards(outcome).ShouldBe(Expect(3, 1, 2, none: 1));
        outcome.Statements.ShouldContain("并列第 2 名共 2 人，均获一等奖；二等奖名额相应减少 1 名。");
        outcome.Statements.ShouldContain("并列第 5 名共 2 人，均获三等奖；获奖总数相应增加 1 名。");
    }
}
