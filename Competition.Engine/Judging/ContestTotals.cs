namespace Competition.Engine.Judging;

/// <param name="Name">How the round is shown, e.g. 理论 or 实操.</param>
/// <param name="Score">null while the round is not yet marked.</param>
/// <param name="WeightPercent">The round's share of the 100-point total, e.g. 30 for 30 %.</param>
public sealed record RoundScore(string Name, double? Score, double MaxScore, double WeightPercent);

/// <param name="Total">Out of 100, rounded to 2 decimals; rounds without a score count 0.</param>
/// <param name="MissingRounds">Names of the rounds without a score; empty when the total is final.</param>
/// <param name="Derivation">e.g. "理论 80/100 × 30% = 24 分；实操 45/50 × 70% = 63 分；合计 87 分".</param>
public sealed record ContestTotal(double Total, IReadOnlyList<string> MissingRounds, string Derivation)
{
    public bool Complete => MissingRounds.Count == 0;
}

/// <summary>Combines round scores into a contest total out of 100 (e.g. theory 30 % + practical 70 %). Pure.</summary>
public static class ContestTotals
{
    // Weights such as 33.33 + 33.33 + 33.34 do not sum to exactly 100 in binary floating point.
    private const double WeightSlack = 1e-9;

    public static ContestTotal Combine(IReadOnlyList<RoundScore> rounds)
    {
        Validate(rounds);
        var parts = new List<string>(rounds.Count);
        var missing = new List<string>();
        var total = 0m;
        foreach (var r in rounds)
        {
            if (r.Score is not { } score)
            {
                missing.Add(r.Name);
                parts.Add($"{r.Name}未评分，暂计 0 分");
                continue;
            }
            // Summed unrounded in decimal and rounded once, so the total never drifts by a cent from rounding each round.
            var share = (decimal)score / (decimal)r.MaxScore * (decimal)r.WeightPercent;
            total += share;
            parts.Add($"{r.Name} {Figures.Points(score)}/{Figures.Points(r.MaxScore)} × {Figures.Points(r.WeightPercent)}% = {Figures.Points(Figures.Round(share))} 分");
        }
        var rounded = Figures.Round(total);
        var ending = missing.Count == 0 ? $"合计 {Figures.Points(rounded)} 分" : $"暂计 {Figures.Points(rounded)} 分（{string.Join("、", missing)}尚未评分，成绩不完整）";
        return new(rounded, missing, string.Join("；", parts.Append(ending)));
    }

    private static void Validate(IReadOnlyList<RoundScore> rounds)
    {
        if (rounds.Count == 0) throw new ArgumentException("至少需要一轮比赛。", nameof(rounds));
        foreach (var r in rounds)
        {
            if (!double.IsFinite(r.MaxScore) || r.MaxScore <= 0)
                throw new ArgumentException($"{r.Name} 的满分必须为正数，当前为 {r.MaxScore}。", nameof(rounds));
            if (!double.IsFinite(r.WeightPercent) || r.WeightPercent < 0)
                throw new ArgumentException($"{r.Name} 的权重不能为负数，当前为 {r.WeightPercent}%。", nameof(rounds));
            if (r.Score is { } s && (!double.IsFinite(s) || s < 0 || s > r.MaxScore))
                throw new ArgumentException($"{r.Name} 的成绩 {s} 超出 0–{Figures.Points(r.MaxScore)} 分的范围。", nameof(rounds));
        }
        var sum = rounds.Sum(r => r.WeightPercent);
        if (Math.Abs(sum - 100) > WeightSlack)
            throw new ArgumentException($"各轮权重之和必须为 100%，当前为 {Figures.Points(Figures.Round(sum))}%", nameof(rounds));
    }
}
