namespace Competition.Engine.Scoreboards;

public sealed record BoardRow(Guid ContestantId, double Total);

/// <summary>
/// Reveals the scores hidden by the freeze one contestant at a time, from the bottom of the frozen board up (as the
/// ICPC resolver does), so first place is settled last. Pure: a function from a step number to a board.
/// </summary>
/// <remarks>
/// Step k reveals the k-th contestant from the bottom of the frozen board. Rows not yet revealed keep their frozen
/// totals, so among themselves they stay in frozen order, and the lowest of them is always the k-th from the frozen
/// bottom: revealing by position on the frozen board and revealing "the lowest hidden row" are the same thing.
/// </remarks>
public sealed class RevealCeremony
{
    private readonly IReadOnlyList<BoardRow> _frozen;
    private readonly IReadOnlyList<BoardRow> _final;

    /// <param name="frozen">The public board at the freeze, best first.</param>
    /// <param name="final">The final standings, best first, ties already in tie-break order.</param>
    public RevealCeremony(IReadOnlyList<BoardRow> frozen, IReadOnlyList<BoardRow> final)
    {
        EnsureOrdered(frozen, nameof(frozen), "封榜榜单");
        EnsureOrdered(final, nameof(final), "最终榜单");
        var frozenIds = frozen.Select(r => r.ContestantId).ToHashSet();
        if (frozenIds.Count != frozen.Count || final.Select(r => r.ContestantId).Distinct().Count() != final.Count)
            throw new ArgumentException("榜单中有重复的选手。", nameof(frozen));
        if (!frozenIds.SetEquals(final.Select(r => r.ContestantId)))
            throw new ArgumentException("封榜榜单与最终榜单的选手必须一致。", nameof(final));
        (_frozen, _final) = (frozen, final);
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

    /// <summary>The board after <paramref name="steps"/> reveals: 0 is the frozen board, <see cref="StepCount"/> the final one.</summary>
    public IReadOnlyList<BoardRow> StateAfter(int steps)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(steps, StepCount);
        var hidden = _frozen.Take(StepCount - steps).ToList();
        var hiddenIds = hidden.Select(r => r.ContestantId).ToHashSet();
        // Revealed rows in final order carry the final tie-breaks, so once all are revealed the board is the final one.
        var revealed = _final.Where(r => !hiddenIds.Contains(r.ContestantId)).ToList();

        // Both lists are sorted by total; merging them is the re-sort. On equal totals the hidden row stays above:
        // a revealed contestant overtakes only with a strictly higher total, never by the accident of being revealed.
        var board = new List<BoardRow>(StepCount);
        int h = 0, r = 0;
        while (h < hidden.Count || r < revealed.Count)
            board.Add(r == revealed.Count || (h < hidden.Count && hidden[h].Total >= revealed[r].Total) ? hidden[h++] : revealed[r++]);
        return board;
    }

    private static void EnsureOrdered(IReadOnlyList<BoardRow> rows, string name, string what)
    {
        for (var i = 1; i < rows.Count; i++)
            if (rows[i].Total > rows[i - 1].Total)
                throw new ArgumentException($"{what}必须按总分从高到低排列。", name);
    }
}
