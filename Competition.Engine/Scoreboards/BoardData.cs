using Competition.Engine.Contests;
using Competition.Engine.Exams;
using Competition.Engine.Judging;
using Competition.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Scoreboards;

/// <summary>A submitted theory attempt as the boards need it.</summary>
public sealed record TheoryAttempt(Guid ExamId, Guid WorkerId, double? Score, DateTime StartedAt, DateTime? SubmittedAt);

/// <summary>
/// Everything a contest's boards are computed from, loaded once (one query per table) for all its groups and both
/// audiences: the marks now and, when the board froze, as they stood at that moment.
/// </summary>
public sealed class BoardData
{
    public required Contest Contest { get; init; }
    public required IReadOnlyList<Contestant> Contestants { get; init; }
    public required IReadOnlyDictionary<string, string> Cities { get; init; }
    /// <summary>In the order they are held.</summary>
    public required IReadOnlyList<Round> Rounds { get; init; }
    public required IReadOnlyList<PracticalTask> Tasks { get; init; }
    public required MarkValues Marks { get; init; }
    /// <summary>The marks at <see cref="Contest.FrozenAt"/>; null while the board has not frozen.</summary>
    public MarkValues? MarksAtFreeze { get; init; }
    public required IReadOnlyList<TheoryAttempt> Attempts { get; init; }

    /// <returns>null when there is no such contest.</returns>
    public static async Task<BoardData?> LoadAsync(CompetitionDbContext db, Guid contestId, CancellationToken ct)
    {
        var contest = await db.Contests.AsNoTracking().FirstOrDefaultAsync(c => c.Id == contestId, ct);
        if (contest is null) return null;
        var contestants = await db.Contestants.AsNoTracking().Where(c => c.ContestId == contestId).OrderBy(c => c.Number).ToListAsync(ct);
        var rounds = await db.Rounds.AsNoTracking().Where(r => r.ContestId == contestId).OrderBy(r => r.StartsAt).ToListAsync(ct);
        var roundIds = rounds.Select(r => r.Id).ToList();
        var examIds = rounds.Where(r => r.Kind == RoundKind.Theory && r.ExamId != null).Select(r => r.ExamId!.Value).ToList();
        var workerIds = contestants.Where(c => c.WorkerId != null).Select(c => c.WorkerId!.Value).ToList();
        var freeze = contest.FrozenAt;
        return new BoardData
        {
            Contest = contest,
            Contestants = contestants,
            Cities = await db.Cities.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Name, ct),
            Rounds = rounds,
            Tasks = await db.PracticalTasks.AsNoTracking().Where(t => roundIds.Contains(t.RoundId)).ToListAsync(ct),
            Marks = await MarkValues.ForContestAsync(db, contestId, asOf: null, ct),
            MarksAtFreeze = freeze is null ? null : await MarkValues.ForContestAsync(db, contestId, freeze, ct),
            Attempts = examIds.Count == 0 || workerIds.Count == 0 ? [] : await db.Attempts.AsNoTracking()
                .Where(a => examIds.Contains(a.ExamId) && workerIds.Contains(a.WorkerId) && a.State == AttemptState.Submitted)
                .Select(a => new TheoryAttempt(a.ExamId, a.WorkerId, a.Score, a.StartedAt, a.SubmittedAt)).ToListAsync(ct),
        };
    }
}
