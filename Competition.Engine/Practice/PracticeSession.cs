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
        string? knowledgePoint, DateTime nowUtc, int? setSize = null)
    {
        if (setSize is { } size && !DrillSets.Sizes.Contains(size)) throw new ArgumentOutOfRangeException(nameof(setSize));
        SetSize = setSize;
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
    /// <summary>How many questions the set holds (10, 20, 50); null: open-ended, as before sets existed.</summary>
    public int? SetSize { get; private set; }
    /// <summary>Short answers: the machine does not mark them; the worker assesses them (or leaves them unassessed).</summary>
    public int PersonMarked { get; private set; }
    public int SelfRight { get; private set; }
    public int SelfPartly { get; private set; }
    public int SelfWrong { get; private set; }

    public int SelfAssessed => SelfRight + SelfPartly + SelfWrong;
    /// <summary>Machine-marked answers that were wrong.</summary>
    public int Wrong => Answered - Correct - PersonMarked;
    public bool SetComplete => SetSize is { } size && Answered >= size;

    public void Record(bool correct, DateTime nowUtc, bool needsPerson = false)
    {
        if (SetComplete) throw new Common.RuleViolationException($"本组 {SetSize} 题已全部答完，请查看本组小结，或再开始一组。");
        Answered++;
        if (correct) Correct++;
        if (needsPerson) PersonMarked++;
        LastActivityAt = nowUtc;
    }

    /// <summary>Counts a self-assessment of a short answer given in this session.</summary>
    public void Assessed(SelfAssessment assessment, DateTime nowUtc)
    {
        switch (assessment)
        {
            case SelfAssessment.Right: SelfRight++; break;
            case SelfAssessment.Partly: SelfPartly++; break;
            default: SelfWrong++; break;
        }
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
        b.Ignore(s => s.SelfAssessed);
        b.Ignore(s => s.Wrong);
        b.Ignore(s => s.SetComplete);
    }
}
