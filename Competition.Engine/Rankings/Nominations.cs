using Competition.Engine.Contests;
using Competition.Engine.Judging;
using Competition.Engine.QuestionBank;

namespace Competition.Engine.Rankings;

public enum NominationKind
{
    MayDayMedal = 1, // 五一劳动奖章
    Promotion = 2,   // 技能等级晋升推荐
}

/// <summary>
/// A candidate for a nomination: never a decision. The organizer confirms or rejects each one with a reason, because
/// eligibility rests on facts the platform cannot know for sure (earlier honours, employment, conduct).
/// </summary>
/// <param name="Level">The recommended skill level for <see cref="NominationKind.Promotion"/>; null for the medal.</param>
/// <param name="Facts">What made the entry a candidate, with the figures.</param>
/// <param name="Concerns">What the organizer must check before confirming; empty when the records show nothing.</param>
public sealed record NominationCandidate(Guid EntryId, string Name, NominationKind Kind, SkillLevel? Level,
    IReadOnlyList<string> Facts, IReadOnlyList<string> Concerns);

/// <param name="PlacesByLevel">How many places of a contest of each level are candidates (e.g. 市级一类: 1); a level
/// not listed nominates nobody.</param>
/// <param name="YearsBetween">A person awarded the medal within this many years is flagged (e.g. 5).</param>
public sealed record MedalNominationRule(IReadOnlyDictionary<ContestLevel, int> PlacesByLevel, int YearsBetween)
{
    /// <summary>The first place of a 市级一类 contest; not again within 5 years.</summary>
    public static MedalNominationRule CityDefault { get; } = new(new Dictionary<ContestLevel, int> { [ContestLevel.CityClass1] = 1 }, 5);
}

/// <param name="Level">The skill level recommended.</param>
/// <param name="Places">How many places (after those of the steps above) are recommended for it.</param>
public sealed record PromotionStep(SkillLevel Level, int Places);

/// <param name="StepsByLevel">Per contest level, the steps best first (e.g. 市级一类: top 3 → 技师, next 5 → 高级工).</param>
public sealed record PromotionRule(IReadOnlyDictionary<ContestLevel, IReadOnlyList<PromotionStep>> StepsByLevel);

/// <summary>
/// Nominations from a contest's awarded results. Pure. Only entries that hold an award are considered: a first place
/// refused its award for a total under the minimum is not a model worker either. Places follow the award rule's tie
/// handling (DOMjudge): entries sharing the last place of a step all become candidates for it.
/// </summary>
public static class Nominations
{
    /// <param name="lastMedalYear">The year each person last received the medal, as far as the platform's records go.</param>
    public static IReadOnlyList<NominationCandidate> MayDayMedal(AwardOutcome outcome, ContestLevel level, int contestYear,
        IReadOnlyDictionary<Guid, int> lastMedalYear, MedalNominationRule rule)
    {
        if (rule.YearsBetween < 0) throw new ArgumentException("间隔年限不能为负数。", nameof(rule));
        if (!rule.PlacesByLevel.TryGetValue(level, out var places) || places <= 0) return [];
        return Awarded(outcome).Where(e => e.Entry.Rank <= places).Select(e =>
        {
            var facts = new List<string>
            {
                $"{ContestAccess.LevelName(level)}竞赛{e.Entry.Place}，总分 {Figures.Points(e.Entry.Total)}，获{e.Award.Name()}",
                $"规则：{ContestAccess.LevelName(level)}竞赛前 {places} 名可推荐五一劳动奖章",
            };
            var concerns = new List<string>();
            if (lastMedalYear.TryGetValue(e.Entry.Id, out var last))
            {
                var gap = contestYear - last;
                if (gap < rule.YearsBetween)
                    concerns.Add($"{last} 年已获五一劳动奖章，距今 {gap} 年，不足 {rule.YearsBetween} 年，请核实是否可再次推荐");
                else
                    facts.Add($"{last} 年曾获五一劳动奖章，距今 {gap} 年，已满 {rule.YearsBetween} 年");
            }
            else facts.Add($"平台记录中近 {rule.YearsBetween} 年未获五一劳动奖章");
            concerns.Add("请核实其他推荐条件（在职、表现等）后确认");
            if (e.Entry.SharedRank) concerns.Add($"{e.Entry.Place}，并列者均列为候选，请确认推荐人选");
            return new NominationCandidate(e.Entry.Id, e.Entry.Name, NominationKind.MayDayMedal, null, facts, concerns);
        }).ToList();
    }

