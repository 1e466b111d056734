using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Competition.Engine.Exams;

/// <summary>
/// The latest answer to one item of an attempt. <see cref="Version"/> is issued by the server (1 for the first
/// answer, +1 for each answer stored over it), so no client clock or client number decides what is newest.
/// <see cref="Writer"/> and <see cref="WriterSeq"/> say which browser stored it with which of its own counts: a
/// browser may replace its own earlier answer even before that one was acknowledged (see <see cref="AnswerSaves"/>).
/// </summary>
public sealed class AttemptAnswer
{
    private AttemptAnswer() { }

    public AttemptAnswer(Guid attemptId, int item, string response, bool flagged, long version, string writer, long writerSeq, DateTime savedAt)
    {
        AttemptId = attemptId;
        Item = item;
        Response = response;
        Flagged = flagged;
        Version = version;
        Writer = writer;
        WriterSeq = writerSeq;
        SavedAt = savedAt;
    }

    public const int WriterMaxLength = 64;

    public Guid AttemptId { get; private set; }
    public int Item { get; private set; }
    public string Response { get; private set; } = "";
    public bool Flagged { get; private set; }
    public long Version { get; private set; }
    /// <summary>The browser (a random id it keeps) that stored this answer; null for answers stored before versions were issued.</summary>
    public string? Writer { get; private set; }
    /// <summary>That browser's own count for this answer.</summary>
    public long WriterSeq { get; private set; }
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
        b.Property(a => a.Writer).HasMaxLength(AttemptAnswer.WriterMaxLength);
        b.Property(a => a.MarkedBy).HasMaxLength(256);
        b.HasOne<Attempt>().WithMany().HasForeignKey(a => a.AttemptId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => a.NeedsMarking);
    }
}
