using Competition.Engine.Common;
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
        if (UnitName.Field.Error(name) is { } error) throw new ValidationException([error]);
        Name = UnitName.Field.Value(name);
    }
}

/// <summary>The one rule for unit names: the text rule, 128 characters, and one name per city whatever the spacing,
/// case or width ("马钢集团", "马钢 集团" and "马钢　集团" are one unit).</summary>
public static class UnitName
{
    public static readonly TextField Field = new("Name", "单位名称", 128);

    public static string Key(string name) => TextRules.Key(name);

    /// <summary>Refuses a name another unit of the city already has (in any variant) with a 409 that names it.</summary>
    public static async Task EnsureFreeAsync(Persistence.CompetitionDbContext db, string cityCode, string name, Guid? except, CancellationToken ct)
    {
        var key = Key(name);
        var names = await db.Units.AsNoTracking().Where(u => u.CityCode == cityCode && u.Id != except).Select(u => u.Name).ToListAsync(ct);
        if (names.FirstOrDefault(n => Key(n) == key) is { } taken)
            throw new RuleViolationException($"本市已有名为「{taken}」的单位，单位名称不能重复（空格、大小写和全角半角不同也算同名）：请换一个名称，或直接使用已有的单位。");
    }

    public static RuleViolationException Taken(string name) =>
        new($"本市已有名为「{name}」的单位（刚被其他人添加），单位名称不能重复：请换一个名称。");
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
