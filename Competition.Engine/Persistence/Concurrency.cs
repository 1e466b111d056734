using Competition.Engine.Common;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Persistence;

/// <summary>
/// Read-modify-writes guarded by a concurrency token (attempts' item scores, contests' phase and reveal): when another
/// writer saved first, the work runs again from a fresh read, so both changes land; after a few tries it is refused with
/// the caller's message rather than overwriting what the other wrote.
/// </summary>
public static class Concurrency
{
    public static async Task<T> RetryAsync<T>(CompetitionDbContext db, Func<Task<T>> work, string refusal, int tries = 3)
    {
        for (var attempt = 1; ; attempt++)
        {
            try { return await work(); }
            catch (DbUpdateConcurrencyException) when (attempt < tries) { db.ChangeTracker.Clear(); }
            catch (DbUpdateConcurrencyException) { db.ChangeTracker.Clear(); throw new RuleViolationException(refusal); }
        }
    }
}
