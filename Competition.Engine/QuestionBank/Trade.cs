using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Competition.Engine.QuestionBank;

/// <summary>工种: an occupation with its own bank.</summary>
public sealed class Trade
{
    private Trade() { }

    public Trade(string code, string name, string nameEn, string category, bool isSynthetic = false)
    {
        Code = code;
        Describe(name, nameEn, category);
        IsSynthetic = isSynthetic;
    }

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public string Category { get; private set; } = "";
    public bool IsSynthetic { get; private set; }

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
