using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace Competition.Web.Common;

/// <summary>
/// Text responses compressed (Brotli first, then Gzip), and static files cached by how they are addressed: a request
/// carrying the content hash (<c>?v=</c> from asp-append-version) can never change, so browsers keep it a year without
/// asking; any other address is revalidated every time (ETag), so a deploy is seen at once.
/// </summary>
public static class StaticAssets
{
    public const string Immutable = "public, max-age=31536000, immutable";
    public const string Revalidate = "no-cache";

    public static readonly string[] CompressedTypes =
        ["text/html", "text/css", "text/javascript", "application/javascript", "text/plain", "image/svg+xml", "text/csv"];

    public static IServiceCollection AddStaticAssetCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            // Exam rooms and venues sit behind slow shared links; TLS does not change that. Pages carry per-user antiforgery
            // tokens, but never echo a request's secret-bearing input next to them, which is what a BREACH attack needs.
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            // Pages, scripts, styles and exports only. JSON answers are left alone: the hot ones (an answer's or a mark's
            // acknowledgement) are a few dozen bytes, and on contest day the web tier's CPU is the limit (bench/ExamLoad).
            o.MimeTypes = CompressedTypes;
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        return services;
    }

    public static IApplicationBuilder UseCachedStaticFiles(this IApplicationBuilder app) => app.UseStaticFiles(new StaticFileOptions
    {
        OnPrepareResponse = ctx => ctx.Context.Response.Headers[HeaderNames.CacheControl] =
            ctx.Context.Request.Query.ContainsKey("v") ? Immutable : Revalidate,
    });
}
