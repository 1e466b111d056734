using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Competition.Engine.QuestionBank;

/// <summary>工种: an occupation with its own bank.</summary>
public sealed class Trade
{
    private Trade() { }

    public Trade(string code, string name, string nameEn, string category, bool isSynthetic = false, bool isSealed = false)
    {
        Code = code;
        Describe(name, nameEn, category);
        IsSynthetic = isSynthetic;
        Sealed = isSealed;
    }

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public string Category { get; private set; } = "";
    public bool IsSynthetic { get; private set; }
    /// <summary>
    /// A whole exam-only bank (e.g. a contest's bank, kept apart from the 练兵 bank): its questions serve exams and
    /// contests, never drills. Set by the bank file's <c>trade.sealed: true</c>.
    /// </summary>
    public bool Sealed { get; private set; }

    public void SealForExams(bool sealedForExams) => Sealed = sealedForExams;

    public void Describe(string name, string nameEn, string category)
    {
        Name = name;
        NameEn = nameEn;
        Category = category;
    }
}

public sealed class TradeConfiguration : IEntityTypeConfiguration<Trade>
{
    public void Configure(EntityTypeBuilder<Trade> b)
    {
        b.ToTable("Trades");
        b.HasKey(t => t.Code);
        b.Property(t => t.Code).HasMaxLength(64);
        b.Property(t => t.Name).HasMaxLength(64).IsRequired();
        b.Property(t => t.NameEn).HasMaxLength(128).IsRequired();
        b.Property(t => t.Category).HasMaxLength(64).IsRequired();
    }
}
