namespace Competition.Engine.Judging;

/// <summary>How contestants with equal totals are separated, applied in the order the contest lists them.</summary>
public enum TieBreak
{
    HigherPractical = 1,
    LessTimeUsed = 2,
    HigherTheory = 3,
}

/// <param name="TimeUsed">null when not recorded; such a contestant comes last under <see cref="TieBreak.LessTimeUsed"/>.</param>
public sealed record RankingRow(Guid ContestantId, double Total, double Practical, double Theory, TimeSpan? TimeUsed);

/// <param name="Rank">Competition ranking: two contestants sharing first place are both 1 and the next is 3.</param>
/// <param name="SharedRank">True when another contestant holds the same rank.</param>
public sealed record RankedRow(RankingRow Row, int Rank, bool SharedRank)
{
    public Guid ContestantId => Row.ContestantId;
}

/// <summary>Ranks contestants by total with the contest's tie-breaks. Pure.</summary>
public static class Ranking
{
    /// <returns>Every contestant, best first; contestants still tied keep their input order so the output is stable.</returns>
    public static IReadOnlyList<RankedRow> Rank(IReadOnlyList<RankingRow> rows, IReadOnlyList<TieBreak> tieBreaks)
    {
        if (rows.Select(r => r.ContestantId).Distinct().Count() != rows.Count)
            throw new ArgumentException("排名名单中有重复的选手。", nameof(rows));
        if (tieBreaks.Distinct().Count() != tieBreaks.Count)
            throw new ArgumentException("同一并列规则不能重复设置。", nameof(tieBreaks));

        var comparer = Comparer(tieBreaks);
        var ordered = rows.OrderBy(r => r, comparer).ToList(); // OrderBy is stable
        var ranks = new int[ordered.Count];
        for (var i = 0; i < ordered.Count; i++)
            ranks[i] = i > 0 && comparer.Compare(ordered[i - 1], ordered[i]) == 0 ? ranks[i - 1] : i + 1;
        return ordered.Select((r, i) => new RankedRow(r, ranks[i],
            (i > 0 && ranks[i - 1] == ranks[i]) || (i + 1 < ranks.Length && ranks[i + 1] == ranks[i]))).ToList();
    }

    /// <summary>
    /// Previous rank − new rank for each contestant in both rankings: positive means moved up. Contestants new to the
    /// board have no movement and are left out.
    /// </summary>
    public static IReadOnlyDictionary<Guid, int> Movement(IReadOnlyList<RankedRow> previous, IReadOnlyList<RankedRow> current)
    {
        var before = previous.ToDictionary(r => r.ContestantId, r => r.Rank);
        return current.Where(r => before.ContainsKey(r.ContestantId))
            .ToDictionary(r => r.ContestantId, r => before[r.ContestantId] - r.Rank);
    }

    /// <summary>The order of the standings: higher total first, then the tie-breaks; 0 means the two share a rank.</summary>
    public static IComparer<RankingRow> Comparer(IReadOnlyList<TieBreak> tieBreaks) => Comparer<RankingRow>.Create((a, b) => Compare(a, b, tieBreaks));

    /// <summary>Negative when <paramref name="a"/> ranks above <paramref name="b"/>.</summary>
    private static int Compare(RankingRow a, RankingRow b, IReadOnlyList<TieBreak> tieBreaks)
    {
        var byTotal = Higher(a.Total, b.Total);
        if (byTotal != 0) return byTotal;
        foreach (var tieBreak in tieBreaks)
        {
            var c = tieBreak switch
            {
                TieBreak.HigherPractical => Higher(a.Practical, b.Practical),
                TieBreak.HigherTheory => Higher(a.Theory, b.Theory),
                TieBreak.LessTimeUsed => LessTime(a.TimeUsed, b.TimeUsed),
                _ => throw new ArgumentOutOfRangeException(nameof(tieBreaks), tieBreak, "未知的并列规则。"),
            };
            if (c != 0) return c;
        }
        return 0;
    }

    // Scores are compared as published, to 2 decimals: two contestants shown with 87.00 must not be split by
    // a floating-point remainder nobody can see.
    private static int Higher(double a, double b) => Figures.Round(b).CompareTo(Figures.Round(a));

    private static int LessTime(TimeSpan? a, TimeSpan? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => 1,
        (_, null) => -1,
        _ => a.Value.CompareTo(b.Value),
    };
}
