using Competition.Engine.Contests;
using Competition.Engine.Exams;
using Competition.Engine.Judging;
using Competition.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Scoreboards;

public sealed record BoardEntry(int Rank, bool SharedRank, Guid ContestantId, string Number, string Unit, string City, double? Theory, double? Practical, double Total, int Move);

public sealed record Board(Guid ContestId, string Title, string Group, bool Jury, ContestPhase Phase, bool Frozen, int RevealedSteps, int RevealSteps,
    long Version, DateTime ComputedAt, IReadOnlyList<BoardEntry> Rows);

/// <summary>
/// Computes a board from the database: round scores, weighted totals and ranks with the contest's tie-breaks.
/// A frozen public board uses the marks and theory results as they stood at the freeze (the audit trail is the
/// history); after the end the organizer reveals the difference from the bottom up.
/// </summary>
public static class BoardCalculator
{
    public static async Task<Board> ComputeAsync(CompetitionDbContext db, Guid contestId, string group, bool jury, DateTime nowUtc, CancellationToken ct)
    {
        var contest = await db.Contests.AsNoTracking().FirstAsync(c => c.Id == contestId, ct);
        var final = await RowsAsync(db, contest, group, asOf: null, ct);
        if (jury || !contest.PublicBoardFrozen && contest.RevealedSteps == 0 || contest.RevealComplete)
            return new Board(contest.Id, contest.Title, group, jury, contest.Phase, false, contest.RevealedSteps, 0, 0, nowUtc, final);
        var frozen = await RowsAsync(db, contest, group, contest.FreezeAt, ct);
        if (contest.Phase is not (ContestPhase.Ended or ContestPhase.Finalized) || contest.RevealedSteps == 0)
            return new Board(contest.Id, contest.Title, group, jury, contest.Phase, true, 0, frozen.Count, 0, nowUtc, frozen);
        var ceremony = new RevealCeremony(frozen.Select(r => new BoardRow(r.ContestantId, r.Total)).ToList(), final.Select(r => new BoardRow(r.ContestantId, r.Total)).ToList());
        var steps = Math.Min(contest.RevealedSteps, ceremony.StepCount);
        var revealed = Enumerable.Range(1, steps).Select(ceremony.RevealedAt).ToHashSet();
        var byId = final.ToDictionary(r => r.ContestantId);
        var frozenById = frozen.ToDictionary(r => r.ContestantId);
        var rows = ceremony.StateAfter(steps).Select((row, i) =>
        {
            var source = revealed.Contains(row.ContestantId) ? byId[row.ContestantId] : frozenById[row.ContestantId];
            return source with { Rank = i + 1, SharedRank = false, Total = row.Total };
        }).ToList();
        return new Board(contest.Id, contest.Title, group, jury, contest.Phase, true, steps, ceremony.StepCount, 0, nowUtc, rows);
    }

    private static async Task<List<BoardEntry>> RowsAsync(CompetitionDbContext db, Contest contest, string group, DateTime? asOf, CancellationToken ct)
    {
        var contestants = await db.Contestants.AsNoTracking().Where(c => c.ContestId == contest.Id && c.Group == group).ToListAsync(ct);
        var cities = await db.Cities.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Name, ct);
        var rounds = await db.Rounds.AsNoTracking().Where(r => r.ContestId == contest.Id).OrderBy(r => r.StartsAt).ToListAsync(ct);
        var roundIds = rounds.Select(r => r.Id).ToList();
        var tasks = await db.PracticalTasks.AsNoTracking().Where(t => roundIds.Contains(t.RoundId)).ToListAsync(ct);
        var values = await MarkValues.ForContestAsync(db, contest.Id, asOf, ct);
        var theory = await TheoryAsync(db, rounds, contestants, asOf, ct);

        var rankingRows = new List<RankingRow>();
        var parts = new Dictionary<Guid, (double? Theory, double? Practical, double Total)>();
        foreach (var c in contestants)
        {
            var roundScores = rounds.Select(r =>
            {
                double? score = r.Kind == RoundKind.Theory
                    ? theory.TryGetValue((r.Id, c.Id), out var t) ? t.Score : null
                    : tasks.Where(t => t.RoundId == r.Id).Select(t => values.Score(c.Id, t).Points).DefaultIfEmpty().Sum();
                return new RoundScore(r.Title, score, r.MaxScore, r.WeightPercent);
            }).ToList();
            var total = ContestTotals.Combine(roundScores).Total;
            var theoryScore = roundScores.Where((_, i) => rounds[i].Kind == RoundKind.Theory).Select(s => s.Score).FirstOrDefault();
            var practical = roundScores.Where((_, i) => rounds[i].Kind == RoundKind.Practical).Select(s => s.Score).FirstOrDefault();
            var timeUsed = theory.Where(kv => kv.Key.Contestant == c.Id).Select(kv => kv.Value.Used).FirstOrDefault();
            parts[c.Id] = (theoryScore, practical, total);
            rankingRows.Add(new RankingRow(c.Id, total, practical ?? 0, theoryScore ?? 0, timeUsed));
        }
        var tieBreaks = contest.TieBreaks.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<TieBreak>).ToList();
        var byId = contestants.ToDictionary(c => c.Id);
        return Ranking.Rank(rankingRows, tieBreaks).Select(r =>
        {
            var c = byId[r.ContestantId];
            var p = parts[c.Id];
            return new BoardEntry(r.Rank, r.SharedRank, c.Id, c.Number, c.UnitName, cities.GetValueOrDefault(c.CityCode, c.CityCode), p.Theory, p.Practical, p.Total, 0);
        }).ToList();
    }

    private static async Task<Dictionary<(Guid Round, Guid Contestant), (double? Score, TimeSpan? Used)>> TheoryAsync(CompetitionDbContext db, List<Round> rounds,
        List<Contestant> contestants, DateTime? asOf, CancellationToken ct)
    {
        var result = new Dictionary<(Guid, Guid), (double?, TimeSpan?)>();
        var workers = contestants.Where(c => c.WorkerId != null).ToDictionary(c => c.WorkerId!.Value, c => c.Id);
        foreach (var round in rounds.Where(r => r.Kind == RoundKind.Theory && r.ExamId != null))
        {
            var ids = workers.Keys.ToList();
            var attempts = await db.Attempts.AsNoTracking().Where(a => a.ExamId == round.ExamId && ids.Contains(a.WorkerId) && a.State == AttemptState.Submitted)
                .Select(a => new { a.WorkerId, a.Score, a.StartedAt, a.SubmittedAt }).ToListAsync(ct);
            foreach (var a in attempts.Where(a => asOf is null || a.SubmittedAt <= asOf).GroupBy(a => a.WorkerId))
            {
                var best = a.OrderByDescending(x => x.Score).First();
                result[(round.Id, workers[a.Key])] = (best.Score, best.SubmittedAt - best.StartedAt);
            }
        }
        return result;
    }
}
