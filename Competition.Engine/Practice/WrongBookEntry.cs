using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Competition.Engine.Practice;

/// <summary>
/// 错题本: a question the worker answered wrongly stays until it has been answered right on two different days
/// (China time). A wrong answer in between starts the count again.
/// </summary>
public sealed class WrongBookEntry
{
    private WrongBookEntry() { }

    public WrongBookEntry(Guid workerId, string questionId, string tradeCode, DateTime nowUtc, string? response = null)
    {
        LastResponse = response;
        WorkerId = workerId;
        QuestionId = questionId;
        TradeCode = tradeCode;
        AddedAt = nowUtc;
        WrongCount = 1;
    }

    public Guid WorkerId { get; private set; }
    public string QuestionId { get; private set; } = "";
    public string TradeCode { get; private set; } = "";
    public DateTime AddedAt { get; private set; }
    public int WrongCount { get; private set; }
    /// <summary>The first day it was answered right since the last wrong answer.</summary>
    public DateOnly? FirstRightDay { get; private set; }
    public DateTime? MasteredAt { get; private set; }
    /// <summary>The worker's last wrong answer (engine form: option keys, "true"/"false", a JSON array of blanks), shown on review.</summary>
    public string? LastResponse { get; private set; }

    public bool IsActive => MasteredAt is null;

    public void AnsweredWrong(DateTime nowUtc, string? response = null)
    {
        LastResponse = response ?? LastResponse;
        if (MasteredAt is not null) AddedAt = nowUtc; // back in the book after having left it
        WrongCount++;
        FirstRightDay = null;
        MasteredAt = null;
    }

    /// <summary>Returns true when this answer takes the question out of the book.</summary>
    public bool AnsweredRight(DateOnly day, DateTime nowUtc)
    {
        if (!IsActive) return false;
        if (FirstRightDay is null) { FirstRightDay = day; return false; }
        if (FirstRightDay == day) return false;
        MasteredAt = nowUtc;
        return true;
    }
}

public sealed class WrongBookEntryConfiguration : IEntityTypeConfiguration<WrongBookEntry>
{
    public void Configure(EntityTypeBuilder<WrongBookEntry> b)
    {
        b.ToTable("WrongBookEntries");
        b.HasKey(e => new { e.WorkerId, e.QuestionId });
        b.Property(e => e.QuestionId).HasMaxLength(80);
        b.Property(e => e.TradeCode).HasMaxLength(64).IsRequired();
        b.HasIndex(e => new { e.WorkerId, e.MasteredAt });
        b.Ignore(e => e.IsActive);
    }
}
