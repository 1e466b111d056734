using Competition.Engine.Common;
using Competition.Engine.Persistence;
using MediatR;

namespace Competition.Engine.Practice;

/// <summary>
/// The worker judges their own short answer against the reference answer (对 / 部分对 / 错). It counts once per answer in the
/// set's summary and in progress; the machine never marks short answers, so this is the only measure of them.
/// </summary>
public static class AssessShortAnswer
{
    public sealed record Command(Actor Actor, Guid SessionId, string QuestionId, SelfAssessment Assessment) : IRequest<Result>;

    public sealed record Result(int SelfRight, int SelfPartly, int SelfWrong);

    public sealed class Validator : IValidator<Command>
    {
        public IEnumerable<ValidationError> Validate(Command c)
        {
            if (string.IsNullOrWhiteSpace(c.QuestionId)) yield return new(nameof(c.QuestionId), "缺少题目编号");
            if (!Enum.IsDefined(c.Assessment)) yield return new(nameof(c.Assessment), "请选择 对、部分对 或 错");
        }
    }

    public sealed class Handler(CompetitionDbContext db, TimeProvider clock) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command c, CancellationToken ct)
        {
            var session = await db.OwnSessionAsync(c.Actor, c.SessionId, track: true, ct);
            var record = await db.PracticeRecords.FindAsync([session.WorkerId, c.QuestionId], ct);
            // Only an answer the worker gave in this session, to a question a person must judge, can be assessed.
            if (record is null || record.TradeCode != session.TradeCode || record.LastAnsweredAt < session.StartedAt
                || !db.Questions.Any(q => q.Id == c.QuestionId && q.Type == QuestionBank.QuestionType.ShortAnswer))
                throw new RuleViolationException("只能自评本次练习中刚作答的简答题：请先作答，再对照参考答案自评。");
            record.Assess(c.Assessment);
            session.Assessed(c.Assessment, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
            return new Result(session.SelfRight, session.SelfPartly, session.SelfWrong);
        }
    }
}
