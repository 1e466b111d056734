using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Competition.Engine.Organizations;

public sealed class City
{
    private City() { }

    public City(string code, string name, string province, bool isG60)
    {
        Code = code;
        Name = name;
        Province = province;
        IsG60 = isG60;
    }

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Province { get; private set; } = "";
    /// <summary>Member of the G60 Science and Technology Innovation Corridor.</summary>
    public bool IsG60 { get; private set; }
}

public sealed class CityConfiguration : IEntityTypeConfiguration<City>
{
    public void Configure(EntityTypeBuilder<City> b)
    {
        b.ToTable("Cities");
        b.HasKey(c => c.Code);
        b.Property(c => c.Code).HasMaxLength(32);
        b.Property(c => c.Name).HasMaxLength(64).IsRequired();
        b.Property(c => c.Province).HasMaxLength(32).IsRequired();
    }
}
