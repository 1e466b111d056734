using Competition.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Exams;

/// <summary>
/// Closing an attempt and saving into it must not interleave. On SQLite the closing transaction is IMMEDIATE and
/// so already holds the only write lock; on PostgreSQL the attempt rows are locked for update, which waits out
/// (and then turns away) saves holding a share lock on them.
/// </summary>
internal static class AttemptLocks
{
    public static async Task LockForCloseAsync(CompetitionDbContext db, IReadOnlyCollection<Guid> attemptIds, CancellationToken ct)
    {
        if (attemptIds.Count == 0 || !db.Database.IsNpgsql()) return;
        var ids = attemptIds.ToArray();
        await db.Database.ExecuteSqlInterpolatedAsync($"""SELECT 1 FROM "Attempts" WHERE "Id" = ANY({ids}) ORDER BY "Id" FOR UPDATE""", ct);
    }
}
