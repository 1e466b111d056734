using System.Globalization;

namespace Competition.Engine.Exams;

/// <param name="ItemScores">Points per item position, in the order of the exam's items; an unanswered item scores 0.</param>
public sealed record ScoredAttempt(Guid AttemptId, double[] ItemScores);

/// <param name="From">Inclusive lower bound.</param>
/// <param name="To">Exclusive upper bound, except for the last bin, which also holds totals equal to the maximum.</param>
public sealed record ScoreBin(string Label, double From, double To, int Count);

/// <param name="Facility">Mean score over max points, 0..1; null without attempts or when the item carries no points.</param>
/// <param name="Discrimination">Kelley index: facility in the upper 27 % by total minus facility in the lower 27 %.</param>
/// <param name="ItemRestCorrelation">Pearson correlation of the item score with the total minus that item.</param>
public sealed record ItemStatistics(string ItemId, double MaxPoints, double? Facility, double? Discrimination,
    double? ItemRestCorrelation, IReadOnlyList<string> FlagReasons)
{
    public bool Flag => FlagReasons.Count > 0;
}

/// <summary>Descriptive figures are null when there are no attempts; no figure is ever NaN.</summary>
public sealed record ExamStatisticsResult(int Count, double? Mean, double? Median, double? StandardDeviation, double? Min, double? Max,
    IReadOnlyList<ScoreBin> Distribution, IReadOnlyList<ItemStatistics> Items, double? CronbachAlpha);

/// <summary>
/// Item analysis of one exam's attempts. Pure. Variances are population variances (divide by N) throughout:
/// the figures describe this sitting rather than estimate a wider population, and alpha is a ratio of
/// variances, so the N/(N−1) factor would cancel anyway.
/// </summary>
public static class ExamStatistics
{
    public const double KelleyFraction = 0.27;
    public const double LowIndex = 0.20;
    public const double TooEasyFacility = 0.95;
    public const double TooHardFacility = 0.10;

    // Ratios such as 0.6 − 0.4 land a hair below 0.2 in binary floating point; that must not raise a flag.
    private const double Tolerance = 1e-9;

    public static ExamStatisticsResult Compute(IReadOnlyList<double> itemMaxPoints, IReadOnlyList<ScoredAttempt> attempts,
        string[] itemIds, double maxScore, int bins = 10)
    {
        Validate(itemMaxPoints, attempts, itemIds, maxScore, bins);
        var totals = attempts.Select(a => a.ItemScores.Sum()).ToArray();
        var n = totals.Length;

        // Stable sort: ties keep input order, so the groups are deterministic for the same input.
        var byTotalDesc = Enumerable.Range(0, n).OrderByDescending(j => totals[j]).ToArray();
        var groupSize = (int)Math.Round(KelleyFraction * n, MidpointRounding.AwayFromZero);
        var upper = byTotalDesc[..groupSize];
        var lower = byTotalDesc[(n - groupSize)..];

        var items = itemIds.Select((id, i) => Item(id, itemMaxPoints[i], attempts.Select(a => a.ItemScores[i]).ToArray(), totals, upper, lower)).ToList();
        var distribution = Distribution(totals, maxScore, bins);
        if (n == 0) return new(0, null, null, null, null, null, distribution, items, null);

        var sorted = totals.Order().ToArray();
        var median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new(n, totals.Average(), median, Math.Sqrt(Variance(totals)), sorted[0], sorted[^1], distribution, items,
            CronbachAlpha(itemMaxPoints, attempts));
    }

    private static ItemStatistics Item(string id, double max, double[] scores, double[] totals, int[] upper, int[] lower)
    {
        // An item worth nothing (e.g. a survey question on the paper) has no meaningful facility or discrimination.
        if (scores.Length == 0 || max <= 0) return new(id, max, null, null, null, []);

        var facility = scores.Average() / max;
        double? discrimination = upper.Length < 2 ? null : (upper.Average(j => scores[j]) - lower.Average(j => scores[j])) / max;
        // Item-rest rather than item-total: the item's own score inside the total would inflate the correlation.
        var itemRest = Correlation(scores, scores.Select((s, j) => totals[j] - s).ToArray());

        var reasons = new List<string>();
        if (discrimination is { } d && d < LowIndex - Tolerance)
            reasons.Add($"区分度偏低（{F(d)} < {F(LowIndex)}），建议检查题目或答案");
        if (itemRest is { } r && r < LowIndex - Tolerance)
            reasons.Add($"题总相关偏低（{F(r)} < {F(LowIndex)}），建议检查题目或答案");
        if (facility > TooEasyFacility + Tolerance)
            reasons.Add($"过易（得分率 {F(facility)} > {F(TooEasyFacility)}），建议提高难度或更换题目");
        if (facility < TooHardFacility - Tolerance)
            reasons.Add($"过难（得分率 {F(facility)} < {F(TooHardFacility)}），建议检查答案或降低难度");
        return new(id, max, facility, discrimination, itemRest, reasons);
    }

