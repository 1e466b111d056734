using Competition.Engine.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Competition.Engine.Exams;

/// <summary>A theory exam (or a mock exam for drills) defined by a blueprint, with its times and rules.</summary>
public sealed class Exam
{
    private Exam() { }

    public Exam(Guid id, string title, string cityCode, Blueprint blueprint, ExamSettings s, string createdBy, DateTime nowUtc)
    {
        Id = id;
        Title = title.Trim();
        CityCode = cityCode;
        CreatedBy = createdBy;
        CreatedAt = nowUtc;
        Status = ExamStatus.Draft;
        Apply(blueprint, s);
    }

    public Guid Id { get; private set; }
    public string Title { get; private set; } = "";
    public string CityCode { get; private set; } = "";
    public string BlueprintJson { get; private set; } = "";
    public int DurationMinutes { get; private set; }
    public DateTime OpensAt { get; private set; }
    public DateTime ClosesAt { get; private set; }
    public int AttemptsAllowed { get; private set; }
    public double PassMark { get; private set; }
    public double MaxScore { get; private set; }
    public OverdueHandling Overdue { get; private set; }
    public int GraceMinutes { get; private set; }
    public bool ShuffleQuestions { get; private set; }
    public bool ShuffleOptions { get; private set; }
    public ReviewOptions Review { get; private set; }
    public MultipleChoiceScoring MultipleScoring { get; private set; }
    public bool IsPractice { get; private set; }
    public ExamStatus Status { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }

    /// <summary>
    /// Who may sit it, beyond the city rule of <see cref="ExamAccess"/>: each list, when not empty, narrows the audience to the
    /// workers of those cities, units or trades. Stored as "|a|b|" so one LIKE finds a whole entry on every provider.
    /// </summary>
    public string AudienceCities { get; private set; } = "";
    public string AudienceUnits { get; private set; } = "";
    public string AudienceTrades { get; private set; } = "";

    public Blueprint Blueprint => Blueprint.FromJson(BlueprintJson);

    public ExamAudience Audience => new(Decode(AudienceCities), Decode(AudienceUnits).Select(Guid.Parse).ToList(), Decode(AudienceTrades));

    public void Publish()
    {
        if (Status == ExamStatus.Closed) throw new RuleViolationException("考试已结束，不能再发布。");
        Status = ExamStatus.Published;
    }

    /// <summary>Takes a published exam back to draft, only while no worker could have started it (before it opens).</summary>
    public void Unpublish(DateTime nowUtc)
    {
        if (UnpublishRefusal(nowUtc) is { } why) throw new RuleViolationException(why);
        Status = ExamStatus.Draft;
    }

    /// <summary>Why the exam cannot be taken back to draft now; null while it is published and not yet open.</summary>
    public string? UnpublishRefusal(DateTime nowUtc)
    {
        if (Status != ExamStatus.Published) return "只有已发布的考试可以撤回发布。";
        if (nowUtc >= OpensAt) return $"考试已于 {TimeZones.Shanghai(OpensAt):yyyy-MM-dd HH:mm} 开考，不能再撤回发布；可以复制一份新草稿另行安排。";
        return null;
    }

    /// <summary>Why this exam cannot be edited now; null while it is a draft (never published, or taken back before it opened).</summary>
    public string? EditRefusal() => Status switch
    {
        ExamStatus.Draft => null,
        ExamStatus.Published => "考试已发布，不能修改；开考前可先“撤回发布”再修改，或复制一份新草稿。",
        _ => "考试已结束，不能修改；可以复制一份新草稿。",
    };

    /// <summary>Rewrites a draft's title, blueprint, settings and audience.</summary>
    public void EditDraft(string title, Blueprint blueprint, ExamSettings s, ExamAudience audience)
    {
        if (EditRefusal() is { } why) throw new RuleViolationException(why);
        Title = title.Trim();
        Apply(blueprint, s);
        SetAudience(audience);
    }

