using Competition.Engine.Rankings;
using Competition.Web.Common;
using MediatR;

namespace Competition.Web.Rankings;

/// <summary>Certificate files, revocation and the xlsx exports of a contest's public results, for its organizers.</summary>
public static class CertificateEndpoints
{
    public sealed record RevokeForm(string Reason);

    public static void MapCertificateEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Rankings").RequireAuthorization(ServiceRegistration.OrganizerPolicy);
        api.MapGet("/results/{contestId:guid}/certificates.zip", async (IMediator m, HttpContext h, Guid contestId) =>
            Send(await m.Send(new CertificateFiles.ZipQuery(contestId, VerifyBase(h), h.User.ToActor()))));
        api.MapGet("/results/{contestId:guid}/results.xlsx", async (IMediator m, HttpContext h, Guid contestId) =>
            Send(await m.Send(new ExportResults.Query(contestId, ExportResults.Kind.Results, h.User.ToActor()))));
        api.MapGet("/results/{contestId:guid}/awards.xlsx", async (IMediator m, HttpContext h, Guid contestId) =>
            Send(await m.Send(new ExportResults.Query(contestId, ExportResults.Kind.Awards, h.User.ToActor()))));
        api.MapGet("/certificates/{code}.pdf", async (IMediator m, HttpContext h, string code) =>
            Send(await m.Send(new CertificateFiles.OneQuery(code, VerifyBase(h), h.User.ToActor()))));
        api.MapPost("/certificates/{code}/revoke", async (IMediator m, HttpContext h, string code, RevokeForm f) =>
        {
            await m.Send(new RevokeCertificate.Command(code, f.Reason, h.User.ToActor()));
            return Results.NoContent();
        });
    }

    /// <summary>
    /// The public address printed in QR codes: <c>Certificates:PublicBaseUrl</c> when set (behind a proxy the request's
    /// own host may be an internal one), otherwise the address this request came to.
    /// </summary>
    public static string VerifyBase(HttpContext h) =>
        h.RequestServices.GetRequiredService<IConfiguration>()["Certificates:PublicBaseUrl"] is { Length: > 0 } configured
            ? configured
            : $"{h.Request.Scheme}://{h.Request.Host}";

    private static IResult Send(CertificateFiles.File f) => Results.File(f.Bytes, f.ContentType, f.Name);
}
