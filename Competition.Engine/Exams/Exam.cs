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

    public Blueprint Blueprint => Blueprint.FromJson(BlueprintJson);

    public void Publish()
    {
        if (Status == ExamStatus.Closed) throw new RuleViolationException("考试已结束，不能再发布。");
        Status = ExamStatus.Published;
    }

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
        b.Ignore(e => e.Blueprint);
        b.Ignore(e => e.Grace);
    }
}