    /// <param name="currentLevels">Each person's present skill level where known.</param>
    public static IReadOnlyList<NominationCandidate> Promotions(AwardOutcome outcome, ContestLevel level,
        IReadOnlyDictionary<Guid, SkillLevel> currentLevels, PromotionRule rule)
    {
        if (!rule.StepsByLevel.TryGetValue(level, out var steps) || steps.Count == 0) return [];
        if (steps.Count > 3) throw new ArgumentException("晋升推荐最多设 3 档。", nameof(rule));
        if (steps.Any(s => s.Places < 0)) throw new ArgumentException("晋升推荐名额不能为负数。", nameof(rule));
        if (steps.Zip(steps.Skip(1)).Any(p => p.First.Level >= p.Second.Level))
            throw new ArgumentException("晋升推荐须从高等级到低等级排列，且不重复。", nameof(rule));

        // The steps are places laid end to end with the same tie rule as awards, so reuse the allocator with counts.
        // Renumbered among the awarded (1, 1, 3 … kept as ties), so a refused entry in between cannot leave a gap.
        var awarded = Awarded(outcome).Select(e => e.Entry).ToList();
        var eligible = new List<RankedEntry>();
        for (var i = 0; i < awarded.Count; i++)
            eligible.Add(awarded[i] with { Rank = i > 0 && awarded[i].Rank == awarded[i - 1].Rank ? eligible[i - 1].Rank : i + 1 });
        var original = awarded.ToDictionary(e => e.Id);
        var counts = steps.Select(s => s.Places).Concat([0, 0]).Take(3).ToArray();
        var bands = AwardAllocator.Allocate(eligible, AwardRule.ByCount(counts[0], counts[1], counts[2]));
        var lines = steps.Select((s, i) => $"第 {counts.Take(i).Sum() + 1}–{counts.Take(i + 1).Sum()} 位推荐{s.Level.Title()}");
        var ruleText = $"规则：{ContestAccess.LevelName(level)}竞赛{string.Join("，", lines)}（并列者同档）";

        return bands.Entries.Where(b => b.Award != Award.None).Select(b =>
        {
            var step = steps[(int)b.Award - 1];
            var entry = original[b.Entry.Id];
            var facts = new List<string>
            {
                $"{ContestAccess.LevelName(level)}竞赛{entry.Place}，总分 {Figures.Points(entry.Total)}，获{outcome.AwardOf(entry.Id).Name()}",
                ruleText,
            };
            var concerns = new List<string>();
            if (currentLevels.TryGetValue(b.Entry.Id, out var current))
            {
                // SkillLevel numbers fall as levels rise: 2 (技师) is above 3 (高级工).
                if (current <= step.Level)
                    concerns.Add($"现为{current.Title()}，不低于推荐等级{step.Level.Title()}，无需晋升，请确认是否改为其他奖励");
                else if (current - step.Level > 1)
                    concerns.Add($"现为{current.Title()}，推荐{step.Level.Title()}为越级晋升，请按越级晋升的规定核实");
                else facts.Add($"现为{current.Title()}，推荐晋升一级");
            }
            else concerns.Add("平台无其现有技能等级记录，请核实后确认");
            return new NominationCandidate(b.Entry.Id, b.Entry.Name, NominationKind.Promotion, step.Level, facts, concerns);
        }).ToList();
    }

    private static IEnumerable<EntryAward> Awarded(AwardOutcome outcome) =>
        outcome.Entries.Where(e => e.Entry.Finished && e.Award != Award.None);
}
