using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Competition.Engine.Contests;

/// <summary>A contestant registered by a unit. Judges see the number, never the name.</summary>
public sealed class Contestant
{
    private Contestant() { }

    public Contestant(Guid id, Guid contestId, string number, string name, string unitName, string cityCode, string group, string? team, Guid? workerId)
    {
        Id = id;
        ContestId = contestId;
        Number = number.Trim();
        Name = name.Trim();
        UnitName = unitName.Trim();
        CityCode = cityCode;
        Group = group.Trim();
        Team = string.IsNullOrWhiteSpace(team) ? null : team.Trim();
        WorkerId = workerId;
    }

    /// <summary>
    /// Links (or, with null, unlinks) the worker account that sits the theory round: its result counts for this contestant.
    /// The worker must live in the contestant's city, as at registration.
    /// </summary>
    public void LinkWorker(Guid? workerId, string? workerCityCode, string workerName)
    {
        if (workerId is not null && workerCityCode != CityCode)
            throw new Common.ValidationException([new("WorkerId", $"职工 {workerName} 属于 {workerCityCode}，不能关联到 {CityCode} 的选手 {Number} 号；请选择本市的职工。")]);
        WorkerId = workerId;
    }

    public Guid Id { get; private set; }
    public Guid ContestId { get; private set; }
    public string Number { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string UnitName { get; private set; } = "";
    public string CityCode { get; private set; } = "";
    public string Group { get; private set; } = "";
    public string? Team { get; private set; }
    /// <summary>The worker account that sits the theory round, when the contestant has one.</summary>
    public Guid? WorkerId { get; private set; }
}

public sealed class ContestantConfiguration : IEntityTypeConfiguration<Contestant>
{
    public void Configure(EntityTypeBuilder<Contestant> b)
    {
        b.ToTable("Contestants");
        b.HasKey(c => c.Id);
        b.Property(c => c.Number).HasMaxLength(16).IsRequired();
        b.Property(c => c.Name).HasMaxLength(64).IsRequired();
        b.Property(c => c.UnitName).HasMaxLength(128).IsRequired();
        b.Property(c => c.CityCode).HasMaxLength(32).IsRequired();
        b.Property(c => c.Group).HasMaxLength(32).IsRequired();
        b.Property(c => c.Team).HasMaxLength(64);
        b.HasOne<Contest>().WithMany().HasForeignKey(c => c.ContestId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.ContestId, c.Number }).IsUnique();
        b.HasIndex(c => c.WorkerId);   // the contests a worker is registered in (who may sit a theory round)
    }
}
