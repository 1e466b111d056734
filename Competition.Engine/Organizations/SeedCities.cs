using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Organizations;

/// <summary>Adds the known cities that are missing. Safe to run on every start.</summary>
public static class SeedCities
{
    public sealed record Command : IRequest<int>;

    public sealed class Handler(CompetitionDbContext db) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command request, CancellationToken ct)
        {
            var existing = await db.Cities.Select(c => c.Code).ToListAsync(ct);
            var missing = CityCatalog.All.Where(c => !existing.Contains(c.Code)).Select(c => new City(c.Code, c.Name, c.Province, c.IsG60)).ToList();
            db.Cities.AddRange(missing);
            await db.SaveChangesAsync(ct);
            return missing.Count;
        }
    }
}
