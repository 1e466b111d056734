using System.Security.Cryptography;
using Competition.Engine.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Competition.Engine.Rankings;

/// <summary>
/// A certificate for one award line of a public result version, issued when that version's 公示 starts. It copies the
/// line's person and award so that verification never depends on re-reading (or re-interpreting) the version's JSON,
/// and it is never deleted: a superseded version's certificates stay verifiable and say which version replaced them.
/// </summary>
public sealed class Certificate
{
    private Certificate() { }

    public Certificate(string code, ResultVersion version, string group, ResultLine line, DateTime nowUtc)
    {
        Id = Guid.NewGuid();
        Code = code;
        VersionId = version.Id;
        ContestId = version.ContestId;
        Group = group;
        Number = line.Number;
        Name = line.Name;
        Unit = line.Unit;
        Award = line.Award;
        Rank = line.Rank;
        IssuedAt = nowUtc;
    }

    public Guid Id { get; private set; }
    public string Code { get; private set; } = "";
    public Guid VersionId { get; private set; }
    public Guid ContestId { get; private set; }
    public string Group { get; private set; } = "";
    public string Number { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Unit { get; private set; } = "";
    public Award Award { get; private set; }
    public int? Rank { get; private set; }
    public DateTime IssuedAt { get; private set; }
    public DateTime? RevokedAt { get; private set; }
    public string? RevokedBy { get; private set; }
    public string? RevokeReason { get; private set; }

    /// <summary>One certificate per awarded line of the version, each with a fresh code.</summary>
    public static IEnumerable<Certificate> ForVersion(ResultVersion version, DateTime nowUtc) =>
        from g in version.Content.Groups
        from line in g.Lines
        where line.Award != Award.None
        select new Certificate(CertificateCode.New(), version, g.Group, line, nowUtc);

    public void Revoke(string by, string reason, DateTime nowUtc)
    {
        if (RevokedAt is not null) throw new RuleViolationException($"证书 {Code} 已于 {TimeZones.Shanghai(RevokedAt.Value):yyyy-MM-dd HH:mm} 撤销，不能重复撤销。");
        (RevokedAt, RevokedBy, RevokeReason) = (nowUtc, by, reason);
    }
}

/// <summary>
/// Verification codes: 10 characters of Crockford base32 (50 random bits), short enough to type from paper and too
/// many to guess. Reading forgives what people mistype: lower case, hyphens and spaces, O for 0, I and L for 1.
/// </summary>
public static class CertificateCode
{
    public const int Length = 10;
    public const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New()
    {
        Span<byte> bytes = stackalloc byte[Length];
        RandomNumberGenerator.Fill(bytes);
        Span<char> chars = stackalloc char[Length];
        for (var i = 0; i < Length; i++) chars[i] = Alphabet[bytes[i] & 31];
        return new string(chars);
    }

    /// <summary>The canonical form of what someone typed, or null when it cannot be a code.</summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        var chars = new List<char>(Length);
        foreach (var raw in input.Trim().ToUpperInvariant())
        {
            if (raw is '-' or ' ') continue;
            var c = raw switch { 'O' => '0', 'I' or 'L' => '1', _ => raw };
            if (!Alphabet.Contains(c)) return null;
            chars.Add(c);
        }
        return chars.Count == Length ? new string([.. chars]) : null;
    }
}

public sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> b)
    {
        b.ToTable("Certificates");
        b.HasKey(c => c.Id);
        b.Property(c => c.Code).HasMaxLength(CertificateCode.Length).IsRequired();
        b.HasIndex(c => c.Code).IsUnique();
        b.HasIndex(c => c.VersionId);
        b.HasIndex(c => c.ContestId);
        b.Property(c => c.Group).HasMaxLength(64).IsRequired();
        b.Property(c => c.Number).HasMaxLength(32).IsRequired();
        b.Property(c => c.Name).HasMaxLength(64).IsRequired();
        b.Property(c => c.Unit).HasMaxLength(128).IsRequired();
        b.Property(c => c.RevokedBy).HasMaxLength(64);
        b.Property(c => c.RevokeReason).HasMaxLength(200);
        b.HasOne<ResultVersion>().WithMany().HasForeignKey(c => c.VersionId).OnDelete(DeleteBehavior.Cascade);
    }
}
