using Competition.Engine.Common;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Accounts;

/// <summary>
/// The staff accounts an actor manages: an organizer sees the judge, chief-judge and organizer accounts of their city; an
/// admin sees every staff account (admins too). Workers register themselves and are not listed here.
/// </summary>
public static class ListAccounts
{
    public sealed record Query(Actor Actor) : IRequest<IReadOnlyList<Row>>;

    public sealed record Row(string UserName, string DisplayName, IReadOnlyList<string> Roles, string? CityCode, bool Locked, bool IsSelf);

    public sealed class Handler(CompetitionDbContext db, TimeProvider clock) : IRequestHandler<Query, IReadOnlyList<Row>>
    {
        public async Task<IReadOnlyList<Row>> Handle(Query q, CancellationToken ct)
        {
            AccountAccess.EnsureMayManageAccounts(q.Actor);
            var visible = q.Actor.IsAdmin ? [.. AccountAccess.CityRoles, Roles.Admin] : AccountAccess.CityRoles;
            var pairs = await (from ur in db.UserRoles
                               join r in db.Roles on ur.RoleId equals r.Id
                               where visible.Contains(r.Name!)
                               select new { ur.UserId, Role = r.Name! }).ToListAsync(ct);
            var ids = pairs.Select(p => p.UserId).Distinct().ToList();
            var users = db.Users.AsNoTracking().Where(u => ids.Contains(u.Id));
            if (!q.Actor.IsAdmin)
            {
                var city = q.Actor.CityCode;
                users = users.Where(u => u.CityCode == city);
            }
            var now = clock.GetUtcNow();
            var list = await users.ToListAsync(ct);
            return list.Select(u => new Row(u.UserName ?? "", u.DisplayName, pairs.Where(p => p.UserId == u.Id).Select(p => p.Role).Order().ToList(), u.CityCode,
                    u.LockoutEnd is { } end && end > now, u.Id == q.Actor.UserId))
                // An organizer never sees an admin who happens to carry their city.
                .Where(r => q.Actor.IsAdmin || !r.Roles.Contains(Roles.Admin))
                .OrderBy(r => r.CityCode).ThenBy(r => r.UserName, StringComparer.Ordinal).ToList();
        }
    }
}
