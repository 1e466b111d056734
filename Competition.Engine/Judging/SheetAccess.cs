using Competition.Engine.Accounts;
using Competition.Engine.Common;
using Competition.Engine.Contests;
using Competition.Engine.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Judging;

/// <summary>
/// Who may open a judge sheet, mark, sign off and override. Judges and chief judges act only in the contests they
/// are assigned to: a judge opens the sheet of a contest with at least one assigned station and marks only at
/// those stations; a chief judge signs off and overrides only in contests they are assigned to; an override is
/// recorded in the name of a judge assigned to that round's station.
/// </summary>
public static class SheetAccess
{
    public static bool IsJudge(Actor actor) => actor.IsIn(Roles.Judge) || actor.IsIn(Roles.ChiefJudge);

    public static async Task EnsureMayOpenAsync(CompetitionDbContext db, Actor actor, Contest contest, CancellationToken ct)
    {
        if (!IsJudge(actor)) throw new ForbiddenException("只有裁判可以打开评分表。");
        if (!await ContestAccess.IsAssignedAsync(db, actor, contest.Id, ct))
            throw new ForbiddenException($"您未被分配到「{contest.Title}」的任何工位，不能打开其评分表；请联系组织者分配。");
    }

    public static async Task EnsureMayMarkAsync(CompetitionDbContext db, Actor actor, Round round, Contests.PracticalTask task, CancellationToken ct)
    {
        if (!IsJudge(actor)) throw new ForbiddenException("只有裁判可以评分。");
        if (!await db.JudgeAssignments.AnyAsync(a => a.RoundId == round.Id && a.Station == task.Station && a.JudgeUserId == actor.UserId, ct))
            throw new ForbiddenException($"您未被分配到工位 {task.Station}，不能为此任务评分。");
    }

    /// <summary>Signing off and overriding: a chief judge, assigned to this contest.</summary>
    public static async Task EnsureChiefJudgeOfAsync(CompetitionDbContext db, Actor actor, Guid contestId, string what, CancellationToken ct)
    {
        if (!actor.IsIn(Roles.ChiefJudge)) throw new ForbiddenException($"只有裁判长可以{what}。");
        if (!await ContestAccess.IsAssignedAsync(db, actor, contestId, ct))
            throw new ForbiddenException($"您不是本竞赛的裁判长（未被分配到本竞赛），不能{what}。");
    }

    /// <summary>The judge an override is recorded for: an account assigned to the task's round and station.</summary>
    public static async Task<AppUser> NamedJudgeAsync(CompetitionDbContext db, UserManager<AppUser> users, string userName, Round round,
        Contests.PracticalTask task, CancellationToken ct)
    {
        var judge = await users.FindByNameAsync(userName ?? "");
        if (judge is null || !await db.JudgeAssignments.AnyAsync(a => a.RoundId == round.Id && a.Station == task.Station && a.JudgeUserId == judge.Id, ct))
            throw new ValidationException([new("JudgeUserName",
                $"{userName} 不是分配到工位 {task.Station}（{round.Title}）的裁判；修改评分时只能填写该工位的裁判账号。")]);
        return judge;
    }
}
