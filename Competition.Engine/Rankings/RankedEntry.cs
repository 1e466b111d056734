using Competition.Engine.Judging;

namespace Competition.Engine.Rankings;

/// <summary>How an entry left the contest. Only <see cref="Finished"/> entries are ranked and counted for awards.</summary>
public enum EntryStatus
{
    Finished = 1,
    Disqualified = 2, // 取消资格
    Absent = 3,       // 缺考 / 缺赛
    NotFinished = 4,  // 未完赛: started but has no final total (e.g. withdrew)
    Ineligible = 5,   // 不符合参评条件: e.g. a unit with fewer finishers than its team rule counts
}

/// <summary>
/// One line of a ranked list: a contestant, a team or a unit. The award, unit and nomination rules work on these
/// rather than on contest tables, so live contests and the cyber team events share them.
/// </summary>
/// <param name="Rank">Competition ranking as <see cref="Ranking"/> gives it (1, 1, 3 …); null unless finished.</param>
/// <param name="Total">The total as published; 0 for an entry that did not finish.</param>
/// <param name="SharedRank">True when another finished entry holds the same rank (shown as 并列).</param>
public sealed record RankedEntry(Guid Id, string Name, EntryStatus Status, int? Rank, double Total, bool SharedRank = false)
{
    public bool Finished => Status == EntryStatus.Finished;

    /// <summary>"第 3 名" or "并列第 3 名".</summary>
    public string Place => SharedRank ? $"并列第 {Rank} 名" : $"第 {Rank} 名";
}

/// <summary>A result before ranking: the figures <see cref="Ranking"/> needs plus the entry's name and status.</summary>
public sealed record EntryResult(Guid Id, string Name, EntryStatus Status, double Total,
    double Practical = 0, double Theory = 0, TimeSpan? TimeUsed = null);

/// <summary>Builds ranked lists with the platform's one ranking rule, so awards never rank differently from the board.</summary>
public static class RankedEntries
{
    /// <summary>
    /// Ranks the finished entries with <see cref="Ranking.Rank"/> (ties share a place, the next place is skipped) and
    /// puts the others after them, unranked, in their input order: a disqualified or absent entry must not take a place
    /// that would push a finisher down.
    /// </summary>
    public static IReadOnlyList<RankedEntry> From(IReadOnlyList<EntryResult> results, IReadOnlyList<TieBreak> tieBreaks)
    {
        if (results.Select(r => r.Id).Distinct().Count() != results.Count)
            throw new ArgumentException("排名名单中有重复的参赛者。", nameof(results));
        var names = results.ToDictionary(r => r.Id);
        var ranked = Ranking.Rank(results.Where(r => r.Status == EntryStatus.Finished)
            .Select(r => new RankingRow(r.Id, r.Total, r.Practical, r.Theory, r.TimeUsed)).ToList(), tieBreaks);
        return ranked.Select(r => new RankedEntry(r.ContestantId, names[r.ContestantId].Name, EntryStatus.Finished,
                r.Rank, Figures.Round(r.Row.Total), r.SharedRank))
            .Concat(results.Where(r => r.Status != EntryStatus.Finished)
                .Select(r => new RankedEntry(r.Id, r.Name, r.Status, null, 0)))
            .ToList();
    }

    /// <summary>Checks that the finished entries come best first with competition ranks (1, 1, 3 …), as the rules expect.</summary>
    internal static IReadOnlyList<RankedEntry> Finishers(IReadOnlyList<RankedEntry> entries, string paramName)
    {
        if (entries.Select(e => e.Id).Distinct().Count() != entries.Count)
            throw new ArgumentException("排名名单中有重复的参赛者。", paramName);
        var finishers = entries.Where(e => e.Finished).ToList();
        for (var i = 0; i < finishers.Count; i++)
        {
            var rank = finishers[i].Rank;
            var ok = rank == i + 1 || (i > 0 && rank == finishers[i - 1].Rank);
            if (!ok)
                throw new ArgumentException(
                    $"排名名单须按名次从高到低排列且并列名次后跳过相应名次：第 {i + 1} 位“{finishers[i].Name}”的名次为 {rank?.ToString() ?? "空"}。",
                    paramName);
        }
        if (entries.Any(e => !e.Finished && e.Rank is not null))
            throw new ArgumentException("未完赛、缺考或取消资格者不应有名次。", paramName);
        return finishers;
    }

    internal static string StatusReason(EntryStatus status) => status switch
    {
        EntryStatus.Disqualified => "取消资格",
        EntryStatus.Absent => "缺考",
        EntryStatus.NotFinished => "未完赛",
        EntryStatus.Ineligible => "不符合参评条件",
        _ => "完赛",
    };
}
