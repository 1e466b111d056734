using Competition.Engine.Common;
using Competition.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Practice;

internal static class PracticeAccess
{
    /// <summary>
    /// The actor's own drill session. Someone else's session answers "not found", the same as a wrong id,
    /// so session ids cannot be probed.
    /// </summary>
    public static async Task<PracticeSession> OwnSessionAsync(this CompetitionDbContext db, Actor actor, Guid sessionId, bool track, CancellationToken ct)
    {
        var workerId = actor.RequireWorker();
        var sessions = track ? db.PracticeSessions : db.PracticeSessions.AsNoTracking();
        return await sessions.FirstOrDefaultAsync(s => s.Id == sessionId && s.WorkerId == workerId, ct)
               ?? throw new NotFoundException("练习", sessionId);
    }

    /// <summary>A one-line plain preview of a Markdown stem for lists.</summary>
    public static string Preview(string stem, int length = 60)
    {
        var flat = string.Join(' ', stem.Split((char[])['\r', '\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= length ? flat : flat[..length] + "…";
    }

    /// <summary>Percentage with one decimal; null when nothing was marked, so "no data" is not shown as 0%.</summary>
    public static double? Accuracy(int correct, int marked) => marked == 0 ? null : Math.Round(100.0 * correct / marked, 1);
}
