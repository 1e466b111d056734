using Competition.Engine.QuestionBank;

namespace Competition.Engine.Exams;

/// <summary>The bank cannot give what the blueprint asks; the message names the cell and the numbers.</summary>
public sealed class PaperAssemblyException(string message) : Exception(message);

/// <summary>
/// Draws a candidate's own paper from the in-memory index. Pure and deterministic for a seed: no question twice,
/// every cell filled, knowledge points covered, and each cell's mean difficulty pulled within the blueprint's
/// tolerance of its target, so every paper has the same weight.
/// </summary>
public sealed class PaperAssembler(QuestionIndex index)
{
    public IReadOnlyList<PaperItem> Assemble(Blueprint blueprint, int seed, bool shuffleQuestions = true, bool shuffleOptions = true)
    {
        var rng = new Random(seed);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var items = new List<PaperItem>(blueprint.QuestionCount);
        double difficultySum = 0;
        for (var s = 0; s < blueprint.Sections.Count; s++)
        {
            var sectionItems = new List<PaperItem>();
            for (var c = 0; c < blueprint.Sections[s].Cells.Count; c++)
            {
                var cell = blueprint.Sections[s].Cells[c];
                foreach (var e in DrawCell(cell, blueprint.Tolerance, rng, used, cell.Describe(s, c)))
                {
                    used.Add(e.Id);
                    difficultySum += e.Difficulty;
                    sectionItems.Add(new PaperItem(e.Id, e.Version, s, cell.Points, shuffleOptions ? Shuffled(e.OptionCount, rng) : InOrder(e.OptionCount), e.Difficulty));
                }
            }
            if (shuffleQuestions) Shuffle(sectionItems, rng);
            items.AddRange(sectionItems);
        }
        var mean = difficultySum / items.Count;
        if (Math.Abs(mean - blueprint.TargetDifficulty) > blueprint.Tolerance + 1e-9)
            throw new PaperAssemblyException($"题库的难度分布不足以组出平均难度 {blueprint.TargetDifficulty:0.##}±{blueprint.Tolerance:0.##} 的试卷（本卷 {mean:0.##}）；请调整各格的目标难度或容差。");
        return items;
    }

    private List<QuestionIndex.Entry> DrawCell(BlueprintCell cell, double tolerance, Random rng, HashSet<string> used, string where)
    {
        var points = cell.KnowledgePoints.Select(p => index.KnowledgePointId(p) ?? -1).ToArray();
        var candidates = new List<QuestionIndex.Entry>();
        foreach (var level in cell.Levels)
            foreach (var e in index.Cell(cell.TradeCode, level, cell.Type))
                if (!used.Contains(e.Id) && (points.Length == 0 || e.KnowledgePoints.Any(points.Contains)))
                    candidates.Add(e);
        if (candidates.Count < cell.Count)
            throw new PaperAssemblyException($"{where} 需要 {cell.Count} 题，题库中只有 {candidates.Count} 题符合条件。");

        // Cover each asked-for knowledge point once (if the count allows); these picks are kept through balancing.
        var chosen = new List<QuestionIndex.Entry>(cell.Count);
        var taken = new HashSet<int>();
        var protectedCount = 0;
        foreach (var p in points.Where(p => p >= 0).OrderBy(_ => rng.Next()))
        {
            if (chosen.Count >= cell.Count) break;
            if (chosen.Any(e => e.KnowledgePoints.Contains(p))) continue;
            var options = Enumerable.Range(0, candidates.Count).Where(i => !taken.Contains(i) && candidates[i].KnowledgePoints.Contains(p)).ToList();
            if (options.Count == 0) continue;
            var pick = options[rng.Next(options.Count)];
            taken.Add(pick);
            chosen.Add(candidates[pick]);
        }
        protectedCount = chosen.Count;
        var rest = Enumerable.Range(0, candidates.Count).Where(i => !taken.Contains(i)).ToList();
        Shuffle(rest, rng);
        var r = 0;
        for (; chosen.Count < cell.Count; r++) chosen.Add(candidates[rest[r]]);
        var pool = rest.Skip(r).Select(i => candidates[i]).ToList();
        Balance(chosen, protectedCount, pool, cell.TargetDifficulty, tolerance, rng);
        return chosen;
    }

    /// <summary>Swaps the furthest-off picks for unused ones on the other side of the target until the mean is close.</summary>
    private static void Balance(List<QuestionIndex.Entry> chosen, int protectedCount, List<QuestionIndex.Entry> pool, double target, double tolerance, Random rng)
    {
        var sum = chosen.Sum(e => (double)e.Difficulty);
        for (var round = 0; round < chosen.Count * 2 && pool.Count > 0; round++)
        {
            var gap = sum / chosen.Count - target;
            if (Math.Abs(gap) <= tolerance / 2) return;
            var outIndex = -1;
            for (var i = protectedCount; i < chosen.Count; i++)
                if (outIndex < 0 || (gap > 0 ? chosen[i].Difficulty > chosen[outIndex].Difficulty : chosen[i].Difficulty < chosen[outIndex].Difficulty))
                    outIndex = i;
            if (outIndex < 0) return;
            var better = pool.Select((e, i) => (e, i)).Where(x => gap > 0 ? x.e.Difficulty < chosen[outIndex].Difficulty : x.e.Difficulty > chosen[outIndex].Difficulty).ToList();
            if (better.Count == 0) return;
            var (swap, poolIndex) = better[rng.Next(better.Count)];
            pool[poolIndex] = chosen[outIndex];
            sum += swap.Difficulty - chosen[outIndex].Difficulty;
            chosen[outIndex] = swap;
        }
    }

    private static string InOrder(int n) => new(Enumerable.Range(0, n).Select(i => (char)('A' + i)).ToArray());

    private static string Shuffled(int n, Random rng)
    {
        var keys = InOrder(n).ToCharArray();
        rng.Shuffle(keys);
        return new string(keys);
    }

    private static void Shuffle<T>(List<T> list, Random rng)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }
}
