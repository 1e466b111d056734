using Competition.Engine.Accounts;
using Competition.Engine.Common;
using Competition.Engine.Contests;
using Competition.Engine.Organizations;

namespace Competition.Tests.Unit.Contests;

public class ContestAccessTests
{
    private static readonly City Maanshan = CityCatalog.All.Single(c => c.Code == "maanshan");
    private static readonly City Hefei = CityCatalog.All.Single(c => c.Code == "hefei");
    private static readonly City Songjiang = CityCatalog.All.Single(c => c.Code == "songjiang");

    private static Contest Contest(ContestLevel level, string city = "maanshan") =>
        new(Guid.NewGuid(), "钳工竞赛", "fitter", level, city, ["职工组"], DateTime.UtcNow, null, DateTime.UtcNow.AddHours(2), "", DateTime.UtcNow);

    private static Actor Organizer(string city) => new("u", "u", new HashSet<string> { Roles.Organizer }, city);

    [Theory]
    [InlineData(ContestLevel.CityClass1)]
    [InlineData(ContestLevel.CityClass2)]
    public void ACityContest_AdmitsOnlyItsOwnCity(ContestLevel level)
    {
        ContestAccess.EntryProblem(Contest(level), Maanshan, Maanshan).ShouldBeNull();
        ContestAccess.EntryProblem(Contest(level), Maanshan, Hefei)!.ShouldContain("只能登记马鞍山的选手");
    }

    [Fact]
    public void AProvincialContest_AdmitsItsProvince_ADeltaContestEveryCity_AnAdminsContestAnyone()
    {
        ContestAccess.EntryProblem(Contest(ContestLevel.Provincial), Maanshan, Hefei).ShouldBeNull();
        ContestAccess.EntryProblem(Contest(ContestLevel.Provincial), Maanshan, Songjiang)!.ShouldContain("安徽");
        ContestAccess.EntryProblem(Contest(ContestLevel.YangtzeDelta), Maanshan, Songjiang).ShouldBeNull();
        ContestAccess.EntryProblem(Contest(ContestLevel.CityClass1, ContestAccess.AnyCity), null, Songjiang).ShouldBeNull();
        ContestAccess.EntryCities(Contest(ContestLevel.Provincial), CityCatalog.All).Select(c => c.Province).Distinct().ShouldBe(["安徽"]);
    }

    [Fact]
    public void OrganizersManageTheirCitysContests_AdminsAll_NobodyElse()
    {
        var contest = Contest(ContestLevel.CityClass1);
        ContestAccess.MayManage(Organizer("maanshan"), contest).ShouldBeTrue();
        ContestAccess.MayManage(Actor.System, contest).ShouldBeTrue();
        ContestAccess.MayManage(Organizer("tongling"), contest).ShouldBeFalse();
        ContestAccess.MayManage(new Actor("j", "j", new HashSet<string> { Roles.ChiefJudge }, "maanshan"), contest).ShouldBeFalse();
        Should.Throw<ForbiddenException>(() => ContestAccess.EnsureMayManage(Organizer("tongling"), contest)).Message.ShouldContain("只能管理本市组织的竞赛");
    }
}
