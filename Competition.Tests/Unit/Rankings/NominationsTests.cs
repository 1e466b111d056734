using Competition.Engine.Contests;
using Competition.Engine.QuestionBank;
using Competition.Engine.Rankings;
using static Competition.Tests.Unit.Rankings.Field;

namespace Competition.Tests.Unit.Rankings;

public class NominationsTests
{
    private static readonly Dictionary<Guid, int> NoMedals = new();
    private static readonly Dictionary<Guid, SkillLevel> NoLevels = new();

    private static AwardOutcome Awarded(AwardRule rule, params double[] totals) => AwardAllocator.Allocate(Of(totals), rule);

    private static readonly PromotionRule Promotion = new(new Dictionary<ContestLevel, IReadOnlyList<PromotionStep>>
    {
        [ContestLevel.CityClass1] = [new(SkillLevel.Level2, 3), new(SkillLevel.Level3, 5)],
        [ContestLevel.CityClass2] = [new(SkillLevel.Level3, 2)],
    });

    [Fact]
    public void CityClass1_FirstPlace_IsACandidateWithTheFacts()
    {
        var outcome = Awarded(AwardRule.Default, 96.5, 90, 85, 80, 75, 70, 65, 60, 55, 50);
        var candidate = Nominations.MayDayMedal(outcome, ContestLevel.CityClass1, 2026, NoMedals, MedalNominationRule.CityDefault).ShouldHaveSingleItem();
        candidate.EntryId.ShouldBe(Id(0));
        candidate.Kind.ShouldBe(NominationKind.MayDayMedal);
        candidate.Facts.ShouldBe(["市级一类竞赛第 1 名，总分 96.5，获一等奖", "规则：市级一类竞赛前 1 名可推荐五一劳动奖章", "平台记录中近 5 年未获五一劳动奖章"]);
        candidate.Concerns.ShouldBe(["请核实其他推荐条件（在职、表现等）后确认"]); // never automatic
    }

    [Fact]
    public void CityClass2_NominatesNobody() =>
        Nominations.MayDayMedal(Awarded(AwardRule.Default, 96, 90), ContestLevel.CityClass2, 2026, NoMedals, MedalNominationRule.CityDefault).ShouldBeEmpty();

    [Fact]
    public void SharedFirstPlace_BothAreCandidates_AndTheOrganizerChooses()
    {
        var candidates = Nominations.MayDayMedal(Awarded(AwardRule.Default, 95, 95, 80), ContestLevel.CityClass1, 2026, NoMedals, MedalNominationRule.CityDefault);
        candidates.Select(c => c.EntryId).ShouldBe([Id(0), Id(1)]);
        candidates[0].Concerns.ShouldContain("并列第 1 名，并列者均列为候选，请确认推荐人选");
    }

    [Fact]
    public void MedalWithinTheInterval_IsFlaggedForTheOrganizer_NotDropped()
    {
        var history = new Dictionary<Guid, int> { [Id(0)] = 2023 };
        var candidate = Nominations.MayDayMedal(Awarded(AwardRule.Default, 95, 90), ContestLevel.CityClass1, 2026, history, MedalNominationRule.CityDefault).ShouldHaveSingleItem();
        candidate.Concerns.ShouldContain("2023 年已获五一劳动奖章，距今 3 年，不足 5 年，请核实是否可再次推荐");
    }

    [Fact]
    public void MedalLongAgo_IsAFact()
    {
        var history = new Dictionary<Guid, int> { [Id(0)] = 2020 };
        var candidate = Nominations.MayDayMedal(Awarded(AwardRule.Default, 95, 90), ContestLevel.CityClass1, 2026, history, MedalNominationRule.CityDefault).ShouldHaveSingleItem();
        candidate.Facts.ShouldContain("2020 年曾获五一劳动奖章，距今 6 年，已满 5 年");
    }

    [Fact]
    public void FirstPlaceRefusedForTheMinimum_IsNoCandidate() =>
        Nominations.MayDayMedal(Awarded(AwardRule.ByCount(1, 1, 1) with { MinimumTotal = 60 }, 55, 50), ContestLevel.CityClass1, 2026,
            NoMedals, MedalNominationRule.CityDefault).ShouldBeEmpty();

