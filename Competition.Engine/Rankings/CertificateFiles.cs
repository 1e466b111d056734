using System.IO.Compression;
using Competition.Engine.Common;
using Competition.Engine.Contests;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Rankings;

/// <summary>
/// Certificate files for a contest's organizers: one certificate as PDF by its code, or every certificate of the current
/// public version as a zip of PDFs named by group, number and name. <paramref name="VerifyBase"/> is the site's public
/// address, from which each QR code's verification URL is made.
/// </summary>
public static class CertificateFiles
{
    public sealed record OneQuery(string Code, string VerifyBase, Actor Actor) : IRequest<File>;

    public sealed record ZipQuery(Guid ContestId, string VerifyBase, Actor Actor) : IRequest<File>;

    public sealed record File(string Name, string ContentType, byte[] Bytes);

    public static string VerifyUrl(string verifyBase, string code) => $"{verifyBase.TrimEnd('/')}/Results/Verify/{code}";

    public sealed class Handler(CompetitionDbContext db) : IRequestHandler<OneQuery, File>, IRequestHandler<ZipQuery, File>
    {
        public async Task<File> Handle(OneQuery q, CancellationToken ct)
        {
            var code = CertificateCode.Normalize(q.Code) ?? throw new NotFoundException("证书验证码", q.Code);
            var certificate = await db.Certificates.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, ct) ?? throw new NotFoundException("证书验证码", code);
            var contest = await ContestAccess.ManagedAsync(db, certificate.ContestId, q.Actor, ct);
            var version = await db.ResultVersions.AsNoTracking().FirstAsync(v => v.Id == certificate.VersionId, ct);
            var data = Data(certificate, contest, version, await OrganizerAsync(contest, ct), q.VerifyBase);
            return new($"{FileName(certificate)}.pdf", "application/pdf", CertificatePdf.Render(data));
        }

        public async Task<File> Handle(ZipQuery q, CancellationToken ct)
        {
            var contest = await ContestAccess.ManagedAsync(db, q.ContestId, q.Actor, ct);
            var version = await CurrentVersionAsync(db, contest, ct);
            var certificates = await db.Certificates.AsNoTracking().Where(c => c.VersionId == version.Id).ToListAsync(ct);
            var organizer = await OrganizerAsync(contest, ct);
            using var stream = new MemoryStream();
            using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            {
                var ordered = certificates.OrderBy(c => c.Group, StringComparer.Ordinal).ThenBy(c => c.Award).ThenBy(c => c.Number, StringComparer.Ordinal).ToList();
                var pdfs = CertificatePdf.RenderEach(ordered.Select(c => Data(c, contest, version, organizer, q.VerifyBase)).ToList());
                for (var i = 0; i < ordered.Count; i++)
                {
                    await using var entry = zip.CreateEntry($"{FileName(ordered[i])}.pdf", CompressionLevel.Fastest).Open();
                    await entry.WriteAsync(pdfs[i], ct);
                }
            }
            return new($"{contest.Title}-第{version.Number}版-证书.zip", "application/zip", stream.ToArray());
        }

        private async Task<string> OrganizerAsync(Contest contest, CancellationToken ct)
        {
            var city = await db.Cities.AsNoTracking().Where(c => c.Code == contest.CityCode).Select(c => c.Name).FirstOrDefaultAsync(ct);
            return city is null ? "竞赛组委会" : $"{city}总工会";
        }
    }

    /// <summary>The version the public sees (in 公示 or final); refused before the first 公示.</summary>
    public static async Task<ResultVersion> CurrentVersionAsync(CompetitionDbContext db, Contest contest, CancellationToken ct) =>
        await db.ResultVersions.AsNoTracking().Where(v => v.ContestId == contest.Id && (v.State == ResultState.Notice || v.State == ResultState.Final))
            .OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct)
        ?? throw new RuleViolationException($"「{contest.Title}」还没有公示的成绩：证书和导出在成绩公示之后才有。");

    public static CertificateData Data(Certificate c, Contest contest, ResultVersion version, string organizer, string verifyBase) =>
        new(c.Code, c.Name, c.Unit, contest.Title, c.Group, c.Award.Name(), TimeZones.Shanghai(version.NoticeStartsAt ?? c.IssuedAt), organizer,
            version.Number, version.ContentHash, VerifyUrl(verifyBase, c.Code));

    private static string FileName(Certificate c) => string.Concat($"{c.Group}-{c.Number}-{c.Name}-{c.Award.Name()}".Select(ch => Path.GetInvalidFileNameChars().Contains(ch) ? '_' : ch));
}
