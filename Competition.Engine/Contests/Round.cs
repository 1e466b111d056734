using Competition.Engine.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Competition.Engine.Contests;

public enum RoundKind { Theory = 1, Practical = 2 }

/// <summary>A round of a contest: a theory exam or a practical round marked by judges, with its weight in the total.</summary>
public sealed class Round
{
    private Round() { }

    public Round(Guid id, Guid contestId, RoundKind kind, string title, double weightPercent, DateTime startsAt, DateTime endsAt, Guid? examId, double maxScore)
    {
        Id = id;
        ContestId = contestId;
        Redefine(kind, title, weightPercent, startsAt, endsAt, examId, maxScore);
    }

    public Guid Id { get; private set; }
    public Guid ContestId { get; private set; }
    public RoundKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    public double WeightPercent { get; private set; }
    public DateTime StartsAt { get; private set; }
    public DateTime EndsAt { get; private set; }
    /// <summary>The exam of a theory round.</summary>
    public Guid? ExamId { get; private set; }
    public double MaxScore { get; private set; }
    /// <summary>Set at the round's end: judges can no longer mark it (the chief judge may still override with a reason).</summary>
    public bool MarkingLocked { get; private set; }

    /// <summary>Changes the round before its contest starts (the contest checks that; see <see cref="Contest.Redefine"/>).</summary>
    public void Redefine(RoundKind kind, string title, double weightPercent, DateTime startsAt, DateTime endsAt, Guid? examId, double maxScore)
    {
        if (weightPercent is <= 0 or > 100) throw new ValidationException([new("Weight", $"「{title}」的权重应在 0–100% 之间")]);
        if (!(startsAt < endsAt)) throw new ValidationException([new("EndsAt", $"「{title}」的结束时间必须晚于开始时间")]);
        Kind = kind;
        Title = title.Trim();
        WeightPercent = weightPercent;
        StartsAt = startsAt;
        EndsAt = endsAt;
        ExamId = examId;
        MaxScore = maxScore;
    }

    /// <summary>Locks the round; returns false when it was already locked (ending twice changes nothing).</summary>
    public bool End()
    {
        if (MarkingLocked) return false;
        MarkingLocked = true;
        return true;
    }
}

public sealed class RoundConfiguration : IEntityTypeConfiguration<Round>
{
    public void Configure(EntityTypeBuilder<Round> b)
    {
        b.ToTable("Rounds");
        b.HasKey(r => r.Id);
        b.Property(r => r.Title).HasMaxLength(100).IsRequired();
        b.HasOne<Contest>().WithMany().HasForeignKey(r => r.ContestId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => r.ContestId);
        b.HasIndex(r => r.ExamId);
        b.HasIndex(r => new { r.MarkingLocked, r.EndsAt });   // the clock asks for unlocked rounds whose end has passed
    }
}
