using Competition.Engine.Accounts;
using Competition.Engine.Common;
using Competition.Engine.Contests;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Rankings;

/// <summary>
/// The chief judge or the organizer signs a draft version: the signature records who and when, on the exact figures
/// (the content hash) they saw. Signing the figures of another version than the one the page showed is refused.
/// </summary>
public static class SignResults
{
    public enum As { ChiefJudge = 1, Organizer = 2 }

    public sealed record Command(Guid VersionId, string ContentHash, As Role, Actor Actor) : IRequest<Result>;

    public sealed record Result(int Number, bool ChiefJudgeSigned, bool OrganizerSigned);

    public sealed class Handler(CompetitionDbContext db, TimeProvider clock) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command c, CancellationToken ct)
        {
            var version = await ResultsAccess.VersionAsync(db, c.VersionId, ct);
            if (c.Role == As.ChiefJudge) await ResultsAccess.EnsureChiefJudgeAsync(db, c.Actor, version.ContestId, ct);
            else await ContestAccess.ManagedAsync(db, version.ContestId, c.Actor, ct);
            if (!string.Equals(c.ContentHash, version.ContentHash, StringComparison.OrdinalIgnoreCase))
                throw new RuleViolationException($"第 {version.Number} 版的成绩已重新生成（校验码已变），请刷新页面核对新成绩后再签字。");
            var name = await db.Users.Where(u => u.Id == c.Actor.UserId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
            var signature = string.IsNullOrWhiteSpace(name) ? c.Actor.UserName : $"{name}（{c.Actor.UserName}）";
            var now = clock.GetUtcNow().UtcDateTime;
            if (c.Role == As.ChiefJudge) version.SignAsChiefJudge(signature, now);
            else version.SignAsOrganizer(signature, now);
            await db.SaveChangesAsync(ct);
            return new(version.Number, version.ChiefJudgeSignature is not null, version.OrganizerSignature is not null);
        }
    }
}
