using System.Text.Json;
using Competition.Engine.Judging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Competition.Engine.Contests;

/// <summary>A practical task at a station, with its marking scheme: items that sum to the task's maximum.</summary>
public sealed class PracticalTask
{
    private PracticalTask() { }

    public PracticalTask(Guid id, Guid roundId, string title, string station, IReadOnlyList<SchemeItem> scheme)
    {
        Id = id;
        RoundId = roundId;
        Title = title.Trim();
        Station = station.Trim();
        SchemeJson = JsonSerializer.Serialize(scheme);
        MaxScore = Math.Round(scheme.Sum(i => i.MaxPoints), 2);
    }

    /// <summary>Changes the task before its contest starts, keeping its id (judges' stations and links stay valid).</summary>
    public void Redefine(string title, string station, IReadOnlyList<SchemeItem> scheme)
    {
        Title = title.Trim();
        Station = station.Trim();
        SchemeJson = JsonSerializer.Serialize(scheme);
        MaxScore = Math.Round(scheme.Sum(i => i.MaxPoints), 2);
    }

    public Guid Id { get; private set; }
    public Guid RoundId { get; private set; }
    public string Title { get; private set; } = "";
    public string Station { get; private set; } = "";
    public string SchemeJson { get; private set; } = "";
    public double MaxScore { get; private set; }

    public IReadOnlyList<SchemeItem> Scheme => JsonSerializer.Deserialize<List<SchemeItem>>(SchemeJson)!;
}

/// <summary>
/// One line of a marking scheme as stored and as organizers write it; <see cref="ToRule"/> gives the checked
/// <see cref="MarkingItem"/> the scoring rules use.
/// </summary>
/// <param name="Decimals">Measured items only: how many decimals a reading may have; null means one more than the drawing
/// (see <see cref="MarkValueRules.Decimals"/>).</param>
public sealed record SchemeItem(string Code, string Title, ItemKind Kind, double MaxPoints, decimal? Nominal = null,
    decimal? Lower = null, decimal? Upper = null, int? JudgeCount = null, int? Decimals = null)
{
    public MarkingItem ToRule() => Kind switch
    {
        ItemKind.MeetsOrNot => MarkingItem.MeetsOrNot(Code, Title, MaxPoints),
        ItemKind.MeasuredValue => MarkingItem.Measured(Code, Title, MaxPoints, Nominal ?? throw new ArgumentException($"评分项 {Code} 缺少基本尺寸"),
            new Tolerance(Lower ?? 0, Upper ?? 0)),
        _ => MarkingItem.Judged(Code, Title, MaxPoints, JudgeCount ?? 3),
    };
}

public sealed class PracticalTaskConfiguration : IEntityTypeConfiguration<PracticalTask>
{
    public void Configure(EntityTypeBuilder<PracticalTask> b)
    {
        b.ToTable("PracticalTasks");
        b.HasKey(t => t.Id);
        b.Property(t => t.Title).HasMaxLength(200).IsRequired();
        b.Property(t => t.Station).HasMaxLength(32).IsRequired();
        b.Property(t => t.SchemeJson).IsRequired();
        b.HasOne<Round>().WithMany().HasForeignKey(t => t.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(t => t.Scheme);
    }
}
