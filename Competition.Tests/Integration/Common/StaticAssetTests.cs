using System.Net;
using System.Text.RegularExpressions;
using Competition.Engine.Persistence;
using Competition.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Competition.Tests.Integration.Common;

/// <summary>Static files: versioned addresses cached for a year, others revalidated; text compressed as the browser allows.</summary>
public class StaticAssetTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static HttpRequestMessage Get(string path, params string[] encodings)
    {
        var req = new HttpRequestMessage(HttpMethod.Get, path);
        foreach (var e in encodings) req.Headers.AcceptEncoding.ParseAdd(e);
        return req;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EveryAssetOfTheHomePage_IsVersioned_AndAVersionedRequestIsImmutable_WhileAPlainOneIsRevalidated(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var client = app.NewClient();
        var html = await client.GetStringAsync("/");
        var assets = Regex.Matches(html, "<(?:script|link)[^>]+(?:src|href)=\"([^\"]+)\"").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        assets.Count.ShouldBeGreaterThanOrEqualTo(3);
        foreach (var asset in assets)
        {
            asset.ShouldContain("?v=", customMessage: asset);
            var res = await client.SendAsync(Get(asset));
            res.StatusCode.ShouldBe(HttpStatusCode.OK, asset);
            res.Headers.CacheControl!.ToString().ShouldBe("public, max-age=31536000, immutable", asset);

            var plain = await client.SendAsync(Get(asset[..asset.IndexOf('?')]));
            plain.StatusCode.ShouldBe(HttpStatusCode.OK, asset);
            plain.Headers.CacheControl!.NoCache.ShouldBeTrue(asset);
            plain.Headers.CacheControl.MaxAge.ShouldBeNull(asset);
            plain.Headers.ETag.ShouldNotBeNull(asset);
        }
    }

    [Theory]
    [InlineData("/css/site.css")]
    [InlineData("/lib/bootstrap/css/bootstrap.min.css")]
    [InlineData("/js/site.js")]
    [InlineData("/")]
    public async Task TextResponses_AreBrotliOrGzipCompressed_AsTheBrowserAccepts(string path)
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var client = app.NewClient();
        var identity = await client.SendAsync(Get(path));
        identity.Content.Headers.ContentEncoding.ShouldBeEmpty();
        var size = (await identity.Content.ReadAsByteArrayAsync()).Length;

        var br = await client.SendAsync(Get(path, "gzip", "br"));
        br.Content.Headers.ContentEncoding.ShouldBe(["br"]);
        br.Headers.Vary.ShouldContain("Accept-Encoding");
        (await br.Content.ReadAsByteArrayAsync()).Length.ShouldBeLessThan(size);

        var gzip = await client.SendAsync(Get(path, "gzip"));
        gzip.Content.Headers.ContentEncoding.ShouldBe(["gzip"]);
        await using var unzipped = new System.IO.Compression.GZipStream(await gzip.Content.ReadAsStreamAsync(), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(unzipped);
        (await reader.ReadToEndAsync()).Length.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task JsonAnswers_AreNotCompressed_SoTheTinyAcknowledgementsCostNoCpu()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var res = await app.NewClient().SendAsync(Get("/openapi/v1.json", "gzip", "br"));
        res.StatusCode.ShouldBe(HttpStatusCode.OK);
        res.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        res.Content.Headers.ContentEncoding.ShouldBeEmpty();
    }

    [Fact]
    public async Task Compression_IsOnForHttpsToo()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.ResponseCompression.ResponseCompressionOptions>>().Value;
        options.EnableForHttps.ShouldBeTrue();
    }
}
