using Competition.Engine.Common;
using Competition.Engine.Contests;
using Competition.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Scoreboards;

/// <summary>
/// Who may watch a contest's boards, over HTTP and the hub alike. The public board is open to anyone (it stops at the
/// freeze); the jury board, which stays live, only to the contest's own people: organizers of its city, admins, and
/// the judges and chief judges assigned to it.
/// </summary>
public static class BoardAccess
{
    public static async Task<bool> MayWatchJuryAsync(CompetitionDbContext db, Actor actor, Contest contest, CancellationToken ct) =>
        ContestAccess.MayManage(actor, contest) || await ContestAccess.IsAssignedAsync(db, actor, contest.Id, ct);

    /// <summary>404 for a contest that does not exist; 403 for a jury board the actor may not watch.</summary>
    public static async Task EnsureMayWatchAsync(CompetitionDbContext db, Actor actor, Guid contestId, bool jury, CancellationToken ct)
    {
        var contest = await db.Contests.AsNoTracking().FirstOrDefaultAsync(c => c.Id == contestId, ct) ?? throw new NotFoundException("竞赛", contestId);
        if (jury && !await MayWatchJuryAsync(db, actor, contest, ct))
            throw new ForbiddenException(actor.UserId.Length == 0
                ? "评审榜仅对本竞赛的裁判、本市组织者和管理员开放，请登录后再试。"
                : $"评审榜仅对「{contest.Title}」的裁判、本市组织者和管理员开放；公开榜请去掉 view=jury。");
    }
}
