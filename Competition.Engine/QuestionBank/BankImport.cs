using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Competition.Engine.QuestionBank;

/// <summary>The record of one accepted import, so organizers can see who changed a bank and when.</summary>
public sealed class BankImport
{
    private BankImport() { }

    public BankImport(Guid id, string tradeCode, string fileName, string format, int rows, int added, int revised, int unchanged, string importedBy, DateTime importedAt)
    {
        Id = id;
        TradeCode = tradeCode;
        FileName = fileName;
        Format = format;
        Rows = rows;
        Added = added;
        Revised = revised;
        Unchanged = unchanged;
        ImportedBy = importedBy;
        ImportedAt = importedAt;
    }

    public Guid Id { get; private set; }
    public string TradeCode { get; private set; } = "";
    public string FileName { get; private set; } = "";
    public string Format { get; private set; } = "";
    public int Rows { get; private set; }
    public int Added { get; private set; }
    public int Revised { get; private set; }
    public int Unchanged { get; private set; }
    public string ImportedBy { get; private set; } = "";
    public DateTime ImportedAt { get; private set; }
}

public sealed class BankImportConfiguration : IEntityTypeConfiguration<BankImport>
{
    public void Configure(EntityTypeBuilder<BankImport> b)
    {
        b.ToTable("BankImports");
        b.HasKey(i => i.Id);
        b.Property(i => i.TradeCode).HasMaxLength(64).IsRequired();
        b.Property(i => i.FileName).HasMaxLength(260).IsRequired();
        b.Property(i => i.Format).HasMaxLength(8).IsRequired();
        b.Property(i => i.ImportedBy).HasMaxLength(256).IsRequired();
        b.HasIndex(i => new { i.TradeCode, i.ImportedAt });
    }
}
