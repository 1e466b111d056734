using Competition.Engine.Common;
using Competition.Engine.Contests;
using Competition.Engine.Judging;

namespace Competition.Tests.Unit.Contests;

/// <summary>The moments a contest actually moved, which the boards go by, and what the clock still has to do.</summary>
public class ContestMomentsTests
{
    private static readonly DateTime Start = new(2026, 5, 20, 1, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Freeze = Start.AddHours(3), End = Start.AddHours(4);

    private static Contest New(DateTime? freeze = null, params string[] groups) =>
        new(Guid.NewGuid(), "钳工竞赛", "fitter", ContestLevel.CityClass1, "maanshan", groups.Length == 0 ? ["职工组"] : groups, Start, freeze ?? Freeze, End, "", Start.AddDays(-1));

    [Fact]
    public void TheClock_RecordsEachStepAtItsScheduledTime_EvenWhenItCatchesUpLate()
    {
        var contest = New();
        contest.CatchUp(Freeze.AddMinutes(20)).ShouldBeTrue();   // the server was down from before the start until after the freeze
        contest.Phase.ShouldBe(ContestPhase.Frozen);
        (contest.StartedAt, contest.FrozenAt).ShouldBe((Start, Freeze));
        contest.NextDueAt.ShouldBe(End);
        contest.CatchUp(Freeze.AddMinutes(21)).ShouldBeFalse();
    }

    [Fact]
    public void FreezeNow_RecordsTheClick_AndTheScheduledFreezeLaterChangesNothing()
    {
        var contest = New();
        contest.CatchUp(Start.AddMinutes(1));
        var click = Start.AddHours(1);
        contest.MoveTo(ContestPhase.Frozen, click);
        contest.FrozenAt.ShouldBe(click);
        contest.CatchUp(Freeze.AddMinutes(1)).ShouldBeFalse();
        contest.FrozenAt.ShouldBe(click);
    }

    [Fact]
    public void EndNowBeforeTheFreeze_FreezesThePublicBoardAtTheEnd()
    {
        var contest = New();
        contest.CatchUp(Start.AddMinutes(1));
        var click = Start.AddHours(2);
        contest.MoveTo(ContestPhase.Ended, click);
        (contest.EndedAt, contest.FrozenAt).ShouldBe((click, click));
        contest.PublicBoardFrozenFor("职工组", totalSteps: 3).ShouldBeTrue();
        contest.NextDueAt.ShouldBeNull();   // nothing left for the clock, ever
    }

    [Fact]
    public void StartNowBeforeTheSchedule_RunsAtTheClick_AndTheClockThenWaitsForTheFreeze()
    {
        var contest = New();
        contest.NextDueAt.ShouldBe(Start);
        var click = Start.AddMinutes(-20);
        contest.MoveTo(ContestPhase.Running, click);
        contest.StartedAt.ShouldBe(click);
        contest.NextDueAt.ShouldBe(Freeze);
        contest.CatchUp(Start.AddMinutes(1)).ShouldBeFalse();
    }

    [Fact]
    public void AContestWithoutFreeze_IsDueAtItsEnd_AndItsBoardNeverFreezes()
    {
        var contest = new Contest(Guid.NewGuid(), "无封榜", "fitter", ContestLevel.CityClass2, "maanshan", ["职工组"], Start, null, End, "", Start);
        contest.CatchUp(Start);
        contest.NextDueAt.ShouldBe(End);
        contest.CatchUp(End);
        (contest.Phase, contest.FrozenAt).ShouldBe((ContestPhase.Ended, (DateTime?)null));
        contest.PublicBoardFrozenFor("职工组", 3).ShouldBeFalse();
    }

    [Fact]
    public void EachGroup_HasItsOwnReveal()
    {
        var contest = New(null, "职工组", "学生组");
        contest.CatchUp(End);
        contest.RevealNext("职工组", totalSteps: 2);
        contest.RevealNext("职工组", totalSteps: 2);
        contest.PublicBoardFrozenFor("职工组", 2).ShouldBeFalse();
        contest.PublicBoardFrozenFor("学生组", 4).ShouldBeTrue();
        contest.RevealedSteps("学生组").ShouldBe(0);
        Should.Throw<RuleViolationException>(() => contest.RevealNext("职工组", 2)).Message.ShouldContain("已全部揭晓");
        Should.Throw<NotFoundException>(() => contest.RevealNext("教师组", 2));
    }

    [Fact]
    public void PhaseNames_HaveOneWording() =>
        Enum.GetValues<ContestPhase>().Select(PhaseRules.Name).ShouldBe(["未开始", "进行中", "封榜中", "已结束", "已定榜"]);
}
