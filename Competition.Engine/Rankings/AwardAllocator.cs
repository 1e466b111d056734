using Competition.Engine.Judging;

namespace Competition.Engine.Rankings;

/// <param name="Explanation">Why this entry got (or did not get) its award, in Chinese, for the page and for objections.</param>
public sealed record EntryAward(RankedEntry Entry, Award Award, string Explanation);

/// <param name="Quota">The places the rule gives this award before ties and the minimum score.</param>
/// <param name="Awarded">How many entries finally hold it.</param>
/// <param name="BelowMinimum">Entries within the award's places who were refused it for a total under the minimum.</param>
public sealed record AwardTally(Award Award, int Quota, int Awarded, int BelowMinimum);

/// <param name="Entries">Every entry, in the input order.</param>
/// <param name="Statements">The sentences the results page shows under the list: the quotas, each tie, each refusal.</param>
public sealed record AwardOutcome(IReadOnlyList<EntryAward> Entries, IReadOnlyList<AwardTally> Tallies, IReadOnlyList<string> Statements)
{
    public Award AwardOf(Guid id) => Entries.Single(e => e.Entry.Id == id).Award;
    public int Count(Award award) => Entries.Count(e => e.Award == award);
}

/// <summary>Gives 一/二/三等奖 and 优胜奖 over a ranked list by the organizer's <see cref="AwardRule"/>. Pure.</summary>
/// <remarks>
/// Awards are places laid end to end (see <see cref="AwardRule"/>). An award's places end where its quota ends, unless
/// the entry in its last place shares that rank with the next ones: then all of them get the higher award (DOMjudge:
/// equal results never get different medals) and the following award starts later, so it shrinks by as many places.
/// Below the last award the list simply grows. Only finishers are counted and awarded: a disqualified, absent or
/// unfinished entry neither holds a place nor enlarges the field that the shares are taken of. The minimum total is
/// applied last, so a weak field leaves places empty rather than handing them further down.
/// </remarks>
public static class AwardAllocator
{
    /// <param name="counter">How the field is counted in the statements: "人" for people, "个单位" for units.</param>
    public static AwardOutcome Allocate(IReadOnlyList<RankedEntry> entries, AwardRule rule, string counter = "人")
    {
        var problems = rule.Problems();
        if (problems.Count > 0) throw new ArgumentException("评奖规则有误：" + string.Join("", problems), nameof(rule));
        var finishers = RankedEntries.Finishers(entries, nameof(entries));
        var n = finishers.Count;
        var statements = new List<string> { FieldStatement(entries, n, counter) };

        // The places of each award as the rule sets them: [start, end) in the finishers' order.
        var bands = new List<(Award Award, int Quota, int Start, int End)>();
        var boundary = 0;
        foreach (var award in Awards.Graded)
        {
            var (quota, derivation) = rule.Quota(award, n, counter);
            statements.Add(derivation + "。");
            bands.Add((award, quota, Math.Min(boundary, n), Math.Min(boundary + quota, n)));
            boundary += quota;
        }
        if (rule.Basis == AwardBasis.FixedCount && boundary > n)
            statements.Add($"设定名额合计 {boundary} 名，超过参评数 {n} {counter}，超出的名额不授予。");
        if (rule.HonorableMention)
        {
            var (reach, derivation) = rule.HonorableReach(n, counter);
            reach = Math.Min(reach, n);
            statements.Add($"{derivation}：前 {reach} 名中未获一、二、三等奖者获优胜奖。");
            bands.Add((Award.Honorable, Math.Max(0, reach - boundary), Math.Min(boundary, n), Math.Max(Math.Min(boundary, n), reach)));
        }

        var awards = new Award[n];
        var reasons = new string[n];
        var position = 0;
        foreach (var band in bands)
        {
            if (band.End <= position) continue; // every place of this award went to a tie above
            var start = position;
            var end = band.End;
            while (end < n && finishers[end].Rank == finishers[end - 1].Rank) end++;
            for (var i = start; i < end; i++)
            {
                awards[i] = band.Award;
                reasons[i] = i < band.End
                    ? $"{finishers[i].Place}，在{band.Award.Name()}名额（第 {start + 1}–{band.End} 位）内，获{band.Award.Name()}"
                    : $"{finishers[i].Place}，{band.Award.Name()}名额止于第 {band.End} 位，并列者同获较高奖项（并列同奖），获{band.Award.Name()}";
            }
            if (end > band.End && !Below(finishers[end - 1], rule))
                statements.Add(TieStatement(finishers, band.Award, band.End, end, bands, counter));
            position = end;
        }

        var refused = new Dictionary<Award, int>();
        for (var i = 0; i < n; i++)
        {
            if (awards[i] == Award.None)
            {
                reasons[i] = position == 0
                    ? $"{finishers[i].Place}，本组未设获奖名额，未获奖"
                    : $"{finishers[i].Place}，在获奖名额（前 {position} 位）之外，未获奖";
            }
            else if (Below(finishers[i], rule))
            {
                refused[awards[i]] = refused.GetValueOrDefault(awards[i]) + 1;
                reasons[i] = $"{finishers[i].Place}，总分 {Figures.Points(finishers[i].Total)} 低于获奖最低分 " +
                             $"{Figures.Points(rule.MinimumTotal!.Value)}，不授奖（按名次本应获{awards[i].Name()}）";
                awards[i] = Award.None;
            }
        }
        foreach (var (award, count) in refused.OrderBy(r => r.Key))
            statements.Add($"{award.Name()}有 {count} 名因总分低于获奖最低分 {Figures.Points(rule.MinimumTotal!.Value)} 未授予。");

        var byId = finishers.Select((f, i) => (f.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var results = entries.Select(e => byId.TryGetValue(e.Id, out var i)
            ? new EntryAward(e, awards[i], reasons[i] + "。")
            : new EntryAward(e, Award.None, $"{RankedEntries.StatusReason(e.Status)}，不参加评奖。")).ToList();
        var tallies = bands.Select(b => new AwardTally(b.Award, b.Quota, awards.Count(a => a == b.Award), refused.GetValueOrDefault(b.Award))).ToList();
        return new AwardOutcome(results, tallies, statements);
    }

    private static bool Below(RankedEntry entry, AwardRule rule) =>
        rule.MinimumTotal is { } minimum && Figures.Round(entry.Total) < Figures.Round(minimum);

    private static string FieldStatement(IReadOnlyList<RankedEntry> entries, int finishers, string counter)
    {
        var others = entries.Where(e => !e.Finished).GroupBy(e => e.Status).OrderBy(g => g.Key)
            .Select(g => $"{RankedEntries.StatusReason(g.Key)} {g.Count()} {counter}").ToList();
        return others.Count == 0
            ? $"参评 {finishers} {counter}，名额按参评数计算。"
            : $"参评 {finishers} {counter}，名额按参评数计算；{string.Join("、", others)}，不参加评奖。";
    }

    /// <summary>"并列第 3 名共 2 人，均获一等奖；二等奖名额相应减少 1 名": which later places the tie took, award by award.</summary>
    private static string TieStatement(IReadOnlyList<RankedEntry> finishers, Award award, int bandEnd, int tieEnd,
        List<(Award Award, int Quota, int Start, int End)> bands, string counter)
    {
        var rank = finishers[tieEnd - 1].Rank;
        var tied = finishers.Count(f => f.Rank == rank);
        var effects = new List<string>();
        var covered = bandEnd;
        foreach (var later in bands.Where(b => b.Award > award))
        {
            var taken = Math.Max(0, Math.Min(later.End, tieEnd) - Math.Max(later.Start, bandEnd));
            if (taken > 0) effects.Add($"{later.Award.Name()}名额相应减少 {taken} 名");
            covered = Math.Max(covered, Math.Min(later.End, tieEnd));
        }
        if (tieEnd > covered) effects.Add($"获奖总数相应增加 {tieEnd - covered} 名");
        return $"并列第 {rank} 名共 {tied} {counter}，均获{award.Name()}；{string.Join("，", effects)}。";
    }
}
