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
        if (string.IsNullOrWhiteSpace(title)) throw new ValidationException([new("Title", "请填写竞赛名称")]);
        if (PhaseRules.Validate(startsAt, freezeAt, endsAt) is { Count: > 0 } problems) throw new ValidationException(problems);
        Id = id;
        Title = title.Trim();
        TradeCode = tradeCode;
        Level = level;
        CityCode = cityCode;
        Groups = string.Join("|", groups.Select(g => g.Trim()).Where(g => g.Length > 0).DefaultIfEmpty("职工组"));
        StartsAt = startsAt;
        FreezeAt = freezeAt;
        EndsAt = endsAt;
        TieBreaks = tieBreaks;
        CreatedAt = nowUtc;
        Phase = ContestPhase.Scheduled;
    }

    public Guid Id { get; private set; }
    public string Title { get; private set; } = "";
    public string TradeCode { get; private set; } = "";
    public ContestLevel Level { get; private set; }
    public string CityCode { get; private set; } = "";
    /// <summary>Groups such as 职工组|学生组; each has its own board.</summary>
    public string Groups { get; private set; } = "";
    public DateTime StartsAt { get; private set; }
    public DateTime? FreezeAt { get; private set; }
    public DateTime EndsAt { get; private set; }
    public ContestPhase Phase { get; private set; }
    /// <summary>How many frozen rows the organizer has revealed, from the bottom up, after the end.</summary>
    public int RevealedSteps { get; private set; }
    public bool RevealComplete { get; private set; }
    /// <summary>Tie-break order, e.g. "HigherPractical,LessTimeUsed,HigherTheory"; empty means shared ranks.</summary>
    public string TieBreaks { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }

    public IReadOnlyList<string> GroupList => Groups.Split('|', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Moves to a later phase; going back, skipping, or finalizing with marks outstanding is refused with the rule.</summary>
    public bool MoveTo(ContestPhase next, int unmarked = 0, int unsigned = 0)
    {
        if (next == Phase) return false;
        PhaseRules.EnsureCanMove(Phase, next, FreezeAt is not null, unmarked, unsigned);
        Phase = next;
        return true;
    }

    /// <summary>
    /// Moves forward to the phase the clock implies, one allowed step at a time so a late start still passes through
    /// the freeze. Returns whether anything changed; running it again changes nothing.
    /// </summary>
    public bool CatchUp(DateTime nowUtc)
    {
        var due = PhaseAt(nowUtc);
        var changed = false;
        foreach (var step in new[] { ContestPhase.Running, ContestPhase.Frozen, ContestPhase.Ended })
            if (step <= due && Phase < step && (step != ContestPhase.Frozen || FreezeAt is not null))
                changed |= MoveTo(step);
        return changed;
    }

    /// <summary>The phase the clock implies (finalizing is always a person's decision).</summary>
    public ContestPhase PhaseAt(DateTime nowUtc) => PhaseRules.PhaseAt(new ContestTimes(StartsAt, FreezeAt, EndsAt), nowUtc);

    public void RevealNext(int totalSteps)
    {
        if (Phase is not (ContestPhase.Ended or ContestPhase.Finalized)) throw new RuleViolationException("竞赛结束后才能揭晓封榜后的成绩。");
        if (RevealedSteps < totalSteps) RevealedSteps++;
        RevealComplete = RevealedSteps >= totalSteps;
    }

    /// <summary>The public board stops at the freeze and stays frozen until the reveal is complete.</summary>
    public bool PublicBoardFrozen => PhaseRules.PublicBoardFrozen(Phase, FreezeAt is not null, RevealComplete);

    public static string Name(ContestPhase p) => p switch
    {
        ContestPhase.Scheduled => "未开始", ContestPhase.Running => "进行中", ContestPhase.Frozen => "封榜",
        ContestPhase.Ended => "已结束", _ => "已定榜",
    };
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
        b.Ignore(c => c.GroupList);
        b.Ignore(c => c.PublicBoardFrozen);
    }
}