    [Fact]
    public void Promotions_Top3Technician_Next5SeniorWorker()
    {
        var outcome = Awarded(AwardRule.ByCount(3, 5, 5), Enumerable.Range(0, 15).Select(i => 100.0 - i).ToArray());
        var candidates = Nominations.Promotions(outcome, ContestLevel.CityClass1, NoLevels, Promotion);
        candidates.Select(c => c.Level).ShouldBe([.. Enumerable.Repeat<SkillLevel?>(SkillLevel.Level2, 3), .. Enumerable.Repeat<SkillLevel?>(SkillLevel.Level3, 5)]);
        candidates.ShouldAllBe(c => c.Kind == NominationKind.Promotion);
        candidates[0].Facts.ShouldContain("规则：市级一类竞赛第 1–3 位推荐二级/技师，第 4–8 位推荐三级/高级工（并列者同档）");
        candidates[0].Concerns.ShouldBe(["平台无其现有技能等级记录，请核实后确认"]);
    }

    [Fact]
    public void Promotions_TieAtTheTechnicianBoundary_BothRecommendedForTechnician()
    {
        double[] totals = [100, 99, 98, 98, 96, 95, 94, 93, 92, 91];
        var candidates = Nominations.Promotions(Awarded(AwardRule.ByCount(3, 3, 4), totals), ContestLevel.CityClass1, NoLevels, Promotion);
        candidates.Count(c => c.Level == SkillLevel.Level2).ShouldBe(4);
        candidates.Count(c => c.Level == SkillLevel.Level3).ShouldBe(4); // 高级工 starts one place later
    }

    [Fact]
    public void Promotions_PerContestLevel()
    {
        var outcome = Awarded(AwardRule.ByCount(1, 2, 3), 100, 99, 98, 97);
        Nominations.Promotions(outcome, ContestLevel.CityClass2, NoLevels, Promotion).Select(c => c.Level)
            .ShouldBe([SkillLevel.Level3, SkillLevel.Level3]);
        Nominations.Promotions(outcome, ContestLevel.Provincial, NoLevels, Promotion).ShouldBeEmpty();
    }

    [Fact]
    public void Promotions_FlagCurrentLevels()
    {
        var outcome = Awarded(AwardRule.ByCount(1, 2, 3), 100, 99, 98, 97);
        var levels = new Dictionary<Guid, SkillLevel> { [Id(0)] = SkillLevel.Level2, [Id(1)] = SkillLevel.Level5, [Id(2)] = SkillLevel.Level3 };
        var candidates = Nominations.Promotions(outcome, ContestLevel.CityClass1, levels, Promotion);
        candidates[0].Concerns.ShouldContain("现为二级/技师，不低于推荐等级二级/技师，无需晋升，请确认是否改为其他奖励");
        candidates[1].Concerns.ShouldContain("现为五级/初级工，推荐二级/技师为越级晋升，请按越级晋升的规定核实");
        candidates[2].Facts.ShouldContain("现为三级/高级工，推荐晋升一级");
        candidates[2].Concerns.ShouldBeEmpty();
    }

    [Fact]
    public void Promotions_StepsOutOfOrder_AreRefused()
    {
        var rule = new PromotionRule(new Dictionary<ContestLevel, IReadOnlyList<PromotionStep>>
        {
            [ContestLevel.CityClass1] = [new(SkillLevel.Level3, 3), new(SkillLevel.Level2, 5)],
        });
        Should.Throw<ArgumentException>(() => Nominations.Promotions(Awarded(AwardRule.Default, 90), ContestLevel.CityClass1, NoLevels, rule))
            .Message.ShouldContain("从高等级到低等级");
    }

    [Fact]
    public void Promotions_AnEntryRefusedInBetween_LeavesNoGap()
    {
        // A ranking whose totals are not in order (e.g. by points, then a penalty): 第 2 名 is under the minimum.
        RankedEntry[] entries = [new(Id(0), "甲", EntryStatus.Finished, 1, 90), new(Id(1), "乙", EntryStatus.Finished, 2, 50), new(Id(2), "丙", EntryStatus.Finished, 3, 80)];
        var outcome = AwardAllocator.Allocate(entries, AwardRule.ByCount(3, 0, 0) with { MinimumTotal = 60 });
        var candidates = Nominations.Promotions(outcome, ContestLevel.CityClass2, NoLevels, Promotion);
        candidates.Select(c => c.EntryId).ShouldBe([Id(0), Id(2)]);
        candidates[1].Facts.ShouldContain("市级二类竞赛第 3 名，总分 80，获一等奖");
    }
}
