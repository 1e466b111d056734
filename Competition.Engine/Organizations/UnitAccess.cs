using Competition.Engine.Accounts;
using Competition.Engine.Common;

namespace Competition.Engine.Organizations;

/// <summary>
/// Who may manage a city's units (and see their figures): an organizer of that city, or an admin. Unit names are
/// public, because a worker picks one when registering.
/// </summary>
public static class UnitAccess
{
    public static bool MayManage(Actor actor, string cityCode) =>
        actor.IsAdmin || actor.IsIn(Roles.Organizer) && string.Equals(actor.CityCode, cityCode, StringComparison.Ordinal);

    public static void EnsureMayManage(Actor actor, string cityCode)
    {
        if (!MayManage(actor, cityCode))
            throw new ForbiddenException($"组织者只能管理本市（{actor.CityCode ?? "未分配"}）的数据，不能修改 {cityCode} 的数据。");
    }
}
