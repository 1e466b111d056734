using Competition.Engine.Common;
using Competition.Engine.Judging;

namespace Competition.Engine.Contests;

/// <summary>
/// What a contest definition may hold before its rules are even looked at: the text rule and limits on every title,
/// group, station and item code; finite numbers in range (weights, maximum scores, points, tolerances); known enum
/// values; times a calendar can hold. Missing lists in a JSON body are named instead of failing with a 500.
/// </summary>
public static class ContestInput
{
    public static readonly TextField Title = new("Title", "竞赛名称", 200);
    public static readonly TextField Group = new("Groups", "组别", 32);
    public static readonly TextField RoundTitle = new("Rounds", "轮次名称", 100);
    public static readonly TextField TaskTitle = new("Rounds", "任务名称", 200);
    public static readonly TextField Station = new("Rounds", "工位", 32, TextShape.Code);
    public static readonly TextField ItemCode = new("Rounds", "评分项编号", 32, TextShape.Code);
    public static readonly TextField ItemTitle = new("Rounds", "评分项名称", 200);
    public const int MaxGroups = 10;
    public const double MaxRoundScore = 10_000;
    public const double MaxItemPoints = 1_000;
    /// <summary>Nominal sizes and deviations, in the item's unit.</summary>
    public const decimal MaxMeasure = 1_000_000m;

    public static IEnumerable<ValidationError> Problems(CreateContest.Command c)
    {
        if (Title.Error(c.Title) is { } title) yield return title;
        if (string.IsNullOrWhiteSpace(c.TradeCode) || c.TradeCode.Length > 64) yield return new("TradeCode", "请选择工种");
        if (!Enum.IsDefined(c.Level)) yield return new("Level", "竞赛级别不存在");
        var groups = c.Groups ?? [];
        if (groups.Count > MaxGroups) yield return new("Groups", $"组别最多 {MaxGroups} 个");
        foreach (var g in groups)
        {
            if (Group.Error(g) is { } e) { yield return e; break; }
            // Groups are stored as "职工组|学生组".
            if (g.Contains('|')) { yield return new("Groups", $"组别 '{TextRules.Quote(g)}' 不能包含竖线 |"); break; }
        }
        if (groups.GroupBy(TextRules.Key).Any(x => x.Count() > 1)) yield return new("Groups", "组别重复");
        foreach (var t in c.TieBreaks ?? [])
            if (!Enum.IsDefined(t)) { yield return new("TieBreaks", "并列名次的决胜规则不存在"); break; }
        foreach (var e in Times(c.StartsAt, c.FreezeAt, c.EndsAt, "竞赛")) yield return e;
        if (c.Rounds is null) { yield return new("Rounds", "至少需要一轮（理论或实操）"); yield break; }
        foreach (var r in c.Rounds)
        {
            if (r is null) { yield return new("Rounds", "轮次不能为空"); continue; }
            foreach (var e in Round(r)) yield return e;
        }
    }

    private static IEnumerable<ValidationError> Round(CreateContest.RoundSpec r)
    {
        if (RoundTitle.Error(r.Title) is { } title) { yield return title; yield break; }
        var at = $"轮次「{r.Title}」";
        if (!Enum.IsDefined(r.Kind)) yield return new("Rounds", $"{at}的类型不存在");
        if (NumberInput.Range(r.WeightPercent, 0, 100, "Rounds", $"{at}的权重(%)", minExclusive: true) is { } weight) yield return weight;
        if (NumberInput.Range(r.MaxScore, 0, MaxRoundScore, "Rounds", $"{at}的满分", minExclusive: true) is { } max) yield return max;
        foreach (var e in Times(r.StartsAt, null, r.EndsAt, at)) yield return e;
        if (r.Kind == RoundKind.Practical && r.Tasks is null) yield return new("Rounds", $"实操轮「{r.Title}」至少需要一个任务");
        foreach (var t in r.Tasks ?? [])
        {
            if (t is null) { yield return new("Rounds", $"{at}有空任务"); continue; }
            if ((TaskTitle.Error(t.Title) ?? Station.Error(t.Station)) is { } e) { yield return e with { Message = $"{at}：{e.Message}" }; continue; }
            if (t.Scheme is null) { yield return new("Rounds", $"任务「{t.Title}」需要评分细则"); continue; }
            foreach (var item in t.Scheme)
                if (Item(item) is { } problem) { yield return new("Rounds", $"任务「{t.Title}」：{problem}"); break; }
        }
    }

