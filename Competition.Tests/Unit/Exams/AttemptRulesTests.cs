using Competition.Engine.Common;
using Competition.Engine.Exams;
using Competition.Engine.QuestionBank;

namespace Competition.Tests.Unit.Exams;

public class AttemptRulesTests
{
    private static readonly DateTime T0 = new(2026, 11, 21, 1, 0, 0, DateTimeKind.Utc);

    private static Exam ExamWith(OverdueHandling overdue, int graceMinutes = 0, int duration = 60, int closesAfterMinutes = 600) =>
        new(Guid.NewGuid(), "测试", "maanshan", new Blueprint([new("s", [new("fitter", [SkillLevel.Level5], QuestionType.Single, 1, 1, 2, [])])]),
            new ExamSettings(duration, T0, T0.AddMinutes(closesAfterMinutes), 1, 0.6, overdue, graceMinutes, true, true, ReviewOptions.Score, MultipleChoiceScoring.AllOrNothing), "t", T0);

    private static Attempt Start(Exam exam, DateTime at) =>
        new(Guid.NewGuid(), exam, Guid.NewGuid(), new Paper(Guid.NewGuid(), exam.Id, null, 1, 1, [], at), 1, at);

    [Fact]
    public void Deadline_IsTheEarlierOfDurationAndClose()
    {
        Start(ExamWith(OverdueHandling.AutoSubmit), T0).Deadline.ShouldBe(T0.AddMinutes(60));
        Start(ExamWith(OverdueHandling.AutoSubmit, closesAfterMinutes: 90), T0.AddMinutes(70)).Deadline.ShouldBe(T0.AddMinutes(90));
    }

    [Fact]
    public void AutoSubmit_SubmitsAtTheDeadline_AndTwiceChangesNothing()
    {
        var a = Start(ExamWith(OverdueHandling.AutoSubmit), T0);
        a.TimeUp(OverdueHandling.AutoSubmit, T0.AddMinutes(59)).ShouldBe(TimeUpOutcome.Nothing);
        a.TimeUp(OverdueHandling.AutoSubmit, T0.AddMinutes(60)).ShouldBe(TimeUpOutcome.Submit);
        a.Submit([1.0], T0.AddMinutes(60)).ShouldBeTrue();
        a.Submit([0.0], T0.AddMinutes(61)).ShouldBeFalse();
        a.Score.ShouldBe(1);
        a.TimeUp(OverdueHandling.AutoSubmit, T0.AddMinutes(62)).ShouldBe(TimeUpOutcome.Nothing);
    }

    [Fact]
    public void GracePeriod_AcceptsAnswersUntilItEnds_ThenSubmits()
    {
        var exam = ExamWith(OverdueHandling.GracePeriod, graceMinutes: 5);
        var a = Start(exam, T0);
        a.TimeUp(exam.Overdue, T0.AddMinutes(60)).ShouldBe(TimeUpOutcome.Overdue);
        a.State.ShouldBe(AttemptState.Overdue);
        Should.NotThrow(() => a.EnsureAcceptsAnswer(T0.AddMinutes(64)));
        Should.Throw<RuleViolationException>(() => a.EnsureAcceptsAnswer(T0.AddMinutes(65).AddSeconds(1))).Message.ShouldContain("结束");
        a.TimeUp(exam.Overdue, T0.AddMinutes(65)).ShouldBe(TimeUpOutcome.Submit);
    }

    [Fact]
    public void Abandon_LeavesNoScore()
    {
        var a = Start(ExamWith(OverdueHandling.Abandon), T0);
        a.TimeUp(OverdueHandling.Abandon, T0.AddHours(2)).ShouldBe(TimeUpOutcome.Abandoned);
        a.State.ShouldBe(AttemptState.Abandoned);
        a.Score.ShouldBeNull();
        Should.Throw<RuleViolationException>(() => a.EnsureAcceptsAnswer(T0.AddHours(2))).Message.ShouldContain("作废");
    }

    [Fact]
    public void LateAnswer_IsRefusedWithTheTime() =>
        Should.Throw<RuleViolationException>(() => Start(ExamWith(OverdueHandling.AutoSubmit), T0).EnsureAcceptsAnswer(T0.AddMinutes(61)))
            .Message.ShouldContain("作答时间已于");

    [Fact]
    public void MayStart_OnlyWhilePublishedAndOpen_AndWithAttemptsLeft()
    {
        var exam = ExamWith(OverdueHandling.AutoSubmit);
        exam.StartRefusal(T0.AddMinutes(5), 0)!.ShouldContain("尚未发布");
        exam.Publish();
        exam.StartRefusal(T0.AddMinutes(-1), 0)!.ShouldContain("尚未开始");
        exam.StartRefusal(T0.AddMinutes(5), 0).ShouldBeNull();
        exam.StartRefusal(T0.AddMinutes(5), 1)!.ShouldContain("已用完");
        exam.StartRefusal(T0.AddMinutes(600), 0)!.ShouldContain("已结束");
        exam.Close();
        exam.StartRefusal(T0.AddMinutes(5), 0)!.ShouldContain("已结束");
    }

    [Fact]
    public void APersonsMark_OnlyForSubmittedAttempts_AndOnlyForItemsAPersonMarks()
    {
        var a = Start(ExamWith(OverdueHandling.AutoSubmit), T0);
        Should.Throw<RuleViolationException>(() => a.RecordPersonMark(1, 2, markedByPerson: true)).Message.ShouldContain("尚未交卷");
        a.Submit([1.0, null], T0.AddMinutes(5)).ShouldBeTrue();
        Should.Throw<RuleViolationException>(() => a.RecordPersonMark(0, 0, markedByPerson: false)).Message.ShouldContain("自动评分");
        Should.Throw<ValidationException>(() => a.RecordPersonMark(2, 1, markedByPerson: true));
        var version = a.RowVersion;
        a.RecordPersonMark(1, 2.5, markedByPerson: true);
        a.Score.ShouldBe(3.5);
        a.PendingMarks.ShouldBe(0);
        a.RowVersion.ShouldBeGreaterThan(version);
    }
}
