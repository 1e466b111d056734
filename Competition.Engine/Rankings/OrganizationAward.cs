using System.Globalization;
using Competition.Engine.Judging;

namespace Competition.Engine.Rankings;

/// <summary>The figures that decide 优秀组织奖, in the order of the rule.</summary>
public enum OrganizationMeasure
{
    Participants = 1,  // 参赛人数
    FinisherShare = 2, // 完赛率
    Awards = 3,        // 获奖数 (一/二/三等奖)
}

/// <summary>One organizing unit's (city's, enterprise's) figures for a contest, event or year.</summary>
public sealed record UnitParticipation(Guid UnitId, string UnitName, int Entered, int Finished, int Awards)
{
    /// <summary>Compared as shown, to 0.1 %, so two units both shown at 95.0 % are not split by a hidden remainder.</summary>
    public decimal FinisherShare => Entered == 0 ? 0 : Math.Round((decimal)Finished / Entered, 3, MidpointRounding.AwayFromZero);
}

/// <param name="Places">How many units get the award; units tied with the last of them get it too.</param>
/// <param name="MinParticipants">A unit needs at least this many entrants to be considered.</param>
/// <param name="MinFinisherShare">… and at least this share of them finishing (e.g. 0.9).</param>
/// <param name="Order">The measures that rank qualifying units, the first deciding, the next separating ties.</param>
public sealed record OrganizationAwardRule(int Places, int MinParticipants, decimal MinFinisherShare, IReadOnlyList<OrganizationMeasure> Order)
{
    public string Describe() =>
        $"参赛不少于 {MinParticipants} 人、完赛率不低于 {Awards.Percent(MinFinisherShare)} 的单位，" +
        $"依次按{string.Join("、", Order.Select(OrganizationAward.Name))}排序，前 {Places} 名获优秀组织奖（并列者同获）。";
}

/// <param name="Rank">Among qualifying units; null for a unit that does not qualify.</param>
/// <param name="Explanation">Its figures against the rule, e.g. "参赛 120 人（不少于 50 人，符合）…".</param>
public sealed record OrganizationAwardResult(UnitParticipation Unit, bool Awarded, int? Rank, string Explanation);

/// <summary>
/// 优秀组织奖 for the units that organized best. Pure. A unit must first meet the thresholds (enough entrants, most of
/// them finishing: a union rewards mobilising people who then take part, not names on a list), then the qualifying
/// units are ranked by the stated measures. Ties at the last place all get the award, as with individual awards
/// (DOMjudge's rule): two units with identical figures cannot be told apart on the page either.
/// </summary>
public static class OrganizationAward
{
    public static IReadOnlyList<OrganizationAwardResult> Decide(IReadOnlyList<UnitParticipation> units, OrganizationAwardRule rule)
    {
        if (rule.Places < 0) throw new ArgumentException($"优秀组织奖名额不能为负数，现为 {rule.Places}。", nameof(rule));
        if (rule.MinFinisherShare is < 0 or > 1) throw new ArgumentException("完赛率门槛须在 0% 到 100% 之间。", nameof(rule));
        if (rule.Order.Count == 0 || rule.Order.Distinct().Count() != rule.Order.Count)
            throw new ArgumentException("优秀组织奖须按至少一项、且不重复的指标排序。", nameof(rule));
        if (units.Select(u => u.UnitId).Distinct().Count() != units.Count)
            throw new ArgumentException("单位名单中有重复的单位。", nameof(units));
        if (units.FirstOrDefault(u => u.Entered < 0 || u.Finished < 0 || u.Finished > u.Entered || u.Awards < 0) is { } bad)
            throw new ArgumentException($"单位“{bad.UnitName}”的人数有误：参赛 {bad.Entered}、完赛 {bad.Finished}、获奖 {bad.Awards}。", nameof(units));

        // The platform's one ranking, so units with identical figures share a place exactly as contestants do: the
        // first measure stands in for the total, the others for the tie-breaks, all "higher is better".
        var rows = units.Where(u => u.Entered >= rule.MinParticipants && u.FinisherShare >= rule.MinFinisherShare)
            .Select(u => new RankingRow(u.UnitId, Measure(u, rule.Order[0]), Measure(u, rule.Order.ElementAtOrDefault(1)),
                Measure(u, rule.Order.ElementAtOrDefault(2)), null)).ToList();
        var ranked = Ranking.Rank(rows, new[] { TieBreak.HigherPractical, TieBreak.HigherTheory }.Take(rule.Order.Count - 1).ToList());
        var ranks = ranked.Select(r => r.Rank).ToArray();
        var rankOf = ranked.ToDictionary(r => r.ContestantId, r => r);
        // The last awarded place's rank: everyone sharing it is in.
        var cutRank = rule.Places == 0 || ranks.Length == 0 ? 0 : ranks[Math.Min(rule.Places, ranks.Length) - 1];

        return units.Select(u =>
        {
            var figures = FiguresOf(u, rule);
            if (!rankOf.TryGetValue(u.UnitId, out var row))
                return new OrganizationAwardResult(u, false, null, $"{figures}；未达参评条件，不获优秀组织奖。");
            var (rank, tied) = (row.Rank, row.SharedRank ? "并列" : "");
            return rank <= cutRank
                ? new OrganizationAwardResult(u, true, rank, $"{figures}；{tied}第 {rank} 名，在前 {rule.Places} 名内，获优秀组织奖。")
                : new OrganizationAwardResult(u, false, rank, $"{figures}；{tied}第 {rank} 名，在前 {rule.Places} 名之外。");
        }).ToList();
    }

    internal static string Name(OrganizationMeasure measure) => measure switch
    {
        OrganizationMeasure.Participants => "参赛人数", OrganizationMeasure.FinisherShare => "完赛率", _ => "获奖数",
    };

    private static string FiguresOf(UnitParticipation u, OrganizationAwardRule rule)
    {
        var share = (u.FinisherShare * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
        var enough = u.Entered >= rule.MinParticipants ? "符合" : "不足";
        var finishing = u.FinisherShare >= rule.MinFinisherShare ? "符合" : "不足";
        return $"参赛 {u.Entered} 人（须不少于 {rule.MinParticipants} 人，{enough}），完赛 {u.Finished} 人，" +
               $"完赛率 {share}（须不低于 {Awards.Percent(rule.MinFinisherShare)}，{finishing}），获奖 {u.Awards} 项";
    }

    /// <summary>A measure as a figure to rank on; the share in percent to 0.1, as shown. No measure ranks everyone equal.</summary>
    private static double Measure(UnitParticipation u, OrganizationMeasure measure) => measure switch
    {
        OrganizationMeasure.Participants => u.Entered,
        OrganizationMeasure.FinisherShare => (double)(u.FinisherShare * 100),
        OrganizationMeasure.Awards => u.Awards,
        _ => 0,
    };
}
