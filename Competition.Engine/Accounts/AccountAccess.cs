using Competition.Engine.Common;

namespace Competition.Engine.Accounts;

/// <summary>
/// Who may manage staff accounts: an organizer manages the judge, chief-judge and organizer accounts of their own city; an
/// admin manages every staff account and creates admins. Nobody locks their own account, and an organizer never acts on
/// an admin or on another city's accounts. Every refusal says which rule and what to do.
/// </summary>
public static class AccountAccess
{
    /// <summary>The roles an organizer may give; an admin may also create admins.</summary>
    public static readonly IReadOnlyList<string> CityRoles = [Roles.Judge, Roles.ChiefJudge, Roles.Organizer];

    public static IReadOnlyList<string> CreatableRoles(Actor actor) => actor.IsAdmin ? [.. CityRoles, Roles.Admin] : actor.IsIn(Roles.Organizer) ? CityRoles : [];

    public static void EnsureMayManageAccounts(Actor actor)
    {
        if (!actor.IsAdmin && !(actor.IsIn(Roles.Organizer) && actor.CityCode is not null))
            throw new ForbiddenException("只有组织者（本市）或管理员可以管理账号。");
    }

    public static void EnsureMayCreate(Actor actor, string role, string? cityCode)
    {
        EnsureMayManageAccounts(actor);
        if (!CreatableRoles(actor).Contains(role))
            throw new ForbiddenException(role == Roles.Admin ? "只有管理员可以创建管理员账号。" : $"不能创建角色为 {role} 的账号；可创建裁判、裁判长和组织者账号。");
        if (!actor.IsAdmin && cityCode != actor.CityCode)
            throw new ForbiddenException($"只能为本市（{actor.CityCode}）创建账号；其他城市的账号请由该市组织者或管理员创建。");
    }

    /// <summary>
    /// Resetting a password, locking or unlocking <paramref name="target"/> (with its roles). A worker's account belongs to
    /// the city of the worker's unit (<paramref name="workerCity"/>): that city's organizers are who a worker who forgot the
    /// password calls.
    /// </summary>
    public static void EnsureMayActOn(Actor actor, AppUser target, IList<string> targetRoles, string what, string? workerCity = null)
    {
        EnsureMayManageAccounts(actor);
        if (actor.IsAdmin) return;
        if (targetRoles.Contains(Roles.Admin)) throw new ForbiddenException($"组织者不能{what}管理员账号；请联系其他管理员。");
        if (!targetRoles.Any(CityRoles.Contains))
        {
            if (!targetRoles.Contains(Roles.Worker)) throw new ForbiddenException($"账号 {target.UserName} 不是职工、裁判、裁判长或组织者账号，组织者不能{what}。");
            if (workerCity != actor.CityCode)
                throw new ForbiddenException($"职工账号 {target.UserName} 的单位属于 {workerCity ?? "未分配城市"}，只能{what}本市（{actor.CityCode}）职工的账号。");
            return;
        }
        if (target.CityCode != actor.CityCode)
            throw new ForbiddenException($"账号 {target.UserName} 属于 {target.CityCode ?? "未分配城市"}，只能{what}本市（{actor.CityCode}）的账号。");
    }

    public static void EnsureNotSelf(Actor actor, AppUser target, string what)
    {
        if (target.Id == actor.UserId) throw new RuleViolationException($"不能{what}自己的账号；如需处理请联系管理员或本市其他组织者。");
    }
}
