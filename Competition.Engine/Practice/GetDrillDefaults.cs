using Competition.Engine.Common;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Practice;

/// <summary>
/// What the drill form starts with: the worker's own trade and level from their profile; what the profile lacks comes from
/// their last drill; the set size they last chose.
/// </summary>
public static class GetDrillDefaults
{
    public sealed record Query(Actor Actor) : IRequest<Result>;

    public sealed record Result(string? TradeCode, SkillLevel? Level, int SetSize);

    public sealed class Handler(CompetitionDbContext db) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query q, CancellationToken ct)
        {
            var workerId = q.Actor.RequireWorker();
            var profile = await db.Workers.AsNoTracking().Where(w => w.Id == workerId).Select(w => new { w.TradeCode, w.Level }).FirstOrDefaultAsync(ct);
            var last = await db.PracticeSessions.AsNoTracking().Where(s => s.WorkerId == workerId).OrderByDescending(s => s.StartedAt)
                .Select(s => new { s.TradeCode, s.Level, s.SetSize }).FirstOrDefaultAsync(ct);
            var trade = profile?.TradeCode ?? last?.TradeCode;
            // The last level only belongs with the last trade.
            var level = profile?.Level ?? (last is not null && last.TradeCode == trade ? last.Level : null);
            return new Result(trade, level, last?.SetSize ?? DrillSets.Default);
        }
    }
}