    public void SetAudience(ExamAudience audience)
    {
        AudienceCities = Encode(audience.Cities);
        AudienceUnits = Encode(audience.Units.Select(u => u.ToString()));
        AudienceTrades = Encode(audience.Trades);
    }

    /// <summary>A new draft with this exam's make-up and audience, for a next sitting.</summary>
    public Exam CopyAsDraft(Guid id, string cityCode, string createdBy, DateTime nowUtc)
    {
        var copy = new Exam(id, ExamTitleOfCopy(Title), cityCode, Blueprint, Settings, createdBy, nowUtc);
        copy.SetAudience(Audience);
        return copy;
    }

    public ExamSettings Settings => new(DurationMinutes, OpensAt, ClosesAt, AttemptsAllowed, PassMark, Overdue, GraceMinutes, ShuffleQuestions,
        ShuffleOptions, Review, MultipleScoring, IsPractice);

    private static string ExamTitleOfCopy(string title)
    {
        var copy = title + "（副本）";
        return copy.Length <= 200 ? copy : title;
    }

    private static string Encode(IEnumerable<string> values)
    {
        var list = values.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? "" : "|" + string.Join("|", list) + "|";
    }

    private static List<string> Decode(string encoded) => encoded.Split('|', StringSplitOptions.RemoveEmptyEntries).ToList();

    public void Close() => Status = ExamStatus.Closed;

    /// <summary>The server's deadline for an attempt started now: the earlier of start + duration and the exam's close.</summary>
    public DateTime DeadlineFor(DateTime startedUtc)
    {
        var byDuration = startedUtc.AddMinutes(DurationMinutes);
        return byDuration < ClosesAt ? byDuration : ClosesAt;
    }

    public TimeSpan Grace => Overdue == OverdueHandling.GracePeriod ? TimeSpan.FromMinutes(GraceMinutes) : TimeSpan.Zero;

    /// <summary>
    /// Why a worker who has used <paramref name="attemptsUsed"/> attempts may not start a new one now; null when they
    /// may. The one home of "may start", for the lobby's button and for starting alike.
    /// </summary>
    public string? StartRefusal(DateTime nowUtc, int attemptsUsed)
    {
        if (Status == ExamStatus.Closed) return "考试已结束，不能再开始作答。";
        if (Status != ExamStatus.Published) return "考试尚未发布。";
        if (nowUtc < OpensAt) return $"考试尚未开始，开考时间 {TimeZones.Shanghai(OpensAt):yyyy-MM-dd HH:mm}。";
        if (nowUtc >= ClosesAt) return "考试已结束，不能再开始作答。";
        if (attemptsUsed >= AttemptsAllowed) return $"本考试允许作答 {AttemptsAllowed} 次，您已用完。";
        return null;
    }

    public void EnsureMayStart(DateTime nowUtc, int attemptsUsed)
    {
        if (StartRefusal(nowUtc, attemptsUsed) is { } why) throw new RuleViolationException(why);
    }

    private void Apply(Blueprint blueprint, ExamSettings s)
    {
        BlueprintJson = blueprint.ToJson();
        MaxScore = blueprint.MaxScore;
        DurationMinutes = s.DurationMinutes;
        OpensAt = s.OpensAt;
        ClosesAt = s.ClosesAt;
        AttemptsAllowed = s.AttemptsAllowed;
        PassMark = s.PassMark;
        Overdue = s.Overdue;
        GraceMinutes = s.GraceMinutes;
        ShuffleQuestions = s.ShuffleQuestions;
        ShuffleOptions = s.ShuffleOptions;
        Review = s.Review;
        MultipleScoring = s.MultipleScoring;
        IsPractice = s.IsPractice;
    }
}

/// <summary>Who an exam is for, beyond its city: empty lists do not narrow.</summary>
public sealed record ExamAudience(IReadOnlyList<string> Cities, IReadOnlyList<Guid> Units, IReadOnlyList<string> Trades)
{
    public static readonly ExamAudience Everyone = new([], [], []);

    public bool IsEveryone => Cities.Count == 0 && Units.Count == 0 && Trades.Count == 0;

