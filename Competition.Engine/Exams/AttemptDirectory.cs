using System.Collections.Concurrent;
using Competition.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Exams;

/// <summary>Who owns an attempt and which paper it uses never change, so saves look them up in memory after the first.</summary>
public sealed class AttemptDirectory
{
    public sealed record Owner(Guid WorkerId, Guid PaperId);

    private readonly ConcurrentDictionary<Guid, Owner> _owners = new();

    public async Task<Owner?> OwnerAsync(CompetitionDbContext db, Guid attemptId, CancellationToken ct)
    {
        if (_owners.TryGetValue(attemptId, out var owner)) return owner;
        owner = await db.Attempts.AsNoTracking().Where(a => a.Id == attemptId).Select(a => new Owner(a.WorkerId, a.PaperId)).FirstOrDefaultAsync(ct);
        if (owner is not null) _owners.TryAdd(attemptId, owner);
        return owner;
    }
}
