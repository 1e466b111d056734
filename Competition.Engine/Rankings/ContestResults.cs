using Competition.Engine.Contests;
using Competition.Engine.Scoreboards;

namespace Competition.Engine.Rankings;

/// <summary>
/// A finalized contest's results as a publishable content: each group's final jury board (so awards never rank
/// differently from the board) turned into ranked entries and given awards by the organizer's rule. Pure.
/// </summary>
public static class ContestResults
{
    public static ResultsContent Compute(BoardData data, AwardRule rule, DateTime nowUtc)
    {
        var contest = data.Contest;
        var names = data.Contestants.ToDictionary(c => c.Id, c => c.Name);
        var groups = contest.GroupList.Select(group =>
        {
            var rows = BoardCalculator.Compute(data, group, jury: true, nowUtc).Rows;
            var entries = Entries(rows, names);
            var outcome = AwardAllocator.Allocate(entries, rule);
            var lines = rows.Zip(outcome.Entries, (r, a) => new ResultLine(a.Entry.Rank, a.Entry.SharedRank, r.Number, a.Entry.Name,
                r.Unit, r.City, r.Theory, r.Practical, r.Total, a.Entry.Status, a.Award, a.Explanation)).ToList();
            return new ResultGroup(group, rule.Describe(), outcome.Statements, lines);
        }).ToList();
        return new ResultsContent(contest.Id, contest.Title, contest.TradeCode, ContestAccess.LevelName(contest.Level), contest.CityCode, nowUtc, groups);
    }

    /// <summary>
    /// The board's order and ties, with places counted over finishers only: a contestant who did not finish keeps no place
    /// that would push a finisher down.
    /// </summary>
    private static List<RankedEntry> Entries(IReadOnlyList<BoardEntry> rows, IReadOnlyDictionary<Guid, string> names)
    {
        var finishers = rows.Where(r => StatusOf(r) == EntryStatus.Finished).ToList();
        var ranks = new Dictionary<Guid, (int Rank, bool Shared)>();
        for (var i = 0; i < finishers.Count; i++)
        {
            var tiedWithPrevious = i > 0 && finishers[i].Rank == finishers[i - 1].Rank;
            var tiedWithNext = i + 1 < finishers.Count && finishers[i].Rank == finishers[i + 1].Rank;
            ranks[finishers[i].ContestantId] = (tiedWithPrevious ? ranks[finishers[i - 1].ContestantId].Rank : i + 1, tiedWithPrevious || tiedWithNext);
        }
        return rows.Select(r => ranks.TryGetValue(r.ContestantId, out var p)
            ? new RankedEntry(r.ContestantId, names[r.ContestantId], EntryStatus.Finished, p.Rank, r.Total, p.Shared)
            : new RankedEntry(r.ContestantId, names[r.ContestantId], StatusOf(r), null, r.Total)).ToList();
    }

    /// <summary>
    /// A contestant with no score in any round did not come (缺赛); one with some rounds unscored did not finish. Neither
    /// holds a place nor counts in the award shares.
    /// </summary>
    private static EntryStatus StatusOf(BoardEntry r) =>
        r.Theory is null && r.Practical is null ? EntryStatus.Absent
        : r.Problem is not null || r.PracticalPending ? EntryStatus.NotFinished
        : EntryStatus.Finished;
}
