using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Competition.Engine.Contests;

/// <summary>A judge is assigned to a round's station; they see and mark only what they are assigned to.</summary>
public sealed class JudgeAssignment
{
    private JudgeAssignment() { }

    public JudgeAssignment(Guid id, Guid contestId, Guid roundId, string station, string judgeUserId)
    {
        Id = id;
        ContestId = contestId;
        RoundId = roundId;
        Station = station;
        JudgeUserId = judgeUserId;
    }

    public Guid Id { get; private set; }
    public Guid ContestId { get; private set; }
    public Guid RoundId { get; private set; }
    public string Station { get; private set; } = "";
    public string JudgeUserId { get; private set; } = "";
}

public sealed class JudgeAssignmentConfiguration : IEntityTypeConfiguration<JudgeAssignment>
{
    public void Configure(EntityTypeBuilder<JudgeAssignment> b)
    {
        b.ToTable("JudgeAssignments");
        b.HasKey(a => a.Id);
        b.Property(a => a.Station).HasMaxLength(32).IsRequired();
        b.Property(a => a.JudgeUserId).HasMaxLength(450).IsRequired();
        b.HasIndex(a => new { a.RoundId, a.Station, a.JudgeUserId }).IsUnique();
        b.HasIndex(a => a.JudgeUserId);
    }
}
