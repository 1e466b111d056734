using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Competition.Engine.Persistence;
using Competition.Tests.Infrastructure;

namespace Competition.Tests.Integration.Common;

/// <summary>The JSON API is described at /openapi/v1.json and listed for people on a page linked from every page's footer.</summary>
public class OpenApiTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static readonly (string Method, string Path)[] MainOperations =
    [
        ("post", "/api/account/login"),
        ("post", "/api/exams"),
        ("post", "/api/practice/sessions"),
        ("post", "/api/contests"),
        ("get", "/api/contests/{id}/audit.csv"),
    ];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheDocument_ListsTheMainEndpoints_WithTheirTags(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var res = await app.NewClient().GetAsync("/openapi/v1.json");
        res.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var doc = JsonDocument.Parse(await res.Content.ReadAsStringAsync());
        doc.RootElement.GetProperty("openapi").GetString()!.ShouldStartWith("3.");
        var paths = doc.RootElement.GetProperty("paths");
        foreach (var (method, path) in MainOperations)
        {
            paths.TryGetProperty(path, out var item).ShouldBeTrue(path);
            item.TryGetProperty(method, out var op).ShouldBeTrue($"{method} {path}");
            op.GetProperty("tags").GetArrayLength().ShouldBeGreaterThan(0, path);
        }
        // Pages, the hub and the document itself are not API operations.
        paths.EnumerateObject().ShouldNotContain(p => p.Name.StartsWith("/openapi") || p.Name.StartsWith("/hubs") || p.Name.StartsWith("/Docs"));
    }

    [Fact]
    public async Task TheReferencePage_IsLinkedFromTheFooter_AndListsTheDocumentsOperationsByTag()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var client = app.NewClient();
        var home = await client.GetStringAsync("/");
        var footer = home[home.IndexOf("<footer", StringComparison.Ordinal)..];
        var href = Regex.Match(footer, "href=\"([^\"]+)\"[^>]*data-testid=\"api-reference-link\"").Groups[1].Value;
        href.ShouldBe("/Docs/Api");

        var page = WebUtility.HtmlDecode(await client.GetStringAsync(href));
        page.ShouldContain("href=\"/openapi/v1.json\"");
        using var doc = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var count = doc.RootElement.GetProperty("paths").EnumerateObject().Sum(p => p.Value.EnumerateObject().Count(o => o.Name != "parameters"));
        Regex.Matches(page, "data-testid=\"api-operation\"").Count.ShouldBe(count);
        foreach (var tag in new[] { "Accounts", "Exams", "Practice", "Contests", "QuestionBank" })
            page.ShouldContain($"id=\"tag-{tag}\"");
        foreach (var (method, path) in MainOperations)
            page.ShouldContain(path);
    }
}
