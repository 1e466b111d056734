using Competition.Engine.Common;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Accounts;

/// <summary>
/// Finds workers' accounts by account name, name, phone or employee number, for the organizer a worker calls when the
/// password is forgotten: an organizer finds the workers of units in their city, an admin any worker. A city has tens of
/// thousands of workers, so they are searched, never listed, and at most <see cref="Limit"/> rows come back.
/// </summary>
public static class FindWorkerAccounts
{
    public const int Limit = 30;

    public sealed record Query(string? Search, Actor Actor) : IRequest<Result>;

    public sealed record Row(string UserName, string Name, string Unit, string CityCode, string? Phone, bool Locked);

    /// <param name="More">More workers match than are shown: the organizer narrows the search.</param>
    public sealed record Result(IReadOnlyList<Row> Rows, bool More);

    public sealed class Handler(CompetitionDbContext db, TimeProvider clock) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query q, CancellationToken ct)
        {
            AccountAccess.EnsureMayManageAccounts(q.Actor);
            var search = q.Search?.Trim() ?? "";
            if (search.Length == 0) return new([], false);
            if (search.Length > 64) throw new ValidationException([new("Search", "搜索内容最多 64 个字")]);

            var rows = from a in db.Users.AsNoTracking()
                       join w in db.Workers on a.WorkerId equals w.Id
                       join u in db.Units on w.UnitId equals u.Id
                       select new { a.UserName, w.Name, Unit = u.Name, u.CityCode, w.Phone, w.EmployeeNumber, a.LockoutEnd };
            if (!q.Actor.IsAdmin)
            {
                var city = q.Actor.CityCode;
                rows = rows.Where(r => r.CityCode == city);
            }
            // Contains on both providers (LIKE / strpos); names and numbers are matched as typed.
            rows = rows.Where(r => r.UserName!.Contains(search) || r.Name.Contains(search)
                || (r.Phone != null && r.Phone.Contains(search)) || (r.EmployeeNumber != null && r.EmployeeNumber.Contains(search)));
            var found = await rows.OrderBy(r => r.UserName).Take(Limit + 1).ToListAsync(ct);
            var now = clock.GetUtcNow();
            return new(found.Take(Limit).Select(r => new Row(r.UserName ?? "", r.Name, r.Unit, r.CityCode, r.Phone,
                r.LockoutEnd is { } end && end > now)).ToList(), found.Count > Limit);
        }
    }
}
