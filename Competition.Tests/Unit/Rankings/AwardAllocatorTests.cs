using Competition.Engine.Rankings;
using static Competition.Tests.Unit.Rankings.Field;

namespace Competition.Tests.Unit.Rankings;

public class AwardAllocatorTests
{
    [Theory]
    // 15 finishers: 10 % = 1.5, 20 % = 3, 30 % = 4.5.
    [InlineData(FractionRounding.Floor, 1, 3, 4)]
    [InlineData(FractionRounding.HalfUp, 2, 3, 5)]
    [InlineData(FractionRounding.Ceiling, 2, 3, 5)]
    public void Fractions_RoundByTheChosenMode(FractionRounding rounding, int first, int second, int third)
    {
        var outcome = AwardAllocator.Allocate(Distinct(15), AwardRule.ByRatio(0.10m, 0.20m, 0.30m, rounding));
        Awards(outcome).ShouldBe(Expect(first, second, third, none: 15 - first - second - third));
    }

    [Theory]
    // 24 finishers: 10 % = 2.4, 20 % = 4.8, 30 % = 7.2 — half up and ceiling now differ.
    [InlineData(FractionRounding.Floor, 2, 4, 7)]
    [InlineData(FractionRounding.HalfUp, 2, 5, 7)]
    [InlineData(FractionRounding.Ceiling, 3, 5, 8)]
    public void Fractions_BelowAndAboveHalf(FractionRounding rounding, int first, int second, int third) =>
        Awards(AwardAllocator.Allocate(Distinct(24), AwardRule.ByRatio(0.10m, 0.20m, 0.30m, rounding)))
            .ShouldBe(Expect(first, second, third, none: 24 - first - second - third));

    [Fact]
    public void Rounding_IsStatedWithTheExactFigure()
    {
        var statements = AwardAllocator.Allocate(Distinct(15), AwardRule.Default).Statements;
        statements.ShouldContain("一等奖 10% × 15 人 = 1.5，四舍五入为 2 名。");
        statements.ShouldContain("二等奖 20% × 15 人 = 3 名。");
        statements.ShouldContain("三等奖 30% × 15 人 = 4.5，四舍五入为 5 名。");
    }

    [Fact]
    public void ShareOfThirty_IsExact_NotFlooredToOneLess() =>
        // Shares are decimals, so a product that is whole stays whole and a ceiling cannot turn 3 places into 4.
        Awards(AwardAllocator.Allocate(Distinct(30), AwardRule.ByRatio(0.10m, 0.20m, 0.30m, FractionRounding.Ceiling)))
            .ShouldBe(Expect(3, 6, 9, none: 12));

    [Theory]
    [InlineData(FractionRounding.Floor, 0, 0, 0)]
    [InlineData(FractionRounding.HalfUp, 0, 1, 1)]   // 0.3, 0.6, 0.9
    [InlineData(FractionRounding.Ceiling, 1, 1, 1)]
    public void GroupOfThree_GetsWhatTheRoundingGives(FractionRounding rounding, int first, int second, int third) =>
        Awards(AwardAllocator.Allocate(Of(88, 76, 65), AwardRule.ByRatio(0.10m, 0.20m, 0.30m, rounding)))
            .ShouldBe(Expect(first, second, third, none: 3 - first - second - third));

    [Fact]
    public void GroupOfOne_HalfUp_GetsNoAward_AndSaysSo()
    {
        var outcome = AwardAllocator.Allocate(Of(99), AwardRule.Default);
        Awards(outcome).ShouldBe([Award.None]);
        outcome.Entries[0].Explanation.ShouldBe("第 1 名，本组未设获奖名额，未获奖。");
        outcome.Statements.ShouldContain("一等奖 10% × 1 人 = 0.1，四舍五入为 0 名。");
    }

    [Fact]
    public void GroupOfOne_Ceiling_GetsFirst() =>
        Awards(AwardAllocator.Allocate(Of(99), AwardRule.ByRatio(0.10m, 0.20m, 0.30m, FractionRounding.Ceiling))).ShouldBe([Award.First]);

