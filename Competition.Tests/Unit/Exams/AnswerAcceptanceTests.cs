using Competition.Engine.Common;
using Competition.Engine.Exams;

namespace Competition.Tests.Unit.Exams;

/// <summary>The acceptance rule has one home: the entity, the LINQ expression and the SQL all say the same thing.</summary>
public class AnswerAcceptanceTests
{
    private static readonly DateTime CloseAt = new(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc);

    public static IEnumerable<object[]> Cases =>
        from state in Enum.GetValues<AttemptState>()
        from offset in new[] { -60, 0, 1 }
        select new object[] { state, offset };

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheEntity_TheQueryExpression_AndTheRule_Agree(AttemptState state, int secondsAfterClose)
    {
        var now = CloseAt.AddSeconds(secondsAfterClose);
        var expected = state is AttemptState.InProgress or AttemptState.Overdue && secondsAfterClose <= 0;
        AnswerAcceptance.Accepts(state, CloseAt, now).ShouldBe(expected);
        (AnswerAcceptance.Refusal(state, CloseAt, now) is null).ShouldBe(expected);
        var attempt = AttemptIn(state);
        AnswerAcceptance.Accepts(now).Compile()(attempt).ShouldBe(expected);
        if (expected) Should.NotThrow(() => attempt.EnsureAcceptsAnswer(now));
        else Should.Throw<RuleViolationException>(() => attempt.EnsureAcceptsAnswer(now));
        AnswerAcceptance.IsOpen.Compile()(attempt).ShouldBe(attempt.IsOpen);
    }

    [Fact]
    public void TheSql_IsBuiltFromTheOpenStates_NotFromMagicNumbers() =>
        AnswerAcceptance.Sql("Attempts", "$8").ShouldBe($"\"Attempts\".\"State\" IN ({(int)AttemptState.InProgress}, {(int)AttemptState.Overdue}) AND \"Attempts\".\"CloseAt\" >= $8");

    [Fact]
    public void TheUpsert_UsesTheRule() => AnswerSaves.UpsertSql.ShouldContain(AnswerAcceptance.Sql("Attempts", "$8"));

    [Theory]
    [InlineData(AttemptState.Submitted, "已交卷")]
    [InlineData(AttemptState.Abandoned, "作废")]
    public void AClosedAttempt_SaysWhy(AttemptState state, string words) =>
        AnswerAcceptance.Refusal(state, CloseAt, CloseAt.AddMinutes(-5))!.ShouldContain(words);

    /// <summary>An attempt in the given state with <see cref="CloseAt"/> as its close, built through its own methods.</summary>
    private static Attempt AttemptIn(AttemptState state)
    {
        var opens = CloseAt.AddHours(-2);
        var exam = new Exam(Guid.NewGuid(), "测试", "maanshan", new Blueprint([new("s", [new("fitter", [Competition.Engine.QuestionBank.SkillLevel.Level5], Competition.Engine.QuestionBank.QuestionType.Single, 1, 1, 2, [])])]),
            new ExamSettings(60, opens, opens.AddDays(1), 1, 0.5, OverdueHandling.GracePeriod, 60,
                true, true, ReviewOptions.Score, MultipleChoiceScoring.AllOrNothing), "t", opens);
        var attempt = new Attempt(Guid.NewGuid(), exam, Guid.NewGuid(), new Paper(Guid.NewGuid(), exam.Id, null, 1, 1, [], opens), 1, opens);
        attempt.CloseAt.ShouldBe(CloseAt); // 60 minutes + 60 minutes' grace
        switch (state)
        {
            case AttemptState.Overdue: attempt.TimeUp(exam.Overdue, opens.AddMinutes(61)).ShouldBe(TimeUpOutcome.Overdue); break;
            case AttemptState.Submitted: attempt.Submit([1.0], opens.AddMinutes(5)).ShouldBeTrue(); break;
            case AttemptState.Abandoned: attempt.TimeUp(OverdueHandling.Abandon, opens.AddMinutes(61)).ShouldBe(TimeUpOutcome.Abandoned); break;
            case AttemptState.NotStarted: typeof(Attempt).GetProperty(nameof(Attempt.State))!.SetValue(attempt, AttemptState.NotStarted); break;
        }
        attempt.State.ShouldBe(state);
        return attempt;
    }
}
