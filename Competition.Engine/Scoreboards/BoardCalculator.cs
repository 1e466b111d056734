using Competition.Engine.Contests;
using Competition.Engine.Judging;

namespace Competition.Engine.Scoreboards;

/// <param name="Move">Rank before the last change minus rank now: positive moved up.</param>
/// <param name="Problem">Jury boards only: why this row's total could not be worked out (bad stored data), for the chief judge.</param>
/// <param name="PracticalPending">Some practical item is not scored yet (not marked by every judge it needs, or flagged): the
/// practical figure is not final, and a board says 待评 instead of letting a 0 read as a result.</param>
public sealed record BoardEntry(int Rank, bool SharedRank, Guid ContestantId, string Number, string Unit, string City, double? Theory, double? Practical, double Total,
    int Move, string? Problem = null, bool PracticalPending = false);

/// <param name="PhaseName">The phase as people read it (<see cref="PhaseRules.Name"/>), so no client keeps its own wording.</param>
/// <param name="RevealedSteps">Rows of the group revealed so far; <paramref name="RevealSteps"/> is the ceremony's length while the board is frozen.</param>
/// <param name="FreezeAt">The scheduled freeze (UTC), if any, and <paramref name="EndsAt"/> the scheduled end: boards count down to them.</param>
public sealed record Board(Guid ContestId, string Title, string Group, bool Jury, ContestPhase Phase, string PhaseName, bool Frozen, int RevealedSteps, int RevealSteps,
    long Version, DateTime ComputedAt, IReadOnlyList<BoardEntry> Rows, DateTime? FreezeAt = null, DateTime? EndsAt = null);

/// <summary>
/// Computes a contest's boards from data loaded once: round scores, weighted totals and ranks with the contest's
/// tie-breaks. A frozen public board uses the marks and theory results as they stood at the moment the board actually
/// froze (<see cref="Contest.FrozenAt"/>; the audit trail is the history); after the end the organizer reveals the
/// difference from the bottom up, each step ranked by the same rule. No I/O.
/// </summary>
public static class BoardCalculator
{
    /// <summary>Every board of the contest: each group, public and jury.</summary>
    public static IReadOnlyList<Board> ComputeAll(BoardData data, DateTime nowUtc) =>
        data.Contest.GroupList.SelectMany(g => new[] { Compute(data, g, jury: false, nowUtc), Compute(data, g, jury: true, nowUtc) }).ToList();

    public static Board Compute(BoardData data, string group, bool jury, DateTime nowUtc)
    {
        var contest = data.Contest;
        var final = Rows(data, group, data.Marks, asOf: null);
        var revealed = Math.Min(contest.RevealedSteps(group), final.Count);
        Board Make(bool frozen, int revealedSteps, int revealSteps, IReadOnlyList<BoardEntry> rows) =>
            new(contest.Id, contest.Title, group, jury, contest.Phase, PhaseRules.Name(contest.Phase), frozen, revealedSteps, revealSteps, 0, nowUtc,
                jury ? rows : rows.Select(r => r with { Problem = null }).ToList(),
                contest.FreezeAt is { } f ? DateTime.SpecifyKind(f, DateTimeKind.Utc) : null, DateTime.SpecifyKind(contest.EndsAt, DateTimeKind.Utc));

        if (jury || !contest.PublicBoardFrozenFor(group, final.Count))
            return Make(false, revealed, 0, final.Select(r => r.Entry).ToList());
        var frozen = Rows(data, group, data.MarksAtFreeze ?? data.Marks, contest.FrozenAt ?? contest.FreezeAt);
        if (contest.Phase is not (ContestPhase.Ended or ContestPhase.Finalized) || revealed == 0)
            return Make(true, 0, frozen.Count, frozen.Select(r => r.Entry).ToList());

        var ceremony = new RevealCeremony(frozen.Select(r => r.Ranking).ToList(), final.Select(r => r.Ranking).ToList(), contest.TieBreakList);
        var moves = ceremony.MovesAt(revealed);
        var finalById = final.ToDictionary(r => r.Entry.ContestantId, r => r.Entry);
        var frozenById = frozen.ToDictionary(r => r.Entry.ContestantId, r => r.Entry);
        var rows = ceremony.StateAfter(revealed).Select(r =>
        {
            var source = ceremony.IsRevealed(r.ContestantId, revealed) ? finalById[r.ContestantId] : frozenById[r.ContestantId];
            return source with { Rank = r.Rank, SharedRank = r.SharedRank, Move = moves.GetValueOrDefault(r.ContestantId) };
        }).ToList();
        return Make(true, revealed, ceremony.StepCount, rows);
    }

