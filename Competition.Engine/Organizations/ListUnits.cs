using Competition.Engine.Common;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Organizations;

/// <summary>Units by city. Anyone sees the names (workers pick their unit when registering); worker counts only the city's organizers.</summary>
public static class ListUnits
{
    public sealed record Query(Actor Actor, string? CityCode = null) : IRequest<IReadOnlyList<Row>>;

    /// <param name="Workers">Registered workers; null when the actor may not manage the unit's city.</param>
    public sealed record Row(Guid Id, string CityCode, string CityName, string Name, UnitKind Kind, int? Workers);

    public sealed class Handler(CompetitionDbContext db) : IRequestHandler<Query, IReadOnlyList<Row>>
    {
        public async Task<IReadOnlyList<Row>> Handle(Query request, CancellationToken ct)
        {
            var rows = await (from u in db.Units.AsNoTracking()
                              join c in db.Cities on u.CityCode equals c.Code
                              where request.CityCode == null || u.CityCode == request.CityCode
                              orderby c.Code, u.Name
                              select new Row(u.Id, c.Code, c.Name, u.Name, u.Kind, db.Workers.Count(w => w.UnitId == u.Id))).ToListAsync(ct);
            return rows.Select(r => UnitAccess.MayManage(request.Actor, r.CityCode) ? r : r with { Workers = null }).ToList();
        }
    }
}
