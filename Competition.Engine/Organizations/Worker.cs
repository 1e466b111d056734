using Competition.Engine.QuestionBank;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Competition.Engine.Organizations;

/// <summary>A worker (职工) of a unit, with the trade and skill level they practise and compete in.</summary>
public sealed class Worker
{
    private Worker() { }

    public Worker(Guid id, string name, Guid unitId, string? phone, string? employeeNumber, string? tradeCode, SkillLevel? level)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("姓名不能为空", nameof(name));
        if (string.IsNullOrWhiteSpace(phone) && string.IsNullOrWhiteSpace(employeeNumber))
            throw new ArgumentException("手机号和工号至少填写一项", nameof(phone));
        Id = id;
        Name = name.Trim();
        UnitId = unitId;
        Phone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim();
        EmployeeNumber = string.IsNullOrWhiteSpace(employeeNumber) ? null : employeeNumber.Trim();
        TradeCode = tradeCode;
        Level = level;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public Guid UnitId { get; private set; }
    public string? Phone { get; private set; }
    public string? EmployeeNumber { get; private set; }
    public string? TradeCode { get; private set; }
    public SkillLevel? Level { get; private set; }

}

/// <summary>The text fields of a worker, for self-registration and any form that adds workers.</summary>
public static class WorkerFields
{
    public static readonly Common.TextField Name = new("Name", "姓名", 64);
    public static readonly Common.TextField Phone = new("Phone", "手机号", 20, Common.TextShape.Code, Required: false);
    public static readonly Common.TextField EmployeeNumber = new("EmployeeNumber", "工号", 32, Common.TextShape.Code, Required: false);

    /// <summary>"138 0013-8000" and "１３８００１３８０００" are the number 13800138000.</summary>
    public static string PhoneValue(string? raw) => Phone.Value(raw).Replace(" ", "").Replace("-", "");

    /// <summary>The employee number becomes a sign-in name, so it keeps to what sign-in names may hold.</summary>
    public static bool IsValidEmployeeNumber(string value) => value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}

public sealed class WorkerConfiguration : IEntityTypeConfiguration<Worker>
{
    public void Configure(EntityTypeBuilder<Worker> b)
    {
        b.ToTable("Workers");
        b.HasKey(w => w.Id);
        b.Property(w => w.Name).HasMaxLength(64).IsRequired();
        b.Property(w => w.Phone).HasMaxLength(20);
        b.Property(w => w.EmployeeNumber).HasMaxLength(32);
        b.Property(w => w.TradeCode).HasMaxLength(64);
        b.HasOne<Unit>().WithMany().HasForeignKey(w => w.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(w => w.UnitId);
    }
}
