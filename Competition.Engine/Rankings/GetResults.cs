using Competition.Engine.Common;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Rankings;

/// <summary>
/// A contest's results as a reader may see them: the public see the current version (in 公示 or final) with its hash,
/// the objections and answers (never the objector's contact) and the history of versions with the reason of each
/// correction; the contest's organizers and chief judge also see the draft, signatures and contacts.
/// </summary>
public static class GetResults
{
    public sealed record Query(Guid ContestId, Actor Actor) : IRequest<Result>;

    public sealed record ObjectionView(Guid Id, string Name, string? Contact, string Reason, DateTime FiledAt, string? Answer, DateTime? AnsweredAt);

    public sealed record VersionView(Guid Id, int Number, ResultState State, string StateName, string ContentHash, string? CorrectionReason,
        DateTime CreatedAt, string? ChiefJudgeSignature, DateTime? ChiefJudgeSignedAt, string? OrganizerSignature, DateTime? OrganizerSignedAt,
        DateTime? NoticeStartsAt, DateTime? NoticeEndsAt, int NoticeWorkingDays, DateTime? FinalizedAt, DateTime? SupersededAt);

    /// <param name="Current">The version the public page shows (in 公示 or final); null before the first 公示.</param>
    /// <param name="Draft">The draft being prepared, for those who may see it.</param>
    /// <param name="MaySignAsChiefJudge">The reader is the contest's assigned chief judge (the sign page is theirs).</param>
    public sealed record Result(Guid ContestId, string ContestTitle, VersionView? Current, ResultsContent? Content,
        IReadOnlyList<ObjectionView> Objections, VersionView? Draft, ResultsContent? DraftContent, AwardRule? Rule,
        IReadOnlyList<VersionView> History, bool MayManage, bool MaySignAsChiefJudge);

    public sealed class Handler(CompetitionDbContext db) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query q, CancellationToken ct)
        {
            var contest = await db.Contests.AsNoTracking().FirstOrDefaultAsync(c => c.Id == q.ContestId, ct) ?? throw new NotFoundException("竞赛", q.ContestId);
            var staff = await ResultsAccess.MaySeeDraftsAsync(db, q.Actor, contest, ct);
            var chief = staff && await ResultsAccess.IsChiefJudgeAsync(db, q.Actor, contest.Id, ct);
            var versions = await db.ResultVersions.AsNoTracking().Where(v => v.ContestId == contest.Id).OrderByDescending(v => v.Number).ToListAsync(ct);
            var current = versions.FirstOrDefault(v => v.State is ResultState.Notice or ResultState.Final);
            var draft = staff ? versions.FirstOrDefault(v => v.State == ResultState.Draft) : null;
            var objections = current is null ? [] : await db.ResultObjections.AsNoTracking().Where(o => o.VersionId == current.Id)
                .OrderBy(o => o.FiledAt).ToListAsync(ct);
            return new(contest.Id, contest.Title, current is null ? null : View(current), current?.Content,
                objections.Select(o => new ObjectionView(o.Id, o.Name, staff ? o.Contact : null, o.Reason, o.FiledAt, o.Answer, o.AnsweredAt)).ToList(),
                draft is null ? null : View(draft), draft?.Content, staff ? (draft ?? versions.FirstOrDefault())?.Rule : null,
                versions.Where(v => v.IsPublic).Select(View).ToList(), staff && Contests.ContestAccess.MayManage(q.Actor, contest), chief);
        }

        private static VersionView View(ResultVersion v) => new(v.Id, v.Number, v.State, ResultVersion.StateName(v.State), v.ContentHash, v.CorrectionReason,
            v.CreatedAt, v.ChiefJudgeSignature, v.ChiefJudgeSignedAt, v.OrganizerSignature, v.OrganizerSignedAt, v.NoticeStartsAt, v.NoticeEndsAt,
            v.NoticeWorkingDays, v.FinalizedAt, v.SupersededAt);
    }
}
