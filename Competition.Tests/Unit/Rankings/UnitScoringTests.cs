using Competition.Engine.Rankings;

namespace Competition.Tests.Unit.Rankings;

public class UnitScoringTests
{
    private static readonly Guid Steel = Guid.NewGuid(), Rail = Guid.NewGuid(), Port = Guid.NewGuid(), Grid = Guid.NewGuid();

    private static readonly Dictionary<Guid, string> Names = new() { [Steel] = "钢铁公司", [Rail] = "轨道集团", [Port] = "港务局", [Grid] = "电力公司" };

    private static UnitMember M(Guid unit, double total, EntryStatus status = EntryStatus.Finished) =>
        new(unit, Names[unit], Guid.NewGuid(), "选手", status, total);

    // 钢铁公司 4 finishers, 轨道集团 2, 港务局 3 entered but one disqualified, 电力公司 3 finishers.
    private static readonly UnitMember[] Members =
    [
        M(Steel, 90), M(Steel, 80), M(Steel, 70.5), M(Steel, 60),
        M(Rail, 95), M(Rail, 92),
        M(Port, 85), M(Port, 85), M(Port, 99, EntryStatus.Disqualified),
        M(Grid, 88), M(Grid, 81), M(Grid, 71),
    ];

    private static UnitStanding Of(IReadOnlyList<UnitStanding> standings, Guid unit) => standings.Single(s => s.UnitId == unit);

    [Fact]
    public void BestThree_AreSummed_WithTheFigures()
    {
        var steel = Of(UnitScoring.Standings(Members, new UnitScoreRule(3)), Steel);
        steel.Total.ShouldBe(240.5);
        steel.Counted.ShouldBe([90, 80, 70.5]);
        steel.Derivation.ShouldBe("报名 4 人，完赛 4 人；最好 3 名成绩：90 + 80 + 70.5 = 240.5");
    }

    [Fact]
    public void FewerThanThree_Excluded_AreNotRanked()
    {
        var standings = UnitScoring.Standings(Members, new UnitScoreRule(3, ShortUnitTreatment.Excluded));
        Of(standings, Rail).Ranked.ShouldBeFalse();
        Of(standings, Rail).Derivation.ShouldBe("报名 2 人，完赛 2 人，不足 3 人，不参加团体排名");
        // A disqualified member does not make up the numbers.
        Of(standings, Port).Ranked.ShouldBeFalse();
        Of(standings, Port).Derivation.ShouldBe("报名 3 人，完赛 2 人，不足 3 人，不参加团体排名");

        var ranked = UnitScoring.Rank(standings);
        ranked.Where(e => e.Finished).Select(e => (e.Name, e.Rank)).ShouldBe([("钢铁公司", (int?)1), ("电力公司", 2)]);
        ranked.Single(e => e.Id == Rail).Status.ShouldBe(EntryStatus.Ineligible);
    }

    [Fact]
    public void FewerThanThree_SumOfFewer_CountTheMissingAsZero()
    {
        var standings = UnitScoring.Standings(Members, new UnitScoreRule(3, ShortUnitTreatment.SumOfFewer));
        Of(standings, Rail).Total.ShouldBe(187);
        Of(standings, Rail).Derivation.ShouldBe("报名 2 人，完赛 2 人；完赛不足 3 人，按 2 人计，缺额记 0 分：95 + 92 = 187");
        Of(standings, Port).Total.ShouldBe(170); // the disqualified 99 is not counted

        UnitScoring.Rank(standings).Select(e => e.Name).ShouldBe(["钢铁公司", "电力公司", "轨道集团", "港务局"]);
    }

    [Fact]
    public void EqualUnitTotals_ShareAPlace_AndTheHigherAward()
    {
        UnitMember[] members = [M(Steel, 90), M(Steel, 80), M(Rail, 85), M(Rail, 85), M(Grid, 70), M(Grid, 70)];
        var ranked = UnitScoring.Rank(UnitScoring.Standings(members, new UnitScoreRule(2)));
        ranked.Select(e => e.Rank).ShouldBe([1, 1, 3]);

        var outcome = AwardAllocator.Allocate(ranked, AwardRule.ByCount(1, 1, 1), "个单位");
        outcome.AwardOf(Steel).ShouldBe(Award.First);
        outcome.AwardOf(Rail).ShouldBe(Award.First);
        outcome.AwardOf(Grid).ShouldBe(Award.Third);
        outcome.Statements.ShouldContain("并列第 1 名共 2 个单位，均获一等奖；二等奖名额相应减少 1 名。");
        outcome.Statements[0].ShouldBe("参评 3 个单位，名额按参评数计算。");
    }

    [Fact]
    public void IneligibleUnit_IsExplainedAsSuch()
    {
        var ranked = UnitScoring.Rank(UnitScoring.Standings(Members, new UnitScoreRule(3)));
        var outcome = AwardAllocator.Allocate(ranked, AwardRule.ByCount(1, 0, 0), "个单位");
        outcome.Entries.Single(e => e.Entry.Id == Rail).Explanation.ShouldBe("不符合参评条件，不参加评奖。");
        outcome.Statements[0].ShouldBe("参评 2 个单位，名额按参评数计算；不符合参评条件 2 个单位，不参加评奖。");
    }

    [Fact]
    public void CountingNobody_IsRefused() =>
        Should.Throw<ArgumentException>(() => UnitScoring.Standings(Members, new UnitScoreRule(0))).Message.ShouldContain("至少计 1 名");

    [Fact]
    public void Rule_DescribesHowShortUnitsAreTreated()
    {
        new UnitScoreRule(3).Describe().ShouldContain("完赛不足 3 人的单位不参加团体排名");
        new UnitScoreRule(3, ShortUnitTreatment.SumOfFewer).Describe().ShouldContain("缺额记 0 分");
    }
}