    [Fact]
    public void GroupOfAThousand_CountsAreExact()
    {
        var outcome = AwardAllocator.Allocate(Distinct(1000), AwardRule.Default);
        (outcome.Count(Award.First), outcome.Count(Award.Second), outcome.Count(Award.Third), outcome.Count(Award.None)).ShouldBe((100, 200, 300, 400));
        Awards(outcome).ShouldBe(Expect(100, 200, 300, none: 400));
    }

    [Fact]
    public void GroupOfAThousand_WithHonorable_FillsTheTopHalf()
    {
        var rule = AwardRule.ByRatio(0.05m, 0.10m, 0.15m) with { HonorableMention = true };
        var outcome = AwardAllocator.Allocate(Distinct(1000), rule);
        Awards(outcome).ShouldBe(Expect(50, 100, 150, honorable: 200, none: 500));
        outcome.Statements.ShouldContain("优胜奖范围 50% × 1000 人 = 500 名：前 500 名中未获一、二、三等奖者获优胜奖。");
    }

    [Fact]
    public void Honorable_WhenTheGradedAwardsAlreadyPassHalf_GivesNone()
    {
        var rule = AwardRule.Default with { HonorableMention = true };
        var outcome = AwardAllocator.Allocate(Distinct(20), rule); // 2 + 4 + 6 = 12 > 10
        Awards(outcome).ShouldBe(Expect(2, 4, 6, none: 8));
        outcome.Tallies.Single(t => t.Award == Award.Honorable).ShouldBe(new AwardTally(Award.Honorable, 0, 0, 0));
    }

    [Fact]
    public void MinimumTotal_RefusesAwardsBelowIt_AndLeavesThePlacesEmpty()
    {
        // 10 finishers 100, 95 … 55; 一等奖 1, 二等奖 2, 三等奖 3 places; minimum 80.
        var totals = Enumerable.Range(0, 10).Select(i => 100.0 - 5 * i).ToArray();
        var outcome = AwardAllocator.Allocate(Of(totals), AwardRule.Default with { MinimumTotal = 80 });
        Awards(outcome).ShouldBe(Expect(1, 2, 2, none: 5));
        outcome.Entries[4].Explanation.ShouldBe("第 5 名，在三等奖名额（第 4–6 位）内，获三等奖。"); // exactly 80 is enough
        outcome.Entries[5].Explanation.ShouldBe("第 6 名，总分 75 低于获奖最低分 80，不授奖（按名次本应获三等奖）。");
        outcome.Statements.ShouldContain("三等奖有 1 名因总分低于获奖最低分 80 未授予。");
        outcome.Tallies.Single(t => t.Award == Award.Third).ShouldBe(new AwardTally(Award.Third, 3, 2, 1));
    }

    [Fact]
    public void MinimumTotal_AppliesTo优胜奖Too()
    {
        var rule = AwardRule.ByCount(1, 1, 1) with { HonorableMention = true, HonorableShare = 1m, MinimumTotal = 60 };
        Awards(AwardAllocator.Allocate(Of(90, 80, 70, 65, 59.99), rule)).ShouldBe(Expect(1, 1, 1, honorable: 1, none: 1));
    }

    [Fact]
    public void DisqualifiedAndAbsent_GetNothing_AndAreNotCounted()
    {
        var results = Enumerable.Range(0, 10).Select(i => new EntryResult(Id(i), $"选手{i + 1}", EntryStatus.Finished, 90 - i))
            .Append(new EntryResult(Id(10), "违规者", EntryStatus.Disqualified, 99))
            .Append(new EntryResult(Id(11), "缺考者甲", EntryStatus.Absent, 0))
            .Append(new EntryResult(Id(12), "缺考者乙", EntryStatus.Absent, 0)).ToList();
        var outcome = AwardAllocator.Allocate(RankedEntries.From(results, []), AwardRule.Default);

        // Quotas of 10 finishers (1, 2, 3), not of 13 (1, 3, 4).
        Awards(outcome).ShouldBe(Expect(1, 2, 3, none: 4));
        outcome.AwardOf(Id(10)).ShouldBe(Award.None);
        outcome.AwardOf(Id(0)).ShouldBe(Award.First); // the disqualified higher total takes no place
        outcome.Entries.Single(e => e.Entry.Id == Id(10)).Explanation.ShouldBe("取消资格，不参加评奖。");
        outcome.Entries.Single(e => e.Entry.Id == Id(11)).Explanation.ShouldBe("缺考，不参加评奖。");
        outcome.Statements[0].ShouldBe("参评 10 人，名额按参评数计算；取消资格 1 人、缺考 2 人，不参加评奖。");
    }

