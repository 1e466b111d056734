using Competition.Engine.Common;

namespace Competition.Engine.Judging;

/// <summary>Where a live contest is; it only ever moves forward.</summary>
public enum ContestPhase
{
    Scheduled = 1,
    Running = 2,
    Frozen = 3,    // still running, but the public board stops showing new scores (封榜)
    Ended = 4,     // no more work accepted; marking and signing may still go on
    Finalized = 5, // every mark is in and signed: results may be published
}

/// <param name="Freeze">When the public board freezes; null for a contest that never freezes. Times are UTC.</param>
public sealed record ContestTimes(DateTime Start, DateTime? Freeze, DateTime End);

/// <summary>The phase rules of a live contest. Pure: callers pass the clock and the counts.</summary>
public static class PhaseRules
{
    /// <returns>null when the move is allowed, else what rule refuses it and what to do, in Chinese.</returns>
    /// <param name="unmarked">Items not yet marked (Flagged and Incomplete items count here).</param>
    /// <param name="unsigned">Scoresheets not yet signed by their judges.</param>
    public static string? Refusal(ContestPhase from, ContestPhase to, bool hasFreeze, int unmarked = 0, int unsigned = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(unmarked);
        ArgumentOutOfRangeException.ThrowIfNegative(unsigned);
        if (to == from) return $"比赛已处于“{Name(to)}”阶段。";
        if (to < from) return $"比赛已进入“{Name(from)}”阶段，不能退回“{Name(to)}”阶段：比赛阶段只能向前推进。";
        return (from, to) switch
        {
            (ContestPhase.Scheduled, ContestPhase.Running) => null,
            (ContestPhase.Running, ContestPhase.Frozen) => hasFreeze ? null : "本场比赛未设封榜时间，不能封榜；如需封榜，请先设置封榜时间。",
            (ContestPhase.Running or ContestPhase.Frozen, ContestPhase.Ended) => null,
            (ContestPhase.Ended, ContestPhase.Finalized) => FinalizeRefusal(unmarked, unsigned),
            _ => $"不能从“{Name(from)}”直接进入“{Name(to)}”阶段，{Next(from)}",
        };
    }

    public static bool CanMove(ContestPhase from, ContestPhase to, bool hasFreeze, int unmarked = 0, int unsigned = 0) =>
        Refusal(from, to, hasFreeze, unmarked, unsigned) is null;

    /// <exception cref="RuleViolationException">The move is not allowed; the message says why.</exception>
    public static void EnsureCanMove(ContestPhase from, ContestPhase to, bool hasFreeze, int unmarked = 0, int unsigned = 0)
    {
        if (Refusal(from, to, hasFreeze, unmarked, unsigned) is { } why) throw new RuleViolationException(why);
    }

    /// <returns>Empty when the times are consistent: start before end, and a freeze strictly between them.</returns>
    public static IReadOnlyList<ValidationError> Validate(DateTime start, DateTime? freeze, DateTime end)
    {
        var errors = new List<ValidationError>();
        if (start >= end) errors.Add(new(nameof(end), "结束时间必须晚于开始时间。"));
        // A freeze at the start would hide the whole contest; one at the end would hide nothing.
        if (freeze is { } f && (f <= start || f >= end))
            errors.Add(new(nameof(freeze), "封榜时间必须晚于开始时间、早于结束时间。"));
        return errors;
    }

    /// <summary>
    /// The phase the clock implies: each boundary belongs to the phase it starts. Finalized is never implied,
    /// because it needs the marks, not the time.
    /// </summary>
    public static ContestPhase PhaseAt(ContestTimes times, DateTime now)
    {
        if (Validate(times.Start, times.Freeze, times.End) is [var first, ..])
            throw new ArgumentException(first.Message, nameof(times));
        if (now < times.Start) return ContestPhase.Scheduled;
        if (now >= times.End) return ContestPhase.Ended;
        return times.Freeze is { } f && now >= f ? ContestPhase.Frozen : ContestPhase.Running;
    }

    /// <summary>
    /// Whether the public board must keep showing the standings as they were at the freeze. Jury boards never freeze.
    /// A finalized contest stays hidden until its reveal too, since the reveal is often held at the award ceremony.
    /// </summary>
    public static bool PublicBoardFrozen(ContestPhase phase, bool hasFreeze, bool revealComplete) =>
        hasFreeze && !revealComplete && phase is ContestPhase.Frozen or ContestPhase.Ended or ContestPhase.Finalized;

    private static string? FinalizeRefusal(int unmarked, int unsigned)
    {
        if (unmarked == 0 && unsigned == 0) return null;
        var left = new List<string>();
        if (unmarked > 0) left.Add($"{unmarked} 项未评分");
        if (unsigned > 0) left.Add($"{unsigned} 份评分表未签字");
        return $"尚有 {string.Join("、", left)}，全部评分并签字后才能确认成绩。";
    }

    private static string Next(ContestPhase from) => from switch
    {
        ContestPhase.Scheduled => "请先开始比赛。",
        ContestPhase.Running or ContestPhase.Frozen => "请先结束比赛。",
        _ => "比赛阶段已是最后一步。",
    };

    /// <summary>
    /// The one wording of each phase, used by the rules' messages, the pages and (through the board) the live boards.
    /// </summary>
    public static string Name(ContestPhase phase) => phase switch
    {
        ContestPhase.Scheduled => "未开始",
        ContestPhase.Running => "进行中",
        ContestPhase.Frozen => "封榜中",
        ContestPhase.Ended => "已结束",
        ContestPhase.Finalized => "已定榜",
        _ => phase.ToString(),
    };

    /// <summary>
    /// The next scheduled boundary the clock must act on in <paramref name="phase"/>: the start while scheduled, the
    /// freeze (or the end) while running, the end while frozen; null once ended, when the clock has nothing left to do.
    /// </summary>
    public static DateTime? NextBoundary(ContestTimes times, ContestPhase phase) => phase switch
    {
        ContestPhase.Scheduled => times.Start,
        ContestPhase.Running => times.Freeze ?? times.End,
        ContestPhase.Frozen => times.End,
        _ => null,
    };
}
