using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Competition.Engine.Exams;

/// <summary>
/// The latest answer to one item of an attempt. Sequence numbers come from the client and only ever grow:
/// a stale tab or a retried request with a lower number never overwrites a newer answer.
/// </summary>
public sealed class AttemptAnswer
{
    private AttemptAnswer() { }

    public AttemptAnswer(Guid attemptId, int item, string response, bool flagged, long sequence, DateTime savedAt)
    {
        AttemptId = attemptId;
        Item = item;
        Response = response;
        Flagged = flagged;
        Sequence = sequence;
        SavedAt = savedAt;
    }

    public Guid AttemptId { get; private set; }
    public int Item { get; private set; }
    public string Response { get; private set; } = "";
    public bool Flagged { get; private set; }
    public long Sequence { get; private set; }
    public DateTime SavedAt { get; private set; }
    public double? Awarded { get; private set; }
    /// <summary>Set for short answers until a person marks them.</summary>
    public bool NeedsMarking { get; private set; }
    public string? MarkedBy { get; private set; }

    public void SetMark(double? awarded, bool needsMarking)
    {
        Awarded = awarded;
        NeedsMarking = needsMarking;
    }

    public void MarkByPerson(double awarded, string marker)
    {
        Awarded = awarded;
        NeedsMarking = false;
        MarkedBy = marker;
    }
}

public sealed class AttemptAnswerConfiguration : IEntityTypeConfiguration<AttemptAnswer>
{
    public void Configure(EntityTypeBuilder<AttemptAnswer> b)
    {
        b.ToTable("AttemptAnswers");
        b.HasKey(a => new { a.AttemptId, a.Item });
        b.Property(a => a.Response).IsRequired();
        b.Property(a => a.MarkedBy).HasMaxLength(256);
        b.HasOne<Attempt>().WithMany().HasForeignKey(a => a.AttemptId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => a.NeedsMarking);
    }
}
