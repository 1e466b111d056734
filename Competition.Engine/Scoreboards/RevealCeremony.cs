using Competition.Engine.Judging;

namespace Competition.Engine.Scoreboards;

/// <summary>
/// Reveals the scores hidden by the freeze one contestant at a time, from the bottom of the frozen board up (as the
/// ICPC resolver does), so first place is settled last. Pure: a function from a step number to a ranked board.
/// </summary>
/// <remarks>
/// Every step is ranked by the contest's own rule (<see cref="Ranking"/>): total, then the tie-breaks, and shared
/// ranks where nothing separates two rows. Hidden rows carry their frozen figures, revealed rows their final ones, so
/// the board after the last step is exactly the final standings, ranks and "=" included, and the board before the
/// first is exactly the frozen one. Rows that nothing separates keep hidden rows above revealed ones: a revealed
/// contestant never overtakes by the accident of being revealed. Hidden rows keep their frozen order among
/// themselves, so the lowest hidden row is always the next one from the frozen bottom.
/// </remarks>
public sealed class RevealCeremony
{
    private readonly IReadOnlyList<RankingRow> _frozen;
    private readonly IReadOnlyList<RankingRow> _final;
    private readonly IReadOnlyList<TieBreak> _tieBreaks;

    /// <param name="frozen">The public board at the freeze, in ranked order (as <see cref="Ranking.Rank"/> gives it).</param>
    /// <param name="final">The final standings, in ranked order.</param>
    /// <param name="tieBreaks">The contest's tie-breaks; empty means equal totals share a rank.</param>
    public RevealCeremony(IReadOnlyList<RankingRow> frozen, IReadOnlyList<RankingRow> final, IReadOnlyList<TieBreak> tieBreaks)
    {
        var comparer = Ranking.Comparer(tieBreaks);
        EnsureOrdered(frozen, comparer, nameof(frozen), "封榜榜单");
        EnsureOrdered(final, comparer, nameof(final), "最终榜单");
        var frozenIds = frozen.Select(r => r.ContestantId).ToHashSet();
        if (frozenIds.Count != frozen.Count || final.Select(r => r.ContestantId).Distinct().Count() != final.Count)
            throw new ArgumentException("榜单中有重复的选手。", nameof(frozen));
        if (!frozenIds.SetEquals(final.Select(r => r.ContestantId)))
            throw new ArgumentException("封榜榜单与最终榜单的选手必须一致。", nameof(final));
        (_frozen, _final, _tieBreaks) = (frozen, final, tieBreaks);
    }

    /// <summary>One step per contestant, including those whose total did not change: each still gets its moment.</summary>
    public int StepCount => _frozen.Count;

    /// <summary>The contestant revealed at step <paramref name="step"/> (1-based).</summary>
    public Guid RevealedAt(int step)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(step, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(step, StepCount);
        return _frozen[^step].ContestantId;
    }

    /// <summary>Whether the contestant's row shows final figures after <paramref name="steps"/> reveals.</summary>
    public bool IsRevealed(Guid contestantId, int steps) =>
        _frozen.Skip(StepCount - steps).Any(r => r.ContestantId == contestantId);

    /// <summary>The ranked board after <paramref name="steps"/> reveals: 0 is the frozen board, <see cref="StepCount"/> the final one.</summary>
    public IReadOnlyList<RankedRow> StateAfter(int steps)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(steps, StepCount);
        var hidden = _frozen.Take(StepCount - steps).ToList();
        var hiddenIds = hidden.Select(r => r.ContestantId).ToHashSet();
        // Ranking sorts stably: hidden rows first (in frozen order), then revealed rows in final order, so rows that
        // nothing separates keep that order and the last step reproduces the final standings exactly.
        return Ranking.Rank([.. hidden, .. _final.Where(r => !hiddenIds.Contains(r.ContestantId))], _tieBreaks);
    }

    /// <summary>
    /// Each contestant's move at step <paramref name="step"/>: rank before the step minus rank after it (positive is up),
    /// so an arrow shows what this step changed, and a shared rank is not a move.
    /// </summary>
    public IReadOnlyDictionary<Guid, int> MovesAt(int step)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(step, 1);
        return Ranking.Movement(StateAfter(step - 1), StateAfter(step));
    }

    private static void EnsureOrdered(IReadOnlyList<RankingRow> rows, IComparer<RankingRow> comparer, string name, string what)
    {
        for (var i = 1; i < rows.Count; i++)
            if (comparer.Compare(rows[i - 1], rows[i]) > 0)
                throw new ArgumentException($"{what}必须按排名顺序（总分从高到低，再按并列规则）排列。", name);
    }
}
