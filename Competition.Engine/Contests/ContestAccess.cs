using Competition.Engine.Accounts;
using Competition.Engine.Common;
using Competition.Engine.Organizations;
using Competition.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Contests;

/// <summary>
/// Who may see and change a contest, and whose people may enter it. Organizers manage the contests of their own
/// city (admins any); judges and chief judges act only in contests they are assigned to (see Judging.SheetAccess).
/// </summary>
public static class ContestAccess
{
    /// <summary>Contests an admin made belong to no city ("all"); only admins manage them.</summary>
    public const string AnyCity = "all";

    public static bool MayManage(Actor actor, Contest contest) =>
        actor.IsAdmin || actor.IsIn(Roles.Organizer) && actor.CityCode is not null && contest.CityCode == actor.CityCode;

    public static void EnsureMayManage(Actor actor, Contest contest)
    {
        actor.EnsureOrganizer();
        if (!MayManage(actor, contest))
            throw new ForbiddenException($"只能管理本市组织的竞赛；这场竞赛由 {contest.CityCode} 组织，您的城市是 {actor.CityCode ?? "未分配"}。");
    }

    /// <summary>The contest, tracked, for an organizer of its city (or an admin): 404 when it does not exist, 403 when it is not theirs.</summary>
    public static async Task<Contest> ManagedAsync(CompetitionDbContext db, Guid contestId, Actor actor, CancellationToken ct)
    {
        actor.EnsureOrganizer();
        var contest = await db.Contests.FirstOrDefaultAsync(x => x.Id == contestId, ct) ?? throw new NotFoundException("竞赛", contestId);
        EnsureMayManage(actor, contest);
        return contest;
    }

    /// <summary>The contests an actor manages, as a query (nothing for anyone who is not an organizer or admin).</summary>
    public static IQueryable<Contest> Managed(IQueryable<Contest> contests, Actor actor)
    {
        if (actor.IsAdmin) return contests;
        if (!actor.IsIn(Roles.Organizer) || actor.CityCode is null) return contests.Where(_ => false);
        var city = actor.CityCode;
        return contests.Where(c => c.CityCode == city);
    }

    /// <summary>A judge or chief judge assigned to any station of the contest.</summary>
    public static Task<bool> IsAssignedAsync(CompetitionDbContext db, Actor actor, Guid contestId, CancellationToken ct) =>
        actor.IsIn(Roles.Judge) || actor.IsIn(Roles.ChiefJudge)
            ? db.JudgeAssignments.AnyAsync(a => a.ContestId == contestId && a.JudgeUserId == actor.UserId, ct)
            : Task.FromResult(false);

    /// <summary>
    /// Who may enter a contest, by its level: a 市级 (class 1 or 2) contest is for the workers of its own city; a 省级
    /// contest for the cities of its province; a 长三角 contest for every city of the delta (all cities the platform knows).
    /// A contest an admin made for no city takes anyone. Returns the refusal, or null.
    /// </summary>
    public static string? EntryProblem(Contest contest, City? contestCity, City entrant)
    {
        if (contest.CityCode == AnyCity || contestCity is null) return null;
        return contest.Level switch
        {
            ContestLevel.CityClass1 or ContestLevel.CityClass2 when entrant.Code != contestCity.Code =>
                $"「{contest.Title}」是{LevelName(contest.Level)}竞赛，只能登记{contestCity.Name}的选手；{entrant.Name}的选手请参加本市竞赛或省级、长三角竞赛。",
            ContestLevel.Provincial when entrant.Province != contestCity.Province =>
                $"「{contest.Title}」是{contestCity.Province}省级竞赛，只能登记{contestCity.Province}各市的选手；{entrant.Name}（{entrant.Province}）的选手不能参加。",
            _ => null,
        };
    }

    /// <summary>The cities whose people may enter the contest (for the registration form).</summary>
    public static IReadOnlyList<City> EntryCities(Contest contest, IReadOnlyList<City> cities)
    {
        var home = cities.FirstOrDefault(c => c.Code == contest.CityCode);
        return cities.Where(c => EntryProblem(contest, home, c) is null).ToList();
    }

    public static string LevelName(ContestLevel level) => level switch
    {
        ContestLevel.CityClass1 => "市级一类",
        ContestLevel.CityClass2 => "市级二类",
        ContestLevel.Provincial => "省级",
        _ => "长三角",
    };
}
