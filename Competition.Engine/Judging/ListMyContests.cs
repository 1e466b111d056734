using Competition.Engine.Accounts;
using Competition.Engine.Common;
using Competition.Engine.Contests;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Judging;

/// <summary>
/// A judge's "my contests": only the contests they are assigned to (any station), newest first, with their stations;
/// a chief judge is told they may sign off and correct there, and which results drafts wait for their signature.
/// </summary>
public static class ListMyContests
{
    public sealed record Query(Actor Actor) : IRequest<IReadOnlyList<Row>>;

    public sealed record Row(Guid Id, string Title, ContestPhase Phase, DateTime StartsAt, DateTime EndsAt, IReadOnlyList<string> Stations, bool IsChief,
        bool ResultsAwaitSignature = false);

    public sealed class Handler(CompetitionDbContext db) : IRequestHandler<Query, IReadOnlyList<Row>>
    {
        public async Task<IReadOnlyList<Row>> Handle(Query q, CancellationToken ct)
        {
            if (!SheetAccess.IsJudge(q.Actor)) throw new ForbiddenException("只有裁判和裁判长有“我的竞赛”；组织者请在“竞赛”中管理竞赛。");
            var mine = await db.JudgeAssignments.AsNoTracking().Where(a => a.JudgeUserId == q.Actor.UserId)
                .Select(a => new { a.ContestId, a.Station }).ToListAsync(ct);
            var ids = mine.Select(a => a.ContestId).Distinct().ToList();
            var contests = await db.Contests.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(ct);
            var chief = q.Actor.IsIn(Roles.ChiefJudge);
            // A chief judge is pointed at a results draft that waits for their signature (成绩签字).
            var toSign = chief ? await Rankings.ResultsAccess.AwaitingChiefJudgeAsync(db, ids, ct) : new HashSet<Guid>();
            return contests.OrderByDescending(c => c.StartsAt)
                .Select(c => new Row(c.Id, c.Title, c.Phase, c.StartsAt, c.EndsAt,
                    mine.Where(a => a.ContestId == c.Id).Select(a => a.Station).Distinct().Order().ToList(), chief, toSign.Contains(c.Id)))
                .ToList();
        }
    }
}
