using Competition.Engine.Common;
using Competition.Engine.Judging;
using static Competition.Engine.Judging.ContestPhase;

namespace Competition.Tests.Unit.Judging;

public class PhaseRulesTests
{
    private static readonly DateTime Start = new(2026, 5, 20, 0, 30, 0, DateTimeKind.Utc);
    private static readonly ContestTimes WithFreeze = new(Start, Start.AddHours(3), Start.AddHours(4));
    private static readonly ContestTimes NoFreeze = new(Start, null, Start.AddHours(4));

    [Theory]
    [InlineData(Scheduled, Running)]
    [InlineData(Running, Frozen)]
    [InlineData(Running, Ended)]
    [InlineData(Frozen, Ended)]
    [InlineData(Ended, Finalized)]
    public void ForwardSteps_AreAllowed(ContestPhase from, ContestPhase to) =>
        PhaseRules.Refusal(from, to, hasFreeze: true).ShouldBeNull();

    [Theory]
    [InlineData(Running, Scheduled)]
    [InlineData(Frozen, Running)]
    [InlineData(Ended, Frozen)]
    [InlineData(Finalized, Ended)]
    public void GoingBack_IsRefused(ContestPhase from, ContestPhase to) =>
        PhaseRules.Refusal(from, to, hasFreeze: true).ShouldNotBeNull().ShouldContain("只能向前推进");

    [Theory]
    [InlineData(Scheduled, Frozen, "请先开始比赛")]
    [InlineData(Scheduled, Ended, "请先开始比赛")]
    [InlineData(Running, Finalized, "请先结束比赛")]
    [InlineData(Frozen, Finalized, "请先结束比赛")]
    public void SkippingAPhase_IsRefusedWithTheStepToTake(ContestPhase from, ContestPhase to, string advice) =>
        PhaseRules.Refusal(from, to, hasFreeze: true).ShouldNotBeNull().ShouldEndWith(advice + "。");

    [Fact]
    public void Freezing_NeedsAFreezeTime() =>
        PhaseRules.Refusal(Running, Frozen, hasFreeze: false).ShouldNotBeNull().ShouldContain("未设封榜时间");

    [Fact]
    public void Finalizing_NeedsEveryMarkInAndSigned()
    {
        PhaseRules.Refusal(Ended, Finalized, true, unmarked: 2, unsigned: 1).ShouldBe("尚有 2 项未评分、1 份评分表未签字，全部评分并签字后才能确认成绩。");
        PhaseRules.CanMove(Ended, Finalized, true, unmarked: 0, unsigned: 1).ShouldBeFalse();
        PhaseRules.CanMove(Ended, Finalized, true, unmarked: 1, unsigned: 0).ShouldBeFalse();
        PhaseRules.CanMove(Ended, Finalized, true, unmarked: 0, unsigned: 0).ShouldBeTrue();
    }

    [Fact]
    public void EnsureCanMove_ThrowsARuleViolation() =>
        Should.Throw<RuleViolationException>(() => PhaseRules.EnsureCanMove(Ended, Running, true)).Message.ShouldContain("不能退回");

    [Fact]
    public void Validate_AcceptsStartBeforeFreezeBeforeEnd()
    {
        PhaseRules.Validate(WithFreeze.Start, WithFreeze.Freeze, WithFreeze.End).ShouldBeEmpty();
        PhaseRules.Validate(NoFreeze.Start, null, NoFreeze.End).ShouldBeEmpty();
    }

    [Fact]
    public void Validate_RefusesEndNotAfterStart() =>
        PhaseRules.Validate(Start, null, Start).ShouldBe([new ValidationError("end", "结束时间必须晚于开始时间。")]);

    [Theory]
    [InlineData(0)]   // at the start
    [InlineData(240)] // at the end
    [InlineData(-10)]
    [InlineData(300)]
    public void Validate_RefusesFreezeNotStrictlyInside(int freezeMinutes) =>
        PhaseRules.Validate(Start, Start.AddMinutes(freezeMinutes), Start.AddHours(4)).ShouldHaveSingleItem().Field.ShouldBe("freeze");

    [Theory]
    [InlineData(-1, Scheduled)]
    [InlineData(0, Running)]
    [InlineData(179, Running)]
    [InlineData(180, Frozen)]
    [InlineData(239, Frozen)]
    [InlineData(240, Ended)]
    [InlineData(100_000, Ended)] // never Finalized by time alone
    public void PhaseAt_EachBoundaryBelongsToThePhaseItStarts(int minutes, ContestPhase expected) =>
        PhaseRules.PhaseAt(WithFreeze, Start.AddMinutes(minutes)).ShouldBe(expected);

    [Fact]
    public void PhaseAt_WithoutFreeze_RunsUntilTheEnd()
    {
        PhaseRules.PhaseAt(NoFreeze, Start.AddMinutes(239)).ShouldBe(Running);
        PhaseRules.PhaseAt(NoFreeze, Start.AddMinutes(240)).ShouldBe(Ended);
    }

    [Fact]
    public void PhaseAt_InvalidTimes_Throws() =>
        Should.Throw<ArgumentException>(() => PhaseRules.PhaseAt(new ContestTimes(Start, Start.AddHours(5), Start.AddHours(4)), Start));

    [Theory]
    [InlineData(Scheduled, true, false, false)]
    [InlineData(Running, true, false, false)]
    [InlineData(Frozen, true, false, true)]
    [InlineData(Ended, true, false, true)]
    [InlineData(Finalized, true, false, true)]
    [InlineData(Ended, true, true, false)]
    [InlineData(Finalized, true, true, false)]
    [InlineData(Ended, false, false, false)] // nothing was hidden
    public void PublicBoard_StaysFrozenFromTheFreezeUntilTheReveal(ContestPhase phase, bool hasFreeze, bool revealComplete, bool frozen) =>
        PhaseRules.PublicBoardFrozen(phase, hasFreeze, revealComplete).ShouldBe(frozen);
}
