using Competition.Engine.Common;
using Competition.Engine.Contests;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Rankings;

/// <summary>
/// Revokes one certificate (e.g. an award withdrawn after a finding of cheating), by an organizer of the contest's city.
/// The certificate is kept: its verification page shows the revocation and the reason, which is the point of revoking.
/// </summary>
public static class RevokeCertificate
{
    public static readonly TextField Reason = new("Reason", "撤销原因（会显示在验证页上）", 200);

    public sealed record Command(string Code, string Reason, Actor Actor) : IRequest<Unit>;

    public sealed class Handler(CompetitionDbContext db, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command c, CancellationToken ct)
        {
            var code = CertificateCode.Normalize(c.Code) ?? throw new NotFoundException("证书验证码", c.Code);
            var certificate = await db.Certificates.FirstOrDefaultAsync(x => x.Code == code, ct) ?? throw new NotFoundException("证书验证码", code);
            await ContestAccess.ManagedAsync(db, certificate.ContestId, c.Actor, ct);
            if (Reason.Error(c.Reason) is { } problem) throw new ValidationException([problem]);
            certificate.Revoke(c.Actor.UserName, Reason.Value(c.Reason), clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
