using Competition.Engine.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Competition.Engine.Exams;

/// <summary>
/// A worker's sitting of an exam. The deadline is the server's; answers are stored separately (one row per item)
/// so a save touches one small row.
/// </summary>
public sealed class Attempt
{
    private Attempt() { }

    public Attempt(Guid id, Exam exam, Guid workerId, Paper paper, int attemptNo, DateTime nowUtc)
    {
        Id = id;
        ExamId = exam.Id;
        WorkerId = workerId;
        PaperId = paper.Id;
        AttemptNo = attemptNo;
        State = AttemptState.InProgress;
        StartedAt = nowUtc;
        Deadline = exam.DeadlineFor(nowUtc);
        CloseAt = Deadline + exam.Grace;
        MaxScore = exam.MaxScore;
    }

    public Guid Id { get; private set; }
    public Guid ExamId { get; private set; }
    public Guid WorkerId { get; private set; }
    public Guid PaperId { get; private set; }
    public int AttemptNo { get; private set; }
    public AttemptState State { get; private set; }
    public DateTime StartedAt { get; private set; }
    /// <summary>When time is up: the earlier of start + duration and the exam's close.</summary>
    public DateTime Deadline { get; private set; }
    /// <summary>Deadline plus any grace period: the last moment an answer is accepted.</summary>
    public DateTime CloseAt { get; private set; }
    public DateTime? SubmittedAt { get; private set; }
    public double? Score { get; private set; }
    public double MaxScore { get; private set; }
    /// <summary>Answers still waiting for a person to mark (short answers).</summary>
    public int PendingMarks { get; private set; }
    /// <summary>Points per item as marked (null: waiting for a person), kept on the attempt so closing writes one row.</summary>
    public string? ItemScoresJson { get; private set; }

    /// <summary>
    /// Concurrency token: every change to the attempt row (closing, a person's mark, a re-mark) moves it on, so two
    /// read-modify-writes of <see cref="ItemScoresJson"/> cannot silently overwrite each other.
    /// </summary>
    public int RowVersion { get; private set; }

    public double?[] ItemScores => ItemScoresJson is null ? [] : System.Text.Json.JsonSerializer.Deserialize<double?[]>(ItemScoresJson)!;

    public bool IsOpen => AnswerAcceptance.IsOpenState(State);

    /// <summary>Refuses an answer the rules do not allow, with a message the worker can act on.</summary>
    public void EnsureAcceptsAnswer(DateTime nowUtc)
    {
        if (AnswerAcceptance.Refusal(State, CloseAt, nowUtc) is { } why) throw new RuleViolationException(why);
    }

    /// <summary>
    /// A person's mark for one item of a submitted attempt. Only items that wait for a person (short answers) may be
    /// marked by one; the caller says which those are, since the attempt does not know its questions.
    /// </summary>
    public void RecordPersonMark(int item, double awarded, bool markedByPerson)
    {
        if (State != AttemptState.Submitted)
            throw new RuleViolationException(State == AttemptState.Abandoned
                ? "本次作答已作废（超时未交卷），不能评分。"
                : "本次作答尚未交卷，交卷后才能评分。");
        if (!markedByPerson) throw new RuleViolationException($"第 {item + 1} 题由系统自动评分，不能人工评分；若答案有误，请更正题目后使用“重新评分”。");
        var scores = ItemScores;
        if (item < 0 || item >= scores.Length) throw new ValidationException([new("Item", $"题号 {item + 1} 超出试卷范围（共 {scores.Length} 题）")]);
        scores[item] = awarded;
        Remark(scores);
    }

    /// <summary>Submits with the given score; a second submit changes nothing.</summary>
    public bool Submit(double?[] itemScores, DateTime nowUtc)
    {
        if (!IsOpen) return false;
        State = AttemptState.Submitted;
        SubmittedAt = nowUtc;
        Remark(itemScores);
        return true;
    }

    /// <summary>Time is up: autosubmit, enter the grace period, or abandon, as the exam says. Closing twice does nothing.</summary>
    public TimeUpOutcome TimeUp(OverdueHandling handling, DateTime nowUtc)
    {
        if (!IsOpen || nowUtc < Deadline) return TimeUpOutcome.Nothing;
        return handling switch
        {
            OverdueHandling.GracePeriod when nowUtc < CloseAt => MarkOverdue(),
            OverdueHandling.Abandon => Abandon(nowUtc),
            _ => TimeUpOutcome.Submit,
        };
    }

    /// <summary>Records item marks (after a key correction or a person's mark); the score is their sum.</summary>
    public void Remark(double?[] itemScores)
    {
        ItemScoresJson = System.Text.Json.JsonSerializer.Serialize(itemScores);
        Score = Math.Round(itemScores.Sum(s => s ?? 0), 2);
        PendingMarks = itemScores.Count(s => s is null);
        RowVersion++;
    }

    public bool Passed(double passMark) => State == AttemptState.Submitted && PendingMarks == 0 && Score >= passMark;

    private TimeUpOutcome MarkOverdue()
    {
        if (State == AttemptState.Overdue) return TimeUpOutcome.Nothing;
        State = AttemptState.Overdue;
        RowVersion++;
        return TimeUpOutcome.Overdue;
    }

    private TimeUpOutcome Abandon(DateTime nowUtc)
    {
        State = AttemptState.Abandoned;
        SubmittedAt = nowUtc;
        RowVersion++;
        return TimeUpOutcome.Abandoned;
    }
}

public enum TimeUpOutcome { Nothing, Overdue, Submit, Abandoned }

public sealed class AttemptConfiguration : IEntityTypeConfiguration<Attempt>
{
    public void Configure(EntityTypeBuilder<Attempt> b)
    {
        b.ToTable("Attempts");
        b.HasKey(a => a.Id);
        b.HasOne<Exam>().WithMany().HasForeignKey(a => a.ExamId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Paper>().WithMany().HasForeignKey(a => a.PaperId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.ExamId, a.WorkerId, a.AttemptNo }).IsUnique();
        b.HasIndex(a => new { a.State, a.Deadline });
        b.Property(a => a.RowVersion).IsConcurrencyToken();
        b.HasIndex(a => new { a.WorkerId, a.State });   // a worker's open attempts, read by every drill step (BankAccess)
        b.Ignore(a => a.IsOpen);
        b.Ignore(a => a.ItemScores);
    }
}
