using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Competition.Engine.QuestionBank;

/// <summary>
/// A question with a stable id. Its content lives in immutable versions; the question row carries a copy
/// of the current version for filtering. Papers and attempts refer to a version, so they keep what they showed.
/// </summary>
public sealed class Question
{
    private readonly List<QuestionVersion> _versions = [];

    private Question() { }

    public Question(string id, string tradeCode, QuestionContent content, string source, bool isSynthetic, DateTime nowUtc, string? by = null)
    {
        Id = id;
        TradeCode = tradeCode;
        IsSynthetic = isSynthetic;
        HeldByOrganizer = source == QuestionSources.Import;
        Apply(content, content.ComputeHash(), 1, source, nowUtc, by);
    }

    public string Id { get; private set; } = "";
    public string TradeCode { get; private set; } = "";
    public SkillLevel Level { get; private set; }
    public QuestionType Type { get; private set; }
    public int Difficulty { get; private set; }
    public string Stem { get; private set; } = "";
    /// <summary>Knowledge points as "|a|b|" so one LIKE finds a whole point on every provider.</summary>
    public string KnowledgePoints { get; private set; } = "";
    public string ContentJson { get; private set; } = "";
    public string ContentHash { get; private set; } = "";
    public int CurrentVersion { get; private set; }
    public string Source { get; private set; } = "";
    public bool IsSynthetic { get; private set; }
    /// <summary>
    /// Exam-only (仅限考试): used by exams and contests, never served by drills, so its key is not handed out in 练兵.
    /// Not part of the content: sealing or unsealing makes no new version.
    /// </summary>
    public bool Sealed { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    /// <summary>
    /// 已停用: drills and new papers no longer draw it; papers already drawn keep their version, and the question stays
    /// visible (and can be restored). Not part of the content: retiring makes no new version.
    /// </summary>
    public bool Retired { get; private set; }
    public IReadOnlyList<QuestionVersion> Versions => _versions;

    /// <summary>
    /// An organizer's import wrote the current text (a correction of a shipped question, or a question of their own).
    /// Loading the shipped banks then leaves the text alone: the organizer's edit keeps precedence over the shipped file.
    /// </summary>
    public bool HeldByOrganizer { get; private set; }
    /// <summary>The shipped file's text while it differs from the organizer's (null otherwise), so it can be seen and adopted.</summary>
    public string? ShippedContentJson { get; private set; }
    public string? ShippedHash { get; private set; }

    public QuestionContent Content => QuestionContent.FromCanonicalJson(ContentJson);

    public static string EncodeKnowledgePoints(IEnumerable<string> points) => "|" + string.Join("|", points.Select(p => p.Trim())) + "|";

    /// <summary>
    /// Records a new version when the content differs; returns false when nothing changed. An organizer's import makes
    /// the question held; the shipped text it replaces is kept aside so the question page can show it.
    /// </summary>
    public bool Revise(QuestionContent content, string tradeCode, string source, DateTime nowUtc, string? by = null)
    {
        var hash = content.ComputeHash();
        if (hash == ContentHash && tradeCode == TradeCode) return false;
        var byOrganizer = QuestionSources.ByOrganizer(source);
        if (byOrganizer && !HeldByOrganizer && Source == QuestionSources.BankFile)
            (ShippedContentJson, ShippedHash) = (ContentJson, ContentHash);
        if (byOrganizer) HeldByOrganizer = true;
        else if (source == QuestionSources.BankFile) (HeldByOrganizer, ShippedContentJson, ShippedHash) = (false, null, null);
        TradeCode = tradeCode;
        Apply(content, hash, CurrentVersion + 1, source, nowUtc, by);
        return true;
    }

    /// <summary>
    /// The shipped file offers its text for this question. A question no organizer has edited follows the file (a new
    /// version when it differs); a held one keeps the organizer's text and only remembers the shipped one — unless the
    /// file now says the same as the organizer, which ends the hold so later file updates apply again.
    /// </summary>
    public ShippedOffer OfferShipped(QuestionContent shipped, string tradeCode, DateTime nowUtc)
    {
        if (!HeldByOrganizer) return Revise(shipped, tradeCode, QuestionSources.BankFile, nowUtc) ? ShippedOffer.Revised : ShippedOffer.Unchanged;
        var hash = shipped.ComputeHash();
        if (hash == ContentHash)
        {
            (HeldByOrganizer, ShippedContentJson, ShippedHash) = (false, null, null);
            return ShippedOffer.Unchanged;
        }
        if (hash != ShippedHash) (ShippedContentJson, ShippedHash) = (shipped.ToCanonicalJson(), hash);
        return ShippedOffer.Kept;
    }

    /// <summary>The organizer gives precedence back to the shipped file: its text becomes a new version.</summary>
    public bool AdoptShipped(DateTime nowUtc, string by)
    {
        if (ShippedContentJson is null) return false;
        return Revise(QuestionContent.FromCanonicalJson(ShippedContentJson), TradeCode, QuestionSources.BankFile, nowUtc, by);
    }

    /// <summary>Marks the question exam-only or not; returns whether that changed anything.</summary>
    public bool SealForExams(bool sealedForExams)
    {
        if (Sealed == sealedForExams) return false;
        Sealed = sealedForExams;
        return true;
    }

    /// <summary>Retires the question or brings it back; returns whether that changed anything.</summary>
    public bool SetRetired(bool retired, DateTime nowUtc)
    {
        if (Retired == retired) return false;
        Retired = retired;
        // The catalog rebuilds its index when the bank's latest change moves.
        UpdatedAt = nowUtc;
        return true;
    }

    private void Apply(QuestionContent content, string hash, int version, string source, DateTime nowUtc, string? by)
    {
        Level = content.Level;
        Type = content.Type;
        Difficulty = content.Difficulty;
        Stem = content.Stem;
        KnowledgePoints = EncodeKnowledgePoints(content.KnowledgePoints);
        ContentJson = content.ToCanonicalJson();
        ContentHash = hash;
        CurrentVersion = version;
        Source = source;
        UpdatedAt = nowUtc;
        _versions.Add(new QuestionVersion(Id, version, ContentJson, hash, source, nowUtc, by));
    }
}

public enum ShippedOffer { Unchanged, Revised, Kept }

/// <summary>Where a version came from.</summary>
public static class QuestionSources
{
    public const string BankFile = "bank-file";
    public const string Import = "import";
    public const string Synthetic = "synthetic";
    /// <summary>An organizer edited the question on its page.</summary>
    public const string Edit = "edit";

