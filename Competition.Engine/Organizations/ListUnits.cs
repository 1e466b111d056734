using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Organizations;

public static class ListUnits
{
    public sealed record Query(string? CityCode = null) : IRequest<IReadOnlyList<Row>>;

    public sealed record Row(Guid Id, string CityCode, string CityName, string Name, UnitKind Kind, int Workers);

    public sealed class Handler(CompetitionDbContext db) : IRequestHandler<Query, IReadOnlyList<Row>>
    {
        public async Task<IReadOnlyList<Row>> Handle(Query request, CancellationToken ct) =>
            await (from u in db.Units.AsNoTracking()
                   join c in db.Cities on u.CityCode equals c.Code
                   where request.CityCode == null || u.CityCode == request.CityCode
                   orderby c.Code, u.Name
                   select new Row(u.Id, c.Code, c.Name, u.Name, u.Kind, db.Workers.Count(w => w.UnitId == u.Id))).ToListAsync(ct);
    }
}
