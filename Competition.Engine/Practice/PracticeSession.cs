using Competition.Engine.QuestionBank;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Competition.Engine.Practice;

/// <summary>
/// One sitting of drill by a worker (one 人次). Unit and city are copied at the start so participation
/// statistics stay as they were even if the worker later moves.
/// </summary>
public sealed class PracticeSession
{
    private PracticeSession() { }

    public PracticeSession(Guid id, Guid workerId, Guid unitId, string cityCode, string tradeCode, SkillLevel? level, PracticeMode mode,
        string? knowledgePoint, DateTime nowUtc)
    {
        Id = id;
        WorkerId = workerId;
        UnitId = unitId;
        CityCode = cityCode;
        TradeCode = tradeCode;
        Level = level;
        Mode = mode;
        KnowledgePoint = knowledgePoint;
        StartedAt = nowUtc;
        LastActivityAt = nowUtc;
    }

    public Guid Id { get; private set; }
    public Guid WorkerId { get; private set; }
    public Guid UnitId { get; private set; }
    public string CityCode { get; private set; } = "";
    public string TradeCode { get; private set; } = "";
    public SkillLevel? Level { get; private set; }
    public PracticeMode Mode { get; private set; }
    public string? KnowledgePoint { get; private set; }
    public DateTime StartedAt { get; private set; }
    public DateTime LastActivityAt { get; private set; }
    public int Answered { get; private set; }
    public int Correct { get; private set; }

    public void Record(bool correct, DateTime nowUtc)
    {
        Answered++;
        if (correct) Correct++;
        LastActivityAt = nowUtc;
    }
}

public sealed class PracticeSessionConfiguration : IEntityTypeConfiguration<PracticeSession>
{
    public void Configure(EntityTypeBuilder<PracticeSession> b)
    {
        b.ToTable("PracticeSessions");
        b.HasKey(s => s.Id);
        b.Property(s => s.CityCode).HasMaxLength(32).IsRequired();
        b.Property(s => s.TradeCode).HasMaxLength(64).IsRequired();
        b.Property(s => s.KnowledgePoint).HasMaxLength(128);
        b.HasIndex(s => new { s.WorkerId, s.StartedAt });
        b.HasIndex(s => s.StartedAt);
    }
}
