using Competition.Engine.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Competition.Engine.Rankings;

public enum ResultState
{
    Draft = 1,       // computed, being checked and signed; not public
    Notice = 2,      // 公示: public, objections may be filed until the notice ends
    Final = 3,       // 公示期满 and every objection answered
    Superseded = 4,  // a correction replaced it; still shown in the history, never edited
}

/// <summary>
/// One version of a contest's results. Its content and hash never change once it leaves the draft: a correction is a new
/// version with its reason, which supersedes this one when it is published. Both the chief judge and the organizer sign
/// a version before its 公示, and a draft that is recomputed loses its signatures (they signed other figures).
/// </summary>
public sealed class ResultVersion
{
    private ResultVersion() { }

    public ResultVersion(Guid id, Guid contestId, int number, ResultsContent content, AwardRule rule, string createdBy, DateTime nowUtc,
        string? correctionReason, Guid? supersedesId)
    {
        Id = id;
        ContestId = contestId;
        Number = number;
        State = ResultState.Draft;
        CreatedBy = createdBy;
        CreatedAt = nowUtc;
        CorrectionReason = correctionReason;
        SupersedesId = supersedesId;
        SetContent(content, rule);
    }

    public Guid Id { get; private set; }
    public Guid ContestId { get; private set; }
    public int Number { get; private set; }
    public ResultState State { get; private set; }
    public string ContentJson { get; private set; } = "";
    public string ContentHash { get; private set; } = "";
    /// <summary>The award rule the content was computed with, so a recomputation or a correction starts from it.</summary>
    public string RuleJson { get; private set; } = "";
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    /// <summary>Why this version corrects the previous one; null for the first.</summary>
    public string? CorrectionReason { get; private set; }
    public Guid? SupersedesId { get; private set; }
    public string? ChiefJudgeSignature { get; private set; }
    public DateTime? ChiefJudgeSignedAt { get; private set; }
    public string? OrganizerSignature { get; private set; }
    public DateTime? OrganizerSignedAt { get; private set; }
    public DateTime? NoticeStartsAt { get; private set; }
    public DateTime? NoticeEndsAt { get; private set; }
    public int NoticeWorkingDays { get; private set; }
    public DateTime? FinalizedAt { get; private set; }
    public DateTime? SupersededAt { get; private set; }
    public int RowVersion { get; private set; }

    public ResultsContent Content => ResultsContent.FromJson(ContentJson);
    public AwardRule Rule => System.Text.Json.JsonSerializer.Deserialize<AwardRule>(RuleJson)!;
    public bool IsPublic => State is ResultState.Notice or ResultState.Final or ResultState.Superseded;

    /// <summary>Replaces a draft's figures (recomputed after a late mark); the signatures go with the old figures.</summary>
    public void Recompute(ResultsContent content, AwardRule rule)
    {
        if (State != ResultState.Draft) throw new RuleViolationException($"第 {Number} 版已公示，内容不能再改；如需更正请新建更正版本并说明原因。");
        SetContent(content, rule);
        (ChiefJudgeSignature, ChiefJudgeSignedAt, OrganizerSignature, OrganizerSignedAt) = (null, null, null, null);
        RowVersion++;
    }

    public void SignAsChiefJudge(string name, DateTime nowUtc)
    {
        EnsureDraft("签字");
        (ChiefJudgeSignature, ChiefJudgeSignedAt) = (name, nowUtc);
        RowVersion++;
    }

    public void SignAsOrganizer(string name, DateTime nowUtc)
    {
        EnsureDraft("签字");
        (OrganizerSignature, OrganizerSignedAt) = (name, nowUtc);
        RowVersion++;
    }

    /// <summary>Starts the 公示 (the caller supersedes the version this one corrects, in the same transaction).</summary>
    public void StartNotice(DateTime nowUtc, DateTime endsAtUtc, int workingDays)
    {
        EnsureDraft("公示");
        if (ChiefJudgeSignature is null || OrganizerSignature is null)
            throw new RuleViolationException($"公示前需裁判长和组织者都签字确认（现在：裁判长{(ChiefJudgeSignature is null ? "未签" : "已签")}，组织者{(OrganizerSignature is null ? "未签" : "已签")}）。");
        (State, NoticeStartsAt, NoticeEndsAt, NoticeWorkingDays) = (ResultState.Notice, nowUtc, endsAtUtc, workingDays);
        RowVersion++;
    }

    /// <summary>Ends the 公示: only once its period is over and every objection has its answer.</summary>
    public void Finalize(DateTime nowUtc, int unansweredObjections)
    {
        if (State != ResultState.Notice) throw new RuleViolationException($"第 {Number} 版不在公示中，不能定稿。");
        if (nowUtc < NoticeEndsAt) throw new RuleViolationException($"公示期至 {TimeZones.Shanghai(NoticeEndsAt!.Value):yyyy-MM-dd HH:mm} 结束，之后才能定稿。");
        if (unansweredObjections > 0) throw new RuleViolationException($"还有 {unansweredObjections} 条异议未答复，全部答复后才能定稿。");
        (State, FinalizedAt) = (ResultState.Final, nowUtc);
        RowVersion++;
    }

    public void Supersede(DateTime nowUtc)
    {
        if (State is not (ResultState.Notice or ResultState.Final)) throw new RuleViolationException($"第 {Number} 版未公示，无需被更正版本取代。");
        (State, SupersededAt) = (ResultState.Superseded, nowUtc);
        RowVersion++;
    }

    private void EnsureDraft(string what)
    {
        if (State != ResultState.Draft) throw new RuleViolationException($"第 {Number} 版已{StateName(State)}，不能再{what}。");
    }

    private void SetContent(ResultsContent content, AwardRule rule)
    {
        RuleJson = System.Text.Json.JsonSerializer.Serialize(rule);
        ContentJson = content.ToJson();
        ContentHash = ResultsContent.Hash(ContentJson);
    }

    public static string StateName(ResultState state) => state switch
    {
        ResultState.Draft => "草稿", ResultState.Notice => "公示中", ResultState.Final => "定稿", _ => "被更正取代",
    };
}

public sealed class ResultVersionConfiguration : IEntityTypeConfiguration<ResultVersion>
{
    public void Configure(EntityTypeBuilder<ResultVersion> b)
    {
        b.ToTable("ResultVersions");
        b.HasKey(v => v.Id);
        b.HasIndex(v => new { v.ContestId, v.Number }).IsUnique();
        b.Property(v => v.ContentJson).IsRequired();
        b.Property(v => v.ContentHash).HasMaxLength(64).IsRequired();
        b.Property(v => v.CreatedBy).HasMaxLength(64).IsRequired();
        b.Property(v => v.CorrectionReason).HasMaxLength(500);
        b.Property(v => v.ChiefJudgeSignature).HasMaxLength(64);
        b.Property(v => v.OrganizerSignature).HasMaxLength(64);
        b.Property(v => v.RowVersion).IsConcurrencyToken();
        b.HasOne<Contests.Contest>().WithMany().HasForeignKey(v => v.ContestId).OnDelete(DeleteBehavior.Cascade);
        b.Property(v => v.RuleJson).IsRequired();
        b.Ignore(v => v.Content);
        b.Ignore(v => v.Rule);
        b.Ignore(v => v.IsPublic);
    }
}
