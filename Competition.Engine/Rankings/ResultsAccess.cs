using Competition.Engine.Common;
using Competition.Engine.Contests;
using Competition.Engine.Judging;
using Competition.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Rankings;

/// <summary>
/// Who may do what with a contest's results: its organizers (of its city) and admins draft, sign, publish and answer
/// objections; its assigned chief judge signs; anyone reads a version once it is public and files an objection during
/// its 公示. A draft is never shown to anyone else, workers included.
/// </summary>
public static class ResultsAccess
{
    public static async Task<ResultVersion> VersionAsync(CompetitionDbContext db, Guid versionId, CancellationToken ct) =>
        await db.ResultVersions.FirstOrDefaultAsync(v => v.Id == versionId, ct) ?? throw new NotFoundException("成绩版本", versionId);

    /// <summary>The version for an organizer who manages its contest.</summary>
    public static async Task<(ResultVersion Version, Contest Contest)> ManagedAsync(CompetitionDbContext db, Guid versionId, Actor actor, CancellationToken ct)
    {
        var version = await VersionAsync(db, versionId, ct);
        return (version, await ContestAccess.ManagedAsync(db, version.ContestId, actor, ct));
    }

    /// <summary>Signing as chief judge: the chief judge assigned to the contest.</summary>
    public static Task EnsureChiefJudgeAsync(CompetitionDbContext db, Actor actor, Guid contestId, CancellationToken ct) =>
        SheetAccess.EnsureChiefJudgeOfAsync(db, actor, contestId, "签字确认成绩", ct);

    /// <summary>Drafts are seen by the contest's managers and its chief judge only.</summary>
    public static async Task<bool> MaySeeDraftsAsync(CompetitionDbContext db, Actor actor, Contest contest, CancellationToken ct) =>
        ContestAccess.MayManage(actor, contest) || actor.IsIn(Accounts.Roles.ChiefJudge) && await ContestAccess.IsAssignedAsync(db, actor, contest.Id, ct);

    public static async Task<bool> IsChiefJudgeAsync(CompetitionDbContext db, Actor actor, Guid contestId, CancellationToken ct) =>
        actor.IsIn(Accounts.Roles.ChiefJudge) && await ContestAccess.IsAssignedAsync(db, actor, contestId, ct);

    /// <summary>The contests (of those given) whose draft waits for the chief judge's signature.</summary>
    public static async Task<HashSet<Guid>> AwaitingChiefJudgeAsync(CompetitionDbContext db, IReadOnlyCollection<Guid> contestIds, CancellationToken ct) =>
        (await db.ResultVersions.AsNoTracking().Where(v => contestIds.Contains(v.ContestId) && v.State == ResultState.Draft && v.ChiefJudgeSignature == null)
            .Select(v => v.ContestId).ToListAsync(ct)).ToHashSet();
}
