using Competition.Engine.Common;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Rankings;

/// <summary>
/// Publishes a signed draft for 公示 (default 5 working days). A correction's 公示 supersedes the version it corrects in
/// the same transaction, so the public page always has exactly one current version; the version's certificates are issued with it.
/// </summary>
public static class StartPublicNotice
{
    public const int DefaultWorkingDays = 5, MaxWorkingDays = 30;

    public sealed record Command(Guid VersionId, int WorkingDays, Actor Actor) : IRequest<Result>;

    public sealed record Result(int Number, DateTime NoticeEndsAtUtc, string ContentHash);

    public sealed class Handler(CompetitionDbContext db, TimeProvider clock, WorkingDays calendar) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command c, CancellationToken ct)
        {
            var (version, _) = await ResultsAccess.ManagedAsync(db, c.VersionId, c.Actor, ct);
            if (c.WorkingDays is < 1 or > MaxWorkingDays)
                throw new ValidationException([new("WorkingDays", $"公示期为 1–{MaxWorkingDays} 个工作日")]);
            var now = clock.GetUtcNow().UtcDateTime;
            var ends = calendar.NoticeEndsUtc(now, c.WorkingDays);
            version.StartNotice(now, ends, c.WorkingDays);
            // Certificates exist from the moment the figures are public, in the same transaction: a 公示 never lacks them.
            db.Certificates.AddRange(Certificate.ForVersion(version, now));
            if (version.SupersedesId is { } previousId)
            {
                var previous = await db.ResultVersions.FirstAsync(v => v.Id == previousId, ct);
                previous.Supersede(now);
            }
            await db.SaveChangesAsync(ct);
            return new(version.Number, ends, version.ContentHash);
        }
    }
}
