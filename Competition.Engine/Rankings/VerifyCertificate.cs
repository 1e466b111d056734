using Competition.Engine.Common;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Rankings;

/// <summary>
/// The public check of a certificate by its code, for anyone who scans or types it: what was awarded to whom, from which
/// result version (number and hash), and whether it still stands: valid, superseded by a correction (and by which
/// version), or revoked (with the reason). Unknown codes are not found.
/// </summary>
public static class VerifyCertificate
{
    public enum Standing { Valid, Superseded, Revoked }

    public sealed record Query(string Code) : IRequest<Result>;

    public sealed record Result(string Code, string Name, string Unit, string ContestTitle, string Group, Award Award, string AwardName, int? Rank,
        int VersionNumber, string ContentHash, ResultState VersionState, Standing Standing, int? SupersededByNumber, string? RevokeReason,
        DateTime IssuedAt, DateTime? RevokedAt)
    {
        /// <summary>The standing in one phrase, as the page and a phone read it.</summary>
        public string StandingText => Standing switch
        {
            Standing.Revoked => $"已撤销：{RevokeReason}",
            Standing.Superseded => SupersededByNumber is { } n ? $"已被第 {n} 版更正取代" : "已被更正版本取代",
            _ => "有效",
        };
    }

    public sealed class Handler(CompetitionDbContext db) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query q, CancellationToken ct)
        {
            var code = CertificateCode.Normalize(q.Code) ?? throw new NotFoundException("证书验证码", q.Code);
            var c = await db.Certificates.AsNoTracking().FirstOrDefaultAsync(x => x.Code == code, ct) ?? throw new NotFoundException("证书验证码", code);
            var version = await db.ResultVersions.AsNoTracking().Where(v => v.Id == c.VersionId)
                .Select(v => new { v.Id, v.Number, v.ContentHash, v.State }).FirstAsync(ct);
            var title = await db.Contests.AsNoTracking().Where(x => x.Id == c.ContestId).Select(x => x.Title).FirstAsync(ct);
            int? replacedBy = version.State == ResultState.Superseded
                ? await db.ResultVersions.AsNoTracking().Where(v => v.SupersedesId == version.Id && v.State != ResultState.Draft)
                    .Select(v => (int?)v.Number).FirstOrDefaultAsync(ct)
                : null;
            var standing = c.RevokedAt is not null ? Standing.Revoked : version.State == ResultState.Superseded ? Standing.Superseded : Standing.Valid;
            return new(c.Code, c.Name, c.Unit, title, c.Group, c.Award, c.Award.Name(), c.Rank, version.Number, version.ContentHash, version.State,
                standing, replacedBy, c.RevokeReason, c.IssuedAt, c.RevokedAt);
        }
    }
}