    [Fact]
    public void FixedCountsAboveTheField_AwardWhoIsThere_AndSaySo()
    {
        var outcome = AwardAllocator.Allocate(Of(90, 80, 70, 60), AwardRule.ByCount(3, 5, 10));
        Awards(outcome).ShouldBe(Expect(3, 1, 0));
        outcome.Statements.ShouldContain("设定名额合计 18 名，超过参评数 4 人，超出的名额不授予。");
        outcome.Statements.ShouldContain("一等奖设定 3 名。");
    }

    [Fact]
    public void OutsideTheAwards_SaysWhereTheyEnd() =>
        AwardAllocator.Allocate(Distinct(10), AwardRule.Default).Entries[6].Explanation
            .ShouldBe("第 7 名，在获奖名额（前 6 位）之外，未获奖。");

    [Fact]
    public void EntriesComeBackInTheInputOrder_WithNonFinishersWhereTheyWere()
    {
        var entries = Of(90, 80).ToList();
        entries.Insert(1, new RankedEntry(Id(9), "缺考者", EntryStatus.Absent, null, 0));
        AwardAllocator.Allocate(entries, AwardRule.ByCount(1, 1, 0)).Entries.Select(e => e.Award)
            .ShouldBe([Award.First, Award.None, Award.Second]);
    }

    [Fact]
    public void SharesAboveAHundredPercent_AreRefused() =>
        Should.Throw<ArgumentException>(() => AwardAllocator.Allocate(Distinct(5), AwardRule.ByRatio(0.5m, 0.4m, 0.3m)))
            .Message.ShouldContain("合计不能超过 100%，现为 120%");

    [Fact]
    public void NegativeCount_IsRefused() =>
        Should.Throw<ArgumentException>(() => AwardAllocator.Allocate(Distinct(5), AwardRule.ByCount(1, -1, 2)))
            .Message.ShouldContain("二等奖名额不能为负数");

    [Fact]
    public void UnorderedList_IsRefused()
    {
        var entries = new[] { new RankedEntry(Id(0), "甲", EntryStatus.Finished, 2, 80), new RankedEntry(Id(1), "乙", EntryStatus.Finished, 1, 90) };
        Should.Throw<ArgumentException>(() => AwardAllocator.Allocate(entries, AwardRule.Default)).Message.ShouldContain("第 1 位“甲”的名次为 2");
    }

    [Fact]
    public void TieBelowTheMinimum_IsNotStatedAsATie()
    {
        // 三等奖's last place is shared by two totals of 50, both under the minimum of 60.
        var outcome = AwardAllocator.Allocate(Of(90, 80, 70, 50, 50), AwardRule.ByCount(1, 1, 2) with { MinimumTotal = 60 });
        Awards(outcome).ShouldBe(Expect(1, 1, 1, none: 2));
        outcome.Statements.ShouldNotContain(s => s.StartsWith("并列"));
        outcome.Statements.ShouldContain("三等奖有 2 名因总分低于获奖最低分 60 未授予。");
    }

    [Fact]
    public void Rule_IsDescribedInOneSentence()
    {
        AwardRule.Default.Describe().ShouldBe(
            "一等奖 10%、二等奖 20%、三等奖 30%（按参评人数，四舍五入）；名次并列跨越奖项分界时，并列者均获较高奖项，下一奖项名额相应减少；取消资格、缺考、未完赛者不参加评奖。");
        (AwardRule.ByCount(1, 2, 3) with { MinimumTotal = 60, HonorableMention = true }).Describe().ShouldBe(
            "一等奖 1 名、二等奖 2 名、三等奖 3 名；前 50%（四舍五入）中其余参评者获优胜奖；总分低于 60 分者不授奖；名次并列跨越奖项分界时，并列者均获较高奖项，下一奖项名额相应减少；取消资格、缺考、未完赛者不参加评奖。");
    }
}
