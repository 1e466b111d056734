using Competition.Engine.Common;

namespace Competition.Engine.Exams;

/// <summary>
/// Who may do what with an attempt: only the worker who owns it sees its paper, saves and submits; its result is
/// seen by that worker (as far as the exam allows) and by the organizers who manage the exam, in full.
/// </summary>
public static class AttemptAccess
{
    public static bool IsOwner(Actor actor, Guid attemptWorkerId) => actor.WorkerId is { } worker && worker == attemptWorkerId;

    public static void EnsureOwner(Actor actor, Guid attemptWorkerId)
    {
        if (!IsOwner(actor, attemptWorkerId)) throw new ForbiddenException("这不是您的作答。");
    }

    public static bool MayReview(Actor actor, Attempt attempt, Exam exam) => IsOwner(actor, attempt.WorkerId) || ExamAccess.MayManage(actor, exam);

    public static void EnsureMayReview(Actor actor, Attempt attempt, Exam exam)
    {
        if (!MayReview(actor, attempt, exam))
            throw new ForbiddenException(actor.WorkerId is null ? $"只能查看本市组织的考试的成绩；这场考试属于 {exam.CityCode}。" : "这不是您的作答。");
    }
}
