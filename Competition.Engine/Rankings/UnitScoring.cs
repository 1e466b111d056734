using Competition.Engine.Judging;

namespace Competition.Engine.Rankings;

/// <summary>What happens to a unit with fewer finishers than the rule counts.</summary>
public enum ShortUnitTreatment
{
    /// <summary>Ranked on the sum of the finishers it has (missing places count 0): a small unit may still place.</summary>
    SumOfFewer = 1,
    /// <summary>Not ranked: the team award compares full teams only, which is what most 团体奖 rules say.</summary>
    Excluded = 2,
}

/// <summary>One member's result as the unit rule sees it.</summary>
public sealed record UnitMember(Guid UnitId, string UnitName, Guid MemberId, string MemberName, EntryStatus Status, double Total);

/// <summary>A unit's team score: the sum of its best <see cref="UnitScoreRule.Counted"/> finishers.</summary>
/// <param name="Derivation">"最好 3 名成绩：92 + 88.5 + 80 = 260.5" — the figures the rank came from.</param>
public sealed record UnitStanding(Guid UnitId, string UnitName, int Entered, int Finished, IReadOnlyList<double> Counted,
    double Total, bool Ranked, string Derivation);

/// <param name="Counted">How many of a unit's best finishers make its team score (e.g. 3).</param>
public sealed record UnitScoreRule(int Counted, ShortUnitTreatment ShortUnits = ShortUnitTreatment.Excluded)
{
    public string Describe() => ShortUnits == ShortUnitTreatment.Excluded
        ? $"团体成绩为各单位最好 {Counted} 名完赛选手的总分之和；完赛不足 {Counted} 人的单位不参加团体排名。"
        : $"团体成绩为各单位最好 {Counted} 名完赛选手的总分之和；完赛不足 {Counted} 人的单位按实有人数计，缺额记 0 分。";
}

/// <summary>
/// Team results of units (enterprises, cities) from their members' results. Pure. The result is a ranked list that
/// goes to the same <see cref="AwardAllocator"/> as individuals, so team awards follow the same tie rule.
/// </summary>
/// <remarks>
/// Only finishers count: a disqualified member neither adds points nor counts towards the unit's size, otherwise a unit
/// could field extra members to make up its numbers. Units are ranked with <see cref="Ranking"/> without tie-breaks:
/// equal team totals share a place (and so share the higher award), since no team rule the unions use says more.
/// </remarks>
public static class UnitScoring
{
    public static IReadOnlyList<UnitStanding> Standings(IReadOnlyList<UnitMember> members, UnitScoreRule rule)
    {
        if (rule.Counted < 1) throw new ArgumentException($"团体成绩至少计 1 名选手，现为 {rule.Counted}。", nameof(rule));
        if (members.Select(m => m.MemberId).Distinct().Count() != members.Count)
            throw new ArgumentException("团体名单中有重复的选手。", nameof(members));

        return members.GroupBy(m => m.UnitId).Select(unit =>
        {
            var name = unit.First().UnitName;
            var finishers = unit.Where(m => m.Status == EntryStatus.Finished).ToList();
            var best = finishers.Select(m => Figures.Round(m.Total)).OrderDescending().Take(rule.Counted).ToList();
            var total = Figures.Round(best.Sum());
            var sum = best.Count == 0 ? "0" : string.Join(" + ", best.Select(Figures.Points)) + " = " + Figures.Points(total);
            var size = $"报名 {unit.Count()} 人，完赛 {finishers.Count} 人";
            if (best.Count < rule.Counted && rule.ShortUnits == ShortUnitTreatment.Excluded)
                return new UnitStanding(unit.Key, name, unit.Count(), finishers.Count, best, total, false,
                    $"{size}，不足 {rule.Counted} 人，不参加团体排名");
            var counted = best.Count < rule.Counted
                ? $"完赛不足 {rule.Counted} 人，按 {best.Count} 人计，缺额记 0 分：{sum}"
                : $"最好 {rule.Counted} 名成绩：{sum}";
            return new UnitStanding(unit.Key, name, unit.Count(), finishers.Count, best, total, true, $"{size}；{counted}");
        }).ToList();
    }

    /// <summary>The ranked units (then the unranked ones) as entries for <see cref="AwardAllocator"/>.</summary>
    public static IReadOnlyList<RankedEntry> Rank(IReadOnlyList<UnitStanding> standings) =>
        RankedEntries.From(standings.Select(s => new EntryResult(s.UnitId, s.UnitName,
            s.Ranked ? EntryStatus.Finished : EntryStatus.Ineligible, s.Total)).ToList(), []);
}