    private static string? Item(SchemeItem? i) => i is null ? "评分项不能为空" : InputProblem(i)?.Message;

    /// <summary>
    /// Every rule a scheme item must pass, in the order a contest's validation applies them (what an input may hold, then
    /// the marking rules), each with the field it is about (a <see cref="SchemeColumns"/> name). For sheets, which
    /// report by column; forms and APIs get the same rules through <see cref="Problems"/> and the contest validator.
    /// </summary>
    public static IEnumerable<(string Field, string Message)> ItemProblems(SchemeItem item)
    {
        if (InputProblem(item) is { } input) { yield return input; yield break; }
        foreach (var p in MarkValueRules.SchemeItemProblems(item)) yield return p;
    }

    private static (string Field, string Message)? InputProblem(SchemeItem i)
    {
        if (ItemCode.Clean(i.Code).Problem is { } code) return (SchemeColumns.Code, code);
        if (ItemTitle.Clean(i.Title).Problem is { } title) return (SchemeColumns.Title, title);
        if (!Enum.IsDefined(i.Kind)) return (SchemeColumns.Kind, $"评分项 {i.Code} 的类型不存在");
        if (NumberInput.Range(i.MaxPoints, 0, MaxItemPoints, "Rounds", $"评分项 {i.Code} 的配分", minExclusive: true) is { } points) return (SchemeColumns.Points, points.Message);
        foreach (var (value, label) in new[] { (i.Nominal, SchemeColumns.Nominal), (i.Lower, SchemeColumns.Lower), (i.Upper, SchemeColumns.Upper) })
            if (value is { } v && NumberInput.Range(v, -MaxMeasure, MaxMeasure, "Rounds", $"评分项 {i.Code} 的{label}") is { } e) return (label, e.Message);
        if (i.JudgeCount is { } n && n is < 1 or > 9) return (SchemeColumns.Judges, $"评分项 {i.Code} 的裁判人数应在 1–9 之间");
        return null;
    }

    private static IEnumerable<ValidationError> Times(DateTime starts, DateTime? freeze, DateTime ends, string what)
    {
        if (NumberInput.Time(starts, "StartsAt", $"{what}的开始时间") is { } s) yield return s;
        if (freeze is { } f && NumberInput.Time(f, "FreezeAt", $"{what}的封榜时间") is { } fz) yield return fz;
        if (NumberInput.Time(ends, "EndsAt", $"{what}的结束时间") is { } e) yield return e;
    }

    /// <summary>The command with every text cleaned by the one text rule; call after <see cref="Problems"/> found none.</summary>
    public static CreateContest.Command Clean(CreateContest.Command c) => c with
    {
        Title = Title.Value(c.Title),
        TradeCode = c.TradeCode.Trim(),
        Groups = (c.Groups ?? []).Select(Group.Value).ToList(),
        TieBreaks = c.TieBreaks ?? [],
        Rounds = c.Rounds.Select(r => r with
        {
            Title = RoundTitle.Value(r.Title),
            Tasks = (r.Tasks ?? []).Select(t => t with
            {
                Title = TaskTitle.Value(t.Title),
                Station = Station.Value(t.Station),
                Scheme = t.Scheme.Select(i => i with { Code = ItemCode.Value(i.Code), Title = ItemTitle.Value(i.Title) }).ToList(),
            }).ToList(),
        }).ToList(),
    };
}
