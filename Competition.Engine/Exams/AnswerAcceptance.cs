using System.Linq.Expressions;
using Competition.Engine.Common;

namespace Competition.Engine.Exams;

/// <summary>
/// The one home of "may this attempt still take an answer": it is open (in progress, or overdue within its grace
/// period) and the moment is not past its close. The entity asks <see cref="Refusal"/>, queries use
/// <see cref="Accepts(DateTime)"/> or <see cref="IsOpen"/>, and the batch writer's SQL is built by <see cref="Sql"/>,
/// all from <see cref="OpenStates"/>, so the four can no longer drift apart.
/// </summary>
public static class AnswerAcceptance
{
    /// <summary>States in which an attempt is still being sat.</summary>
    public static readonly IReadOnlyList<AttemptState> OpenStates = [AttemptState.InProgress, AttemptState.Overdue];

    public static bool IsOpenState(AttemptState state) => OpenStates.Contains(state);

    public static bool Accepts(AttemptState state, DateTime closeAtUtc, DateTime nowUtc) => IsOpenState(state) && nowUtc <= closeAtUtc;

    /// <summary>Why an answer is refused, in words the worker can act on; null when it is accepted.</summary>
    public static string? Refusal(AttemptState state, DateTime closeAtUtc, DateTime nowUtc) => state switch
    {
        AttemptState.Submitted => "本次作答已交卷，不能再修改答案。",
        AttemptState.Abandoned => "本次作答已作废（超时未交卷），不能再修改答案。",
        _ when !IsOpenState(state) => "本次作答尚未开始或已结束，不能保存答案。",
        _ when nowUtc > closeAtUtc => $"作答时间已于 {TimeZones.Shanghai(closeAtUtc):HH:mm:ss} 结束，此答案未被接受。",
        _ => null,
    };

    /// <summary>Attempts that are open (whatever the time): for lobbies, monitors and resuming.</summary>
    public static Expression<Func<Attempt, bool>> IsOpen { get; } = Build(now: null);

    /// <summary>Attempts that accept an answer at <paramref name="nowUtc"/> (translated to SQL with the time as a parameter).</summary>
    public static Expression<Func<Attempt, bool>> Accepts(DateTime nowUtc) => Build(() => nowUtc);

    /// <summary>
    /// The same rule as a SQL condition on the "Attempts" table (alias <paramref name="table"/>), for statements EF
    /// cannot express (the batch upsert). Enum values come from <see cref="OpenStates"/>, not magic numbers.
    /// </summary>
    public static string Sql(string table, string nowParameter) =>
        $"\"{table}\".\"State\" IN ({string.Join(", ", OpenStates.Select(s => (int)s))}) AND \"{table}\".\"CloseAt\" >= {nowParameter}";

    private static Expression<Func<Attempt, bool>> Build(Expression<Func<DateTime>>? now)
    {
        var a = Expression.Parameter(typeof(Attempt), "a");
        var state = Expression.Property(a, nameof(Attempt.State));
        var body = OpenStates.Select(s => (Expression)Expression.Equal(state, Expression.Constant(s))).Aggregate(Expression.OrElse);
        // The time is read from a closure, so EF sends it as a parameter instead of baking a new query per moment.
        if (now is not null) body = Expression.AndAlso(body, Expression.GreaterThanOrEqual(Expression.Property(a, nameof(Attempt.CloseAt)), now.Body));
        return Expression.Lambda<Func<Attempt, bool>>(body, a);
    }
}
