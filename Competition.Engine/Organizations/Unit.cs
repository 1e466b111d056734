using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Competition.Engine.Organizations;

public enum UnitKind { Enterprise = 1, IndustryUnion = 2, PublicInstitution = 3, School = 4 }

/// <summary>An enterprise or industry union under a city; workers belong to units.</summary>
public sealed class Unit
{
    private Unit() { }

    public Unit(Guid id, string cityCode, string name, UnitKind kind)
    {
        Id = id;
        CityCode = cityCode;
        Rename(name);
        Kind = kind;
    }

    public Guid Id { get; private set; }
    public string CityCode { get; private set; } = "";
    public string Name { get; private set; } = "";
    public UnitKind Kind { get; private set; }

    public void Rename(string name)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("单位名称不能为空", nameof(name));
        Name = name.Trim();
    }
}

public sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> b)
    {
        b.ToTable("Units");
        b.HasKey(u => u.Id);
        b.Property(u => u.CityCode).HasMaxLength(32).IsRequired();
        b.Property(u => u.Name).HasMaxLength(128).IsRequired();
        b.HasOne<City>().WithMany().HasForeignKey(u => u.CityCode).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(u => new { u.CityCode, u.Name }).IsUnique();
    }
}
