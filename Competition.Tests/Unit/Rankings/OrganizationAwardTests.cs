using Competition.Engine.Rankings;
using static Competition.Engine.Rankings.OrganizationMeasure;

namespace Competition.Tests.Unit.Rankings;

public class OrganizationAwardTests
{
    private static readonly UnitParticipation Suzhou = new(Guid.NewGuid(), "苏州", Entered: 120, Finished: 114, Awards: 12);
    private static readonly UnitParticipation Jiaxing = new(Guid.NewGuid(), "嘉兴", Entered: 80, Finished: 78, Awards: 9);
    private static readonly UnitParticipation Huzhou = new(Guid.NewGuid(), "湖州", Entered: 80, Finished: 76, Awards: 9);
    private static readonly UnitParticipation Xuancheng = new(Guid.NewGuid(), "宣城", Entered: 40, Finished: 40, Awards: 3);
    private static readonly UnitParticipation Wuhu = new(Guid.NewGuid(), "芜湖", Entered: 150, Finished: 120, Awards: 10);
    private static readonly UnitParticipation[] Units = [Suzhou, Jiaxing, Huzhou, Xuancheng, Wuhu];

    // At least 50 entrants, at least 90 % finishing; ranked by awards, then finisher share, then entrants.
    private static OrganizationAwardRule Rule(int places) => new(places, 50, 0.90m, [OrganizationMeasure.Awards, FinisherShare, Participants]);

    private static OrganizationAwardResult Of(IReadOnlyList<OrganizationAwardResult> results, UnitParticipation unit) =>
        results.Single(r => r.Unit.UnitId == unit.UnitId);

    [Fact]
    public void Thresholds_ComeFirst_ThenTheMeasuresInOrder()
    {
        var results = OrganizationAward.Decide(Units, Rule(2));
        results.Where(r => r.Awarded).Select(r => r.Unit.UnitName).ShouldBe(["苏州", "嘉兴"]);
        // 芜湖 has the most entrants but 80 % finishing; 宣城 finishes everyone but has 40 entrants.
        Of(results, Wuhu).Rank.ShouldBeNull();
        Of(results, Xuancheng).Rank.ShouldBeNull();
        // 嘉兴 and 湖州 have 9 awards each; 嘉兴's 97.5 % finishing beats 湖州's 95 %.
        Of(results, Huzhou).Rank.ShouldBe(3);
    }

    [Fact]
    public void Explanation_CarriesTheFiguresThatDecided()
    {
        var results = OrganizationAward.Decide(Units, Rule(2));
        Of(results, Suzhou).Explanation.ShouldBe(
            "参赛 120 人（须不少于 50 人，符合），完赛 114 人，完赛率 95.0%（须不低于 90%，符合），获奖 12 项；第 1 名，在前 2 名内，获优秀组织奖。");
        Of(results, Wuhu).Explanation.ShouldBe(
            "参赛 150 人（须不少于 50 人，符合），完赛 120 人，完赛率 80.0%（须不低于 90%，不足），获奖 10 项；未达参评条件，不获优秀组织奖。");
        Of(results, Huzhou).Explanation.ShouldEndWith("第 3 名，在前 2 名之外。");
    }

    [Fact]
    public void TieAtTheLastPlace_BothGetTheAward()
    {
        // Ranked by awards only: 嘉兴 and 湖州 share second place.
        var results = OrganizationAward.Decide(Units, Rule(2) with { Order = [OrganizationMeasure.Awards] });
        results.Where(r => r.Awarded).Select(r => r.Unit.UnitName).ShouldBe(["苏州", "嘉兴", "湖州"]);
        Of(results, Huzhou).Explanation.ShouldEndWith("并列第 2 名，在前 2 名内，获优秀组织奖。");
    }

    [Fact]
    public void ByParticipantsOnly_WithoutThresholds_TheBiggestWins()
    {
        var results = OrganizationAward.Decide(Units, new OrganizationAwardRule(1, 0, 0m, [Participants]));
        results.Single(r => r.Awarded).Unit.ShouldBe(Wuhu);
    }

    [Fact]
    public void FinisherShare_IsComparedAsShown()
    {
        // 2/3 and 666/999 are both shown as 66.7 %: they share the place.
        UnitParticipation a = new(Guid.NewGuid(), "甲", 3, 2, 0), b = new(Guid.NewGuid(), "乙", 999, 666, 0);
        OrganizationAward.Decide([a, b], new OrganizationAwardRule(1, 0, 0m, [FinisherShare])).ShouldAllBe(r => r.Awarded && r.Rank == 1);
    }

    [Fact]
    public void ImpossibleFigures_AreRefused() =>
        Should.Throw<ArgumentException>(() => OrganizationAward.Decide([new(Guid.NewGuid(), "错", 10, 11, 0)], Rule(1)))
            .Message.ShouldContain("单位“错”的人数有误");

    [Fact]
    public void Rule_IsStated() =>
        Rule(3).Describe().ShouldBe("参赛不少于 50 人、完赛率不低于 90% 的单位，依次按获奖数、完赛率、参赛人数排序，前 3 名获优秀组织奖（并列者同获）。");
}