    /// <summary>An organizer wrote this text (by import or on the edit page): it keeps precedence over the shipped file.</summary>
    public static bool ByOrganizer(string source) => source is Import or Edit;

    public static string Title(string source) => source switch
    {
        BankFile => "随附题库",
        Import => "组织者导入",
        Synthetic => "合成题库",
        Edit => "组织者编辑",
        _ => source,
    };
}

public sealed class QuestionVersion
{
    private QuestionVersion() { }

    internal QuestionVersion(string questionId, int version, string contentJson, string hash, string source, DateTime createdAt, string? createdBy = null)
    {
        CreatedBy = createdBy;
        QuestionId = questionId;
        Version = version;
        ContentJson = contentJson;
        ContentHash = hash;
        Source = source;
        CreatedAt = createdAt;
    }

    public string QuestionId { get; private set; } = "";
    public int Version { get; private set; }
    public string ContentJson { get; private set; } = "";
    public string ContentHash { get; private set; } = "";
    public string Source { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    /// <summary>The organizer whose import wrote this version (null for the shipped and synthetic banks).</summary>
    public string? CreatedBy { get; private set; }

    public QuestionContent Content => QuestionContent.FromCanonicalJson(ContentJson);
}

public sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> b)
    {
        b.ToTable("Questions");
        b.HasKey(q => q.Id);
        b.Property(q => q.Id).HasMaxLength(80);
        b.Property(q => q.TradeCode).HasMaxLength(64).IsRequired();
        b.Property(q => q.Stem).IsRequired();
        b.Property(q => q.KnowledgePoints).IsRequired();
        b.Property(q => q.ContentJson).IsRequired();
        b.Property(q => q.ContentHash).HasMaxLength(64).IsRequired();
        b.Property(q => q.Source).HasMaxLength(32).IsRequired();
        b.Property(q => q.ShippedHash).HasMaxLength(64);
        b.HasOne<Trade>().WithMany().HasForeignKey(q => q.TradeCode).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(q => new { q.TradeCode, q.Level, q.Type });
        b.HasMany(q => q.Versions).WithOne().HasForeignKey(v => v.QuestionId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(q => q.Versions).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(q => q.Content);
    }
}

public sealed class QuestionVersionConfiguration : IEntityTypeConfiguration<QuestionVersion>
{
    public void Configure(EntityTypeBuilder<QuestionVersion> b)
    {
        b.ToTable("QuestionVersions");
        b.HasKey(v => new { v.QuestionId, v.Version });
        b.Property(v => v.QuestionId).HasMaxLength(80);
        b.Property(v => v.ContentJson).IsRequired();
        b.Property(v => v.ContentHash).HasMaxLength(64).IsRequired();
        b.Property(v => v.Source).HasMaxLength(32).IsRequired();
        b.Property(v => v.CreatedBy).HasMaxLength(256);
        b.Ignore(v => v.Content);
    }
}
