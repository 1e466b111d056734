using Competition.Engine.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Competition.Engine.Judging;

/// <summary>
/// One judge's mark for one item of one contestant's task: met (1) or not (0), a measured value, or a judgement 0–3.
/// Every change goes through <see cref="Change"/>, which writes the audit row.
/// </summary>
public sealed class ItemMark
{
    private ItemMark() { }

    public ItemMark(Guid id, Guid contestId, Guid contestantId, Guid taskId, string itemCode, string judgeUserId, int slot)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slot, 1);
        Slot = slot;
        Id = id;
        ContestId = contestId;
        ContestantId = contestantId;
        TaskId = taskId;
        ItemCode = itemCode;
        JudgeUserId = judgeUserId;
    }

    public Guid Id { get; private set; }
    public Guid ContestId { get; private set; }
    public Guid ContestantId { get; private set; }
    public Guid TaskId { get; private set; }
    public string ItemCode { get; private set; } = "";
    public string JudgeUserId { get; private set; } = "";
    /// <summary>
    /// Which of the item's places this mark fills (1 to the item's judge count; objective items have one). Unique per
    /// item, so two judges adding the last place at the same moment cannot both succeed.
    /// </summary>
    public int Slot { get; private set; }
    public double? Value { get; private set; }
    public DateTime MarkedAt { get; private set; }

    public MarkAudit? Change(double value, string by, string? reason, DateTime nowUtc)
    {
        if (Value == value) return null;
        var audit = new MarkAudit(Guid.NewGuid(), ContestId, ContestantId, TaskId, ItemCode, JudgeUserId, Value, value, by, reason, nowUtc);
        Value = value;
        MarkedAt = nowUtc;
        return audit;
    }
}

/// <summary>The audit trail: who changed which mark, when, from what to what, and why.</summary>
public sealed class MarkAudit
{
    private MarkAudit() { }

    public MarkAudit(Guid id, Guid contestId, Guid contestantId, Guid taskId, string itemCode, string judgeUserId, double? oldValue, double newValue,
        string by, string? reason, DateTime at)
    {
        Id = id;
        ContestId = contestId;
        ContestantId = contestantId;
        TaskId = taskId;
        ItemCode = itemCode;
        JudgeUserId = judgeUserId;
        OldValue = oldValue;
        NewValue = newValue;
        By = by;
        Reason = reason;
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid ContestId { get; private set; }
    public Guid ContestantId { get; private set; }
    public Guid TaskId { get; private set; }
    public string ItemCode { get; private set; } = "";
    public string JudgeUserId { get; private set; } = "";
    public double? OldValue { get; private set; }
    public double NewValue { get; private set; }
    public string By { get; private set; } = "";
    public string? Reason { get; private set; }
    public DateTime At { get; private set; }
}

/// <summary>The chief judge's signature on a contestant's task: its marks are locked from then on.</summary>
public sealed class TaskSignOff
{
    private TaskSignOff() { }

    public TaskSignOff(Guid contestantId, Guid taskId, string signedBy, DateTime at)
    {
        ContestantId = contestantId;
        TaskId = taskId;
        SignedBy = signedBy;
        SignedAt = at;
    }

    public Guid ContestantId { get; private set; }
    public Guid TaskId { get; private set; }
    public string SignedBy { get; private set; } = "";
    public DateTime SignedAt { get; private set; }
}

public sealed class ItemMarkConfiguration : IEntityTypeConfiguration<ItemMark>
{
    public void Configure(EntityTypeBuilder<ItemMark> b)
    {
        b.ToTable("ItemMarks");
        b.HasKey(m => m.Id);
        b.Property(m => m.ItemCode).HasMaxLength(32).IsRequired();
        b.Property(m => m.JudgeUserId).HasMaxLength(450).IsRequired();
        b.HasIndex(m => new { m.ContestantId, m.TaskId, m.ItemCode, m.JudgeUserId }).IsUnique();
        b.HasIndex(m => new { m.ContestantId, m.TaskId, m.ItemCode, m.Slot }).IsUnique();
        b.HasIndex(m => m.ContestId);
    }
}

public sealed class MarkAuditConfiguration : IEntityTypeConfiguration<MarkAudit>
{
    public void Configure(EntityTypeBuilder<MarkAudit> b)
    {
        b.ToTable("MarkAudits");
        b.HasKey(a => a.Id);
        b.Property(a => a.ItemCode).HasMaxLength(32).IsRequired();
        b.Property(a => a.JudgeUserId).HasMaxLength(450).IsRequired();
        b.Property(a => a.By).HasMaxLength(256).IsRequired();
        b.Property(a => a.Reason).HasMaxLength(500);
        b.HasIndex(a => new { a.ContestId, a.At });
    }
}

public sealed class TaskSignOffConfiguration : IEntityTypeConfiguration<TaskSignOff>
{
    public void Configure(EntityTypeBuilder<TaskSignOff> b)
    {
        b.ToTable("TaskSignOffs");
        b.HasKey(s => new { s.ContestantId, s.TaskId });
        b.Property(s => s.SignedBy).HasMaxLength(256).IsRequired();
    }
}
