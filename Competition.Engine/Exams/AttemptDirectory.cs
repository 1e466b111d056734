using Competition.Engine.Common;
using Competition.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Exams;

/// <summary>
/// Who owns an attempt and which paper it uses never change, so saves look them up in memory after the first.
/// Bounded (least recently used go first) and emptied of an attempt when it closes; a missing entry is read again.
/// </summary>
public sealed class AttemptDirectory(int capacity = AttemptDirectory.DefaultCapacity)
{
    public const int DefaultCapacity = 100_000;

    public sealed record Owner(Guid WorkerId, Guid PaperId);

    private readonly BoundedCache<Guid, Owner> _owners = new(capacity);

    public int Count => _owners.Count;

    public async Task<Owner?> OwnerAsync(CompetitionDbContext db, Guid attemptId, CancellationToken ct)
    {
        if (_owners.TryGet(attemptId, out var owner)) return owner;
        owner = await db.Attempts.AsNoTracking().Where(a => a.Id == attemptId).Select(a => new Owner(a.WorkerId, a.PaperId)).FirstOrDefaultAsync(ct);
        if (owner is not null) _owners.Set(attemptId, owner);
        return owner;
    }

    public bool IsCached(Guid attemptId) => _owners.Contains(attemptId);

    public void Forget(Guid attemptId) => _owners.Remove(attemptId);
}