    /// <summary>α = k/(k−1) × (1 − Σσ²ᵢ / σ²ₜ) over the items that carry points.</summary>
    private static double? CronbachAlpha(IReadOnlyList<double> itemMaxPoints, IReadOnlyList<ScoredAttempt> attempts)
    {
        // Zero-point items would add a constant 0 column that changes k without measuring anything.
        var scored = Enumerable.Range(0, itemMaxPoints.Count).Where(i => itemMaxPoints[i] > 0).ToArray();
        var k = scored.Length;
        if (k < 2) return null;
        var totals = attempts.Select(a => scored.Sum(i => a.ItemScores[i])).ToArray();
        if (IsConstant(totals)) return null;
        var itemVariances = scored.Sum(i => Variance(attempts.Select(a => a.ItemScores[i]).ToArray()));
        return (double)k / (k - 1) * (1 - itemVariances / Variance(totals));
    }

    private static List<ScoreBin> Distribution(double[] totals, double maxScore, int bins)
    {
        var counts = new int[bins];
        // Totals outside [0, maxScore] (bonus points, penalties) go to the edge bins so the bins always sum to Count;
        // the small nudge keeps a total such as 0.3 of 1.0 out of the bin below when floating point rounds down.
        foreach (var t in totals)
            counts[(int)Math.Clamp(Math.Floor(t * bins / maxScore + Tolerance), 0, bins - 1)]++;
        return Enumerable.Range(0, bins).Select(b =>
        {
            var from = maxScore * b / bins;
            var to = b == bins - 1 ? maxScore : maxScore * (b + 1) / bins;
            return new ScoreBin($"{Label(from)}–{Label(to)}", from, to, counts[b]);
        }).ToList();
    }

    private static double? Correlation(double[] x, double[] y)
    {
        // Checked on the raw values: a two-pass variance of a constant column can come out as 1e-34, not 0.
        if (x.Length < 2 || IsConstant(x) || IsConstant(y)) return null;
        double mx = x.Average(), my = y.Average(), sxy = 0, sxx = 0, syy = 0;
        for (var j = 0; j < x.Length; j++)
        {
            sxy += (x[j] - mx) * (y[j] - my);
            sxx += (x[j] - mx) * (x[j] - mx);
            syy += (y[j] - my) * (y[j] - my);
        }
        return Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1, 1);
    }

    private static double Variance(double[] xs)
    {
        if (xs.Length == 0 || IsConstant(xs)) return 0;
        var mean = xs.Average();
        return xs.Sum(x => (x - mean) * (x - mean)) / xs.Length;
    }

    private static bool IsConstant(double[] xs) => xs.Length == 0 || xs.Max() == xs.Min();

    private static string F(double x) => x.ToString("0.00", CultureInfo.InvariantCulture);
    private static string Label(double x) => x.ToString("0.##", CultureInfo.InvariantCulture);

    private static void Validate(IReadOnlyList<double> itemMaxPoints, IReadOnlyList<ScoredAttempt> attempts, string[] itemIds, double maxScore, int bins)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        if (!double.IsFinite(maxScore) || maxScore <= 0)
            throw new ArgumentOutOfRangeException(nameof(maxScore), maxScore, "满分必须为正数。");
        if (itemIds.Length != itemMaxPoints.Count)
            throw new ArgumentException($"题目编号 {itemIds.Length} 个，题目分值 {itemMaxPoints.Count} 个，两者必须一一对应。", nameof(itemIds));
        if (itemMaxPoints.Any(m => !double.IsFinite(m) || m < 0))
            throw new ArgumentException("题目分值必须为非负有限数。", nameof(itemMaxPoints));
        foreach (var a in attempts)
            if (a.ItemScores.Length != itemMaxPoints.Count || a.ItemScores.Any(s => !double.IsFinite(s)))
                throw new ArgumentException($"作答 {a.AttemptId} 的得分应为 {itemMaxPoints.Count} 个有限数，实际 {a.ItemScores.Length} 个。", nameof(attempts));
    }
}