    /// <summary>The group's rows in ranked order, each with the figures its rank was decided on.</summary>
    private static List<(BoardEntry Entry, RankingRow Ranking)> Rows(BoardData data, string group, MarkValues values, DateTime? asOf)
    {
        var contest = data.Contest;
        var contestants = data.Contestants.Where(c => c.Group == group).ToList();
        var theory = Theory(data, asOf);
        var rankingRows = new List<RankingRow>();
        var parts = new Dictionary<Guid, (double? Theory, double? Practical, double Total, string? Problem, bool Pending)>();
        var practicalTasks = data.Tasks.Where(t => data.Rounds.Any(r => r.Id == t.RoundId && r.Kind == RoundKind.Practical)).ToList();
        foreach (var c in contestants)
        {
            var scores = practicalTasks.ToDictionary(t => t.Id, t => values.Score(c.Id, t));
            var roundScores = data.Rounds.Select(r =>
            {
                double? score = r.Kind == RoundKind.Theory
                    ? c.WorkerId is { } w && r.ExamId is { } e && theory.TryGetValue((e, w), out var t) ? t.Score : null
                    : data.Tasks.Where(t => t.RoundId == r.Id).Select(t => (scores.GetValueOrDefault(t.Id) ?? values.Score(c.Id, t)).Points).DefaultIfEmpty().Sum();
                return new RoundScore(r.Title, score, r.MaxScore, r.WeightPercent);
            }).ToList();
            double total;
            string? problem = null;
            try { total = roundScores.Count == 0 ? 0 : ContestTotals.Combine(roundScores).Total; }
            catch (ArgumentException ex)
            {
                // Figures stored before they were checked (a theory score above the round's maximum, weights that do not
                // add up): the row stays on the board with 0 and says why, instead of the board failing for everyone.
                total = 0;
                problem = $"总分无法计算：{ex.Message.Split(" (Parameter")[0]}";
            }
            var theoryScore = roundScores.Where((_, i) => data.Rounds[i].Kind == RoundKind.Theory).Select(s => s.Score).FirstOrDefault();
            var practical = roundScores.Where((_, i) => data.Rounds[i].Kind == RoundKind.Practical).Select(s => s.Score).FirstOrDefault();
            var timeUsed = c.WorkerId is { } worker
                ? data.Rounds.Where(r => r.Kind == RoundKind.Theory && r.ExamId != null)
                    .Select(r => theory.TryGetValue((r.ExamId!.Value, worker), out var t) ? t.Used : null).FirstOrDefault(u => u != null)
                : null;
            var pending = scores.Values.Any(t => !t.Complete);
            parts[c.Id] = (theoryScore, practical, total, problem, pending);
            rankingRows.Add(new RankingRow(c.Id, total, practical ?? 0, theoryScore ?? 0, timeUsed));
        }
        var byId = contestants.ToDictionary(c => c.Id);
        return Ranking.Rank(rankingRows, contest.TieBreakList).Select(r =>
        {
            var c = byId[r.ContestantId];
            var p = parts[c.Id];
            var entry = new BoardEntry(r.Rank, r.SharedRank, c.Id, c.Number, c.UnitName, data.Cities.GetValueOrDefault(c.CityCode, c.CityCode), p.Theory, p.Practical,
                p.Total, 0, p.Problem, p.Pending);
            return (entry, r.Row);
        }).ToList();
    }

    /// <summary>Each worker's best submitted attempt per exam (submitted by <paramref name="asOf"/> when given), with the time it took.</summary>
    private static Dictionary<(Guid Exam, Guid Worker), (double? Score, TimeSpan? Used)> Theory(BoardData data, DateTime? asOf) =>
        data.Attempts.Where(a => asOf is null || a.SubmittedAt <= asOf).GroupBy(a => (a.ExamId, a.WorkerId))
            .ToDictionary(g => g.Key, g =>
            {
                var best = g.OrderByDescending(a => a.Score ?? double.MinValue).First();
                return (best.Score, best.SubmittedAt - best.StartedAt);
            });
}
