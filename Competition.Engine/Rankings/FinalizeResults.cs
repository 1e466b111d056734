using Competition.Engine.Common;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Rankings;

/// <summary>
/// The organizer finalizes a version whose 公示 is over and whose objections are all answered. (Never automatic: an
/// objection filed in the last minute must be read by a person.)
/// </summary>
public static class FinalizeResults
{
    public sealed record Command(Guid VersionId, Actor Actor) : IRequest<Unit>;

    public sealed class Handler(CompetitionDbContext db, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command c, CancellationToken ct)
        {
            var (version, _) = await ResultsAccess.ManagedAsync(db, c.VersionId, c.Actor, ct);
            var unanswered = await db.ResultObjections.CountAsync(o => o.VersionId == version.Id && o.Answer == null, ct);
            version.Finalize(clock.GetUtcNow().UtcDateTime, unanswered);
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
