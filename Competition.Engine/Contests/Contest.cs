using System.Text.Json;
using Competition.Engine.Common;
using Competition.Engine.Judging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Competition.Engine.Contests;

public enum ContestLevel { CityClass1 = 1, CityClass2 = 2, Provincial = 3, YangtzeDelta = 4 }

/// <summary>
/// A skills contest of one trade: rounds with weights, contestants by group, and the phases the scoreboard
/// follows (scheduled, running, frozen, ended, finalized). Each phase has a time and can also be taken at once.
/// </summary>
public sealed class Contest
{
    private Contest() { }

    public Contest(Guid id, string title, string tradeCode, ContestLevel level, string cityCode, IReadOnlyList<string> groups,
        DateTime startsAt, DateTime? freezeAt, DateTime endsAt, string tieBreaks, DateTime nowUtc)
    {
        Id = id;
        CityCode = cityCode;
        CreatedAt = nowUtc;
        Phase = ContestPhase.Scheduled;
        Define(title, tradeCode, level, groups, startsAt, freezeAt, endsAt, tieBreaks);
    }

    public Guid Id { get; private set; }
    public string Title { get; private set; } = "";
    public string TradeCode { get; private set; } = "";
    public ContestLevel Level { get; private set; }
    public string CityCode { get; private set; } = "";
    /// <summary>Groups such as 职工组|学生组; each has its own board.</summary>
    public string Groups { get; private set; } = "";
    /// <summary>The scheduled times; the clock moves the contest at them unless a person has already done so.</summary>
    public DateTime StartsAt { get; private set; }
    public DateTime? FreezeAt { get; private set; }
    public DateTime EndsAt { get; private set; }
    public ContestPhase Phase { get; private set; }
    /// <summary>
    /// When the public board actually froze: the scheduled freeze when the clock froze it, the moment of the click for
    /// 立即封榜, or the end when a contest with a freeze ended before reaching it. Every frozen view uses this moment,
    /// never the schedule, which may still lie ahead.
    /// </summary>
    public DateTime? FrozenAt { get; private set; }
    public DateTime? StartedAt { get; private set; }
    public DateTime? EndedAt { get; private set; }
    /// <summary>When the clock next has something to do for this contest (null: nothing, ever again); the clock job's only filter.</summary>
    public DateTime? NextDueAt { get; private set; }
    /// <summary>How many frozen rows the organizer has revealed per group, from the bottom up, after the end (JSON: group → steps).</summary>
    public string RevealProgress { get; private set; } = "";
    /// <summary>Tie-break order, e.g. "HigherPractical,LessTimeUsed,HigherTheory"; empty means shared ranks.</summary>
    public string TieBreaks { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    /// <summary>
    /// Bumped by every change of phase or reveal: the clock job and a person's "do it now" (or two reveal clicks) read the
    /// contest at the same moment, and the later save must fail rather than move the contest back.
    /// </summary>
    public int RowVersion { get; private set; }

    public IReadOnlyList<string> GroupList => Groups.Split('|', StringSplitOptions.RemoveEmptyEntries);

    public IReadOnlyList<TieBreak> TieBreakList =>
        TieBreaks.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(t => Enum.TryParse<TieBreak>(t.Trim(), out var v) ? v : (TieBreak?)null)
            .OfType<TieBreak>().Distinct().ToList();

    private ContestTimes Times => new(StartsAt, FreezeAt, EndsAt);

    /// <summary>
    /// Whether the setup may still change: only before the start, scheduled or actual. Afterwards contestants have sat
    /// papers and judges marked against the definition, so changing it would rewrite results already shown.
    /// </summary>
    public string? EditProblem(DateTime nowUtc) =>
        Phase != ContestPhase.Scheduled || nowUtc >= StartsAt
            ? $"竞赛「{Title}」已于 {StartsAt:yyyy-MM-dd HH:mm} (UTC) 开始，不能再修改设置；如需不同的设置，请用「复制为新竞赛」另建一场。"
            : null;

    /// <summary>Changes the setup before the start; refused afterwards with the rule (see <see cref="EditProblem"/>).</summary>
    public void Redefine(string title, string tradeCode, ContestLevel level, IReadOnlyList<string> groups, DateTime startsAt, DateTime? freezeAt,
        DateTime endsAt, string tieBreaks, DateTime nowUtc)
    {
        if (EditProblem(nowUtc) is { } refused) throw new RuleViolationException(refused);
        Define(title, tradeCode, level, groups, startsAt, freezeAt, endsAt, tieBreaks);
        RowVersion++;
    }

    /// <summary>What a new contest and an edit before the start both set, with the same checks.</summary>
    private void Define(string title, string tradeCode, ContestLevel level, IReadOnlyList<string> groups, DateTime startsAt, DateTime? freezeAt,
        DateTime endsAt, string tieBreaks)
    {
        if (string.IsNullOrWhiteSpace(title)) throw new ValidationException([new("Title", "请填写竞赛名称")]);
        if (PhaseRules.Validate(startsAt, freezeAt, endsAt) is { Count: > 0 } problems) throw new ValidationException(problems);
        Title = title.Trim();
        TradeCode = tradeCode;
        Level = level;
        Groups = string.Join("|", groups.Select(g => g.Trim()).Where(g => g.Length > 0).DefaultIfEmpty("职工组"));
        StartsAt = startsAt;
        FreezeAt = freezeAt;
        EndsAt = endsAt;
        TieBreaks = tieBreaks;
        NextDueAt = PhaseRules.NextBoundary(Times, Phase);
    }

    /// <summary>
    /// Moves to a later phase at <paramref name="at"/>, recording the moment; going back, skipping, or finalizing with
    /// marks outstanding is refused with the rule.
    /// </summary>
    public bool MoveTo(ContestPhase next, DateTime at, int unmarked = 0, int unsigned = 0)
    {
        if (next == Phase) return false;
        PhaseRules.EnsureCanMove(Phase, next, FreezeAt is not null, unmarked, unsigned);
        Phase = next;
        RowVersion++;
        switch (next)
        {
            case ContestPhase.Running: StartedAt ??= at; break;
            case ContestPhase.Frozen: FrozenAt ??= at; break;
            case ContestPhase.Ended:
                EndedAt ??= at;
                // Ended before the freeze came: the public board still freezes (the reveal needs it), at the end.
                if (FreezeAt is not null) FrozenAt ??= at;
                break;
        }
        NextDueAt = PhaseRules.NextBoundary(Times, Phase);
        return true;
    }

    /// <summary>
    /// Moves forward to the phase the clock implies, one allowed step at a time so a late start still passes through
    /// the freeze. Each step is recorded at its scheduled time, since that is when it was due. Returns whether anything
    /// changed; running it again changes nothing.
    /// </summary>
    public bool CatchUp(DateTime nowUtc)
    {
        var due = PhaseAt(nowUtc);
        var changed = false;
        if (due >= ContestPhase.Running && Phase < ContestPhase.Running) changed |= MoveTo(ContestPhase.Running, StartsAt);
        if (due >= ContestPhase.Frozen && Phase < ContestPhase.Frozen && FreezeAt is { } freeze) changed |= MoveTo(ContestPhase.Frozen, freeze);
        if (due >= ContestPhase.Ended && Phase < ContestPhase.Ended) changed |= MoveTo(ContestPhase.Ended, EndsAt);
        NextDueAt = PhaseRules.NextBoundary(Times, Phase);
        return changed;
    }

    /// <summary>The phase the clock implies (finalizing is always a person's decision).</summary>
    public ContestPhase PhaseAt(DateTime nowUtc) => PhaseRules.PhaseAt(Times, nowUtc);

    /// <summary>How many rows of <paramref name="group"/> have been revealed.</summary>
    public int RevealedSteps(string group)
    {
        var progress = ReadProgress();
        // "*" is what the upgrade wrote for contests revealed before progress was kept per group.
        return progress.TryGetValue(group, out var steps) ? steps : progress.GetValueOrDefault("*");
    }

    /// <param name="totalSteps">The ceremony's length for the group: one step per contestant.</param>
    public void RevealNext(string group, int totalSteps)
    {
        if (!GroupList.Contains(group)) throw new NotFoundException("组别", group);
        if (Phase is not (ContestPhase.Ended or ContestPhase.Finalized)) throw new RuleViolationException("竞赛结束后才能揭晓封榜后的成绩。");
        if (!PublicBoardFrozenFor(group, totalSteps)) throw new RuleViolationException($"{group}的榜单没有封榜或已全部揭晓，无需再揭晓。");
        var progress = ReadProgress();
        progress[group] = Math.Min(RevealedSteps(group) + 1, totalSteps);
        RevealProgress = JsonSerializer.Serialize(progress);
        RowVersion++;
    }

    /// <summary>The public board of a group stops at the freeze and stays frozen until its reveal is complete.</summary>
    public bool PublicBoardFrozenFor(string group, int totalSteps) =>
        PhaseRules.PublicBoardFrozen(Phase, FreezeAt is not null || FrozenAt is not null, RevealedSteps(group) >= totalSteps);

    private Dictionary<string, int> ReadProgress()
    {
        if (string.IsNullOrWhiteSpace(RevealProgress)) return [];
        try { return JsonSerializer.Deserialize<Dictionary<string, int>>(RevealProgress) ?? []; }
        catch (JsonException) { return []; }
    }
}

public sealed class ContestConfiguration : IEntityTypeConfiguration<Contest>
{
    public void Configure(EntityTypeBuilder<Contest> b)
    {
        b.ToTable("Contests");
        b.HasKey(c => c.Id);
        b.Property(c => c.Title).HasMaxLength(200).IsRequired();
        b.Property(c => c.TradeCode).HasMaxLength(64).IsRequired();
        b.Property(c => c.CityCode).HasMaxLength(32).IsRequired();
        b.Property(c => c.Groups).HasMaxLength(200).IsRequired();
        b.Property(c => c.TieBreaks).HasMaxLength(200).IsRequired();
        b.Property(c => c.RevealProgress).HasMaxLength(2000).IsRequired();
        b.Ignore(c => c.GroupList);
        b.Ignore(c => c.TieBreakList);
        b.HasIndex(c => c.NextDueAt);
        b.Property(c => c.RowVersion).IsConcurrencyToken();
    }
}
