using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Organizations;

public static class ListCities
{
    public sealed record Query : IRequest<IReadOnlyList<City>>;

    public sealed class Handler(CompetitionDbContext db) : IRequestHandler<Query, IReadOnlyList<City>>
    {
        public async Task<IReadOnlyList<City>> Handle(Query request, CancellationToken ct) =>
            await db.Cities.AsNoTracking().OrderBy(c => c.Province).ThenBy(c => c.Code).ToListAsync(ct);
    }
}