    /// <summary>Why a worker of this city, unit and trade is not in the audience; null when they are.</summary>
    public string? Refusal(string cityCode, Guid unitId, string? tradeCode)
    {
        if (Cities.Count > 0 && !Cities.Contains(cityCode)) return $"这场考试只对 {string.Join("、", Cities)} 的职工开放，您所在的城市是 {cityCode}。";
        if (Units.Count > 0 && !Units.Contains(unitId)) return "这场考试只对指定单位的职工开放，您的单位不在其中；如有疑问请联系考试组织者。";
        if (Trades.Count > 0 && (tradeCode is null || !Trades.Contains(tradeCode)))
            return tradeCode is null
                ? $"这场考试只对 {string.Join("、", Trades)} 工种的职工开放，您的档案中没有工种，请联系单位管理员补充。"
                : $"这场考试只对 {string.Join("、", Trades)} 工种的职工开放，您的工种是 {tradeCode}。";
        return null;
    }
}

public sealed record ExamSettings(int DurationMinutes, DateTime OpensAt, DateTime ClosesAt, int AttemptsAllowed, double PassMark,
    OverdueHandling Overdue, int GraceMinutes, bool ShuffleQuestions, bool ShuffleOptions, ReviewOptions Review,
    MultipleChoiceScoring MultipleScoring, bool IsPractice = false)
{
    public IEnumerable<ValidationError> Problems(double maxScore)
    {
        if (DurationMinutes is < 1 or > 24 * 60) yield return new(nameof(DurationMinutes), "考试时长应在 1 分钟到 24 小时之间");
        if (NumberInput.Time(OpensAt, nameof(OpensAt), "开始时间") is { } opens) yield return opens;
        if (NumberInput.Time(ClosesAt, nameof(ClosesAt), "结束时间") is { } closes) yield return closes;
        if (ClosesAt <= OpensAt) yield return new(nameof(ClosesAt), "结束时间必须晚于开始时间");
        if (AttemptsAllowed is < 1 or > 100) yield return new(nameof(AttemptsAllowed), "允许作答次数应在 1–100 之间");
        // NaN passes "x < 0 || x > max"; the check must say finite first.
        if (!double.IsFinite(PassMark) || PassMark < 0 || PassMark > maxScore) yield return new(nameof(PassMark), $"及格分应在 0–{maxScore:0.##} 之间");
        if (!Enum.IsDefined(Overdue)) yield return new(nameof(Overdue), "请选择超时处理方式");
        if (!Enum.IsDefined(MultipleScoring)) yield return new(nameof(MultipleScoring), "请选择多选题计分方式");
        if ((Review & ~(ReviewOptions.Score | ReviewOptions.Key | ReviewOptions.Explanations)) != 0) yield return new(nameof(Review), "交卷后显示的内容无效");
        if (Overdue == OverdueHandling.GracePeriod && GraceMinutes is < 1 or > 60) yield return new(nameof(GraceMinutes), "宽限时间应在 1–60 分钟之间");
    }
}

public sealed class ExamConfiguration : IEntityTypeConfiguration<Exam>
{
    public void Configure(EntityTypeBuilder<Exam> b)
    {
        b.ToTable("Exams");
        b.HasKey(e => e.Id);
        b.Property(e => e.Title).HasMaxLength(200).IsRequired();
        b.Property(e => e.CityCode).HasMaxLength(32).IsRequired();
        b.Property(e => e.BlueprintJson).IsRequired();
        b.Property(e => e.CreatedBy).HasMaxLength(256).IsRequired();
        b.HasIndex(e => new { e.Status, e.OpensAt });
        b.Property(e => e.AudienceCities).IsRequired();
        b.Property(e => e.AudienceUnits).IsRequired();
        b.Property(e => e.AudienceTrades).IsRequired();
        b.Ignore(e => e.Blueprint);
        b.Ignore(e => e.Audience);
        b.Ignore(e => e.Settings);
        b.Ignore(e => e.Grace);
    }
}
