using Competition.Engine.Accounts;
using Competition.Engine.Common;
using Competition.Engine.Contests;
using Competition.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Judging;

/// <summary>
/// Who may read a contest's audit trail (page and CSV): the organizers who manage the contest (ContestAccess) and the
/// contest's own chief judge (SheetAccess). Judges do not: the trail shows every judge's marks.
/// </summary>
public static class AuditAccess
{
    public static async Task<Contest> ReadableAsync(CompetitionDbContext db, Guid contestId, Actor actor, CancellationToken ct)
    {
        var contest = await db.Contests.AsNoTracking().FirstOrDefaultAsync(c => c.Id == contestId, ct) ?? throw new NotFoundException("竞赛", contestId);
        if (ContestAccess.MayManage(actor, contest)) return contest;
        if (actor.IsIn(Roles.ChiefJudge))
        {
            await SheetAccess.EnsureChiefJudgeOfAsync(db, actor, contest.Id, "查看评分审计记录", ct);
            return contest;
        }
        throw new ForbiddenException($"评分审计记录只对管理「{contest.Title}」的组织者和本竞赛的裁判长开放。");
    }
}
