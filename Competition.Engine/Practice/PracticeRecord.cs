using Competition.Engine.QuestionBank;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Competition.Engine.Practice;

/// <summary>A worker's history with one question: how often seen and answered right; drills show the least seen first.</summary>
public sealed class PracticeRecord
{
    private PracticeRecord() { }

    public PracticeRecord(Guid workerId, string questionId, string tradeCode, SkillLevel level, string knowledgePoints)
    {
        WorkerId = workerId;
        QuestionId = questionId;
        TradeCode = tradeCode;
        Level = level;
        KnowledgePoints = knowledgePoints;
    }

    public Guid WorkerId { get; private set; }
    public string QuestionId { get; private set; } = "";
    public string TradeCode { get; private set; } = "";
    public SkillLevel Level { get; private set; }
    /// <summary>Copied from the question ("|a|b|") so progress by knowledge point needs no join.</summary>
    public string KnowledgePoints { get; private set; } = "";
    public int Seen { get; private set; }
    public int Correct { get; private set; }
    public bool LastCorrect { get; private set; }
    public DateTime LastAnsweredAt { get; private set; }
    /// <summary>The worker's own judgement of their last short answer to this question; null until they give one.</summary>
    public SelfAssessment? SelfAssessment { get; private set; }

    public void Record(bool correct, DateTime nowUtc)
    {
        Seen++;
        if (correct) Correct++;
        LastCorrect = correct;
        LastAnsweredAt = nowUtc;
        SelfAssessment = null;   // a new answer waits for its own assessment
    }

    /// <summary>Once per answer: a second assessment of the same answer would count twice in progress.</summary>
    public void Assess(SelfAssessment assessment)
    {
        if (SelfAssessment is not null) throw new Common.RuleViolationException("这次作答已经自评过了；再答一次本题后可以重新自评。");
        SelfAssessment = assessment;
    }
}

public sealed class PracticeRecordConfiguration : IEntityTypeConfiguration<PracticeRecord>
{
    public void Configure(EntityTypeBuilder<PracticeRecord> b)
    {
        b.ToTable("PracticeRecords");
        b.HasKey(r => new { r.WorkerId, r.QuestionId });
        b.Property(r => r.QuestionId).HasMaxLength(80);
        b.Property(r => r.TradeCode).HasMaxLength(64).IsRequired();
        b.Property(r => r.KnowledgePoints).IsRequired();
        b.HasIndex(r => new { r.WorkerId, r.TradeCode });
    }
}
