using Competition.Engine.Common;
using Competition.Engine.Contests;
using Competition.Engine.Judging;
using Competition.Engine.Persistence;
using Competition.Engine.Scoreboards;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Rankings;

/// <summary>
/// Computes a finalized contest's results and awards by the organizer's rule into a draft version. A draft that exists is
/// recomputed (losing its signatures); once a version is public, a new draft is a correction and needs its reason.
/// </summary>
public static class DraftResults
{
    public const int MinReason = 4;

    public sealed record Command(Guid ContestId, AwardRule Rule, string? CorrectionReason, Actor Actor) : IRequest<Result>;

    public sealed record Result(Guid VersionId, int Number, string ContentHash, bool Correction);

    public sealed class Handler(CompetitionDbContext db, TimeProvider clock) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command c, CancellationToken ct)
        {
            var contest = await ContestAccess.ManagedAsync(db, c.ContestId, c.Actor, ct);
            if (c.Rule.Problems() is { Count: > 0 } problems) throw new ValidationException(problems.Select(p => new ValidationError("Rule", p)).ToList());
            if (contest.Phase != ContestPhase.Finalized)
                throw new RuleViolationException($"竞赛现在是「{PhaseRules.Name(contest.Phase)}」，全部评分签字确认、竞赛定稿后才能生成成绩。");
            var now = clock.GetUtcNow().UtcDateTime;
            var data = await BoardData.LoadAsync(db, contest.Id, ct) ?? throw new NotFoundException("竞赛", contest.Id);
            var content = ContestResults.Compute(data, c.Rule, now);

            var latest = await db.ResultVersions.Where(v => v.ContestId == contest.Id).OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
            if (latest is { State: ResultState.Draft })
            {
                latest.Recompute(content, c.Rule);
                await db.SaveChangesAsync(ct);
                return new(latest.Id, latest.Number, latest.ContentHash, latest.SupersedesId is not null);
            }
            var reason = c.CorrectionReason?.Trim();
            if (latest is not null && (reason is null || reason.Length < MinReason))
                throw new ValidationException([new("CorrectionReason", $"第 {latest.Number} 版已公示，更正需写明原因（至少 {MinReason} 个字），原因随新版本公开。")]);
            if (reason is { Length: > 500 }) throw new ValidationException([new("CorrectionReason", "更正原因最多 500 个字")]);
            var version = new ResultVersion(Guid.NewGuid(), contest.Id, (latest?.Number ?? 0) + 1, content, c.Rule, c.Actor.UserName, now,
                latest is null ? null : reason, latest?.Id);
            db.ResultVersions.Add(version);
            await db.SaveChangesAsync(ct);   // the unique (contest, number) index refuses a second concurrent draft
            return new(version.Id, version.Number, version.ContentHash, latest is not null);
        }
    }
}
