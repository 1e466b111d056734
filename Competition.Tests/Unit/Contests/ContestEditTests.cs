using Competition.Engine.Common;
using Competition.Engine.Contests;
using Competition.Engine.Judging;

namespace Competition.Tests.Unit.Contests;

/// <summary>A contest's setup changes only before its start; afterwards the refusal names the rule and the way out.</summary>
public class ContestEditTests
{
    private static readonly DateTime Start = new(2026, 5, 20, 1, 0, 0, DateTimeKind.Utc);

    private static Contest New() =>
        new(Guid.NewGuid(), "钳工竞赛", "fitter", ContestLevel.CityClass1, "maanshan", ["职工组"], Start, Start.AddHours(3), Start.AddHours(4), "", Start.AddDays(-1));

    [Fact]
    public void RedefineBeforeTheStart_MovesTheTimes_AndTheClockFollows()
    {
        var contest = New();
        contest.EditProblem(Start.AddMinutes(-1)).ShouldBeNull();
        contest.Redefine("钳工竞赛（决赛）", "fitter", ContestLevel.Provincial, ["职工组", "学生组"], Start.AddDays(1), null, Start.AddDays(1).AddHours(4), "HigherTheory",
            Start.AddMinutes(-1));
        contest.Title.ShouldBe("钳工竞赛（决赛）");
        contest.GroupList.ShouldBe(["职工组", "学生组"]);
        contest.FreezeAt.ShouldBeNull();
        contest.NextDueAt.ShouldBe(Start.AddDays(1));
        contest.TieBreakList.ShouldBe([TieBreak.HigherTheory]);
    }

    [Fact]
    public void RedefineAtOrAfterTheStart_IsRefused_EvenBeforeTheClockMovedIt()
    {
        var contest = New();
        contest.Phase.ShouldBe(ContestPhase.Scheduled);
        var refused = Should.Throw<RuleViolationException>(() =>
            contest.Redefine("改名", "fitter", ContestLevel.CityClass1, ["职工组"], Start, null, Start.AddHours(4), "", Start));
        refused.Message.ShouldContain("复制为新竞赛");
        contest.Title.ShouldBe("钳工竞赛");
    }

    [Fact]
    public void RedefineWithTheEndBeforeTheStart_IsRefused_AndNothingChanges()
    {
        var contest = New();
        Should.Throw<ValidationException>(() =>
            contest.Redefine("改名", "fitter", ContestLevel.CityClass1, ["职工组"], Start.AddHours(5), null, Start.AddHours(4), "", Start.AddDays(-1)));
        contest.Title.ShouldBe("钳工竞赛");
    }

    [Fact]
    public void LinkingAWorkerOfAnotherCity_IsRefused()
    {
        var contestant = new Contestant(Guid.NewGuid(), Guid.NewGuid(), "A001", "张三", "马钢", "maanshan", "职工组", null, null);
        Should.Throw<ValidationException>(() => contestant.LinkWorker(Guid.NewGuid(), "hefei", "李四")).Errors.Single().Message.ShouldContain("本市的职工");
        var worker = Guid.NewGuid();
        contestant.LinkWorker(worker, "maanshan", "张三");
        contestant.WorkerId.ShouldBe(worker);
    }
}
