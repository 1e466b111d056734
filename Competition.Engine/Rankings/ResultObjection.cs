using Competition.Engine.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Competition.Engine.Rankings;

/// <summary>
/// An objection (异议) filed during a version's 公示 by anyone, with a name and a reason; the organizer answers each one.
/// An answer is final: it is part of the record the public page shows.
/// </summary>
public sealed class ResultObjection
{
    public const int MaxName = 64, MaxContact = 64, MaxReason = 1000, MaxAnswer = 1000;

    private ResultObjection() { }

    public ResultObjection(Guid id, Guid versionId, string name, string? contact, string reason, DateTime nowUtc)
    {
        Id = id;
        VersionId = versionId;
        Name = name.Trim();
        Contact = string.IsNullOrWhiteSpace(contact) ? null : contact.Trim();
        Reason = reason.Trim();
        FiledAt = nowUtc;
    }

    public Guid Id { get; private set; }
    public Guid VersionId { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>How the organizer reaches the objector (phone or e-mail); never shown publicly.</summary>
    public string? Contact { get; private set; }
    public string Reason { get; private set; } = "";
    public DateTime FiledAt { get; private set; }
    public string? Answer { get; private set; }
    public string? AnsweredBy { get; private set; }
    public DateTime? AnsweredAt { get; private set; }

    public void Reply(string answer, string by, DateTime nowUtc)
    {
        if (Answer is not null) throw new RuleViolationException("这条异议已答复，答复不能修改；如有补充请在更正版本的原因中说明。");
        (Answer, AnsweredBy, AnsweredAt) = (answer.Trim(), by, nowUtc);
    }
}

public sealed class ResultObjectionConfiguration : IEntityTypeConfiguration<ResultObjection>
{
    public void Configure(EntityTypeBuilder<ResultObjection> b)
    {
        b.ToTable("ResultObjections");
        b.HasKey(o => o.Id);
        b.HasIndex(o => o.VersionId);
        b.Property(o => o.Name).HasMaxLength(ResultObjection.MaxName).IsRequired();
        b.Property(o => o.Contact).HasMaxLength(ResultObjection.MaxContact);
        b.Property(o => o.Reason).HasMaxLength(ResultObjection.MaxReason).IsRequired();
        b.Property(o => o.Answer).HasMaxLength(ResultObjection.MaxAnswer);
        b.Property(o => o.AnsweredBy).HasMaxLength(64);
        b.HasOne<ResultVersion>().WithMany().HasForeignKey(o => o.VersionId).OnDelete(DeleteBehavior.Cascade);
    }
}
