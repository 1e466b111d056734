using Competition.Engine.Common;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Practice;

/// <summary>The end of a drill set: right, wrong, self-assessed short answers, the time it took, and what to start next.</summary>
public static class GetPracticeSummary
{
    public sealed record Query(Actor Actor, Guid SessionId) : IRequest<Result>;

    /// <param name="Wrong">Machine-marked answers that were wrong.</param>
    /// <param name="Unassessed">Short answers the worker did not assess.</param>
    public sealed record Result(Guid SessionId, string TradeCode, string TradeName, SkillLevel? Level, PracticeMode Mode, string? KnowledgePoint,
        int? SetSize, int Answered, int Correct, int Wrong, int SelfRight, int SelfPartly, int SelfWrong, int Unassessed, TimeSpan Time, int WrongBookCount);

    public sealed class Handler(CompetitionDbContext db) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query q, CancellationToken ct)
        {
            var s = await db.OwnSessionAsync(q.Actor, q.SessionId, track: false, ct);
            var name = await db.Trades.AsNoTracking().Where(t => t.Code == s.TradeCode).Select(t => t.Name).FirstOrDefaultAsync(ct) ?? s.TradeCode;
            var inBook = await db.WrongBookEntries.AsNoTracking().CountAsync(e => e.WorkerId == s.WorkerId && e.TradeCode == s.TradeCode && e.MasteredAt == null, ct);
            return new Result(s.Id, s.TradeCode, name, s.Level, s.Mode, s.KnowledgePoint, s.SetSize, s.Answered, s.Correct, s.Wrong,
                s.SelfRight, s.SelfPartly, s.SelfWrong, Math.Max(0, s.PersonMarked - s.SelfAssessed), s.LastActivityAt - s.StartedAt, inBook);
        }
    }
}
