using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Competition.Engine.Exams;

/// <summary>
/// One question on a paper: which version of which question, worth how much, and in which order its options
/// are shown (OptionOrder[i] is the original key shown at position i).
/// </summary>
public sealed record PaperItem(string QuestionId, int Version, int Section, double Points, string OptionOrder, int Difficulty);

/// <summary>
/// A candidate's own paper. The items are stored as drawn; the seed is kept too, so the draw can be repeated
/// for an audit against the same bank.
/// </summary>
public sealed class Paper
{
    private Paper() { }

    public Paper(Guid id, Guid examId, Guid? workerId, int attemptNo, int seed, IReadOnlyList<PaperItem> items, DateTime nowUtc)
    {
        Id = id;
        ExamId = examId;
        WorkerId = workerId;
        AttemptNo = attemptNo;
        Seed = seed;
        ItemsJson = JsonSerializer.Serialize(items);
        MeanDifficulty = items.Count == 0 ? 0 : items.Average(i => i.Difficulty);
        CreatedAt = nowUtc;
    }

    public Guid Id { get; private set; }
    public Guid ExamId { get; private set; }
    /// <summary>Set when the paper was prepared ahead for a known candidate.</summary>
    public Guid? WorkerId { get; private set; }
    public int AttemptNo { get; private set; }
    public int Seed { get; private set; }
    public string ItemsJson { get; private set; } = "";
    public double MeanDifficulty { get; private set; }
    public DateTime CreatedAt { get; private set; }

    public IReadOnlyList<PaperItem> Items => JsonSerializer.Deserialize<List<PaperItem>>(ItemsJson)!;
}

public sealed class PaperConfiguration : IEntityTypeConfiguration<Paper>
{
    public void Configure(EntityTypeBuilder<Paper> b)
    {
        b.ToTable("Papers");
        b.HasKey(p => p.Id);
        b.Property(p => p.ItemsJson).IsRequired();
        b.HasOne<Exam>().WithMany().HasForeignKey(p => p.ExamId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => new { p.ExamId, p.WorkerId, p.AttemptNo });
        b.Ignore(p => p.Items);
    }
}
