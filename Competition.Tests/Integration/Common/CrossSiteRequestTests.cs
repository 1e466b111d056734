using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Competition.Engine.Organizations;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using Competition.Engine.QuestionBank.Sheets;
using Competition.Tests.Infrastructure;

namespace Competition.Tests.Integration.Common;

/// <summary>
/// A page of another origin (another site, or another port of the same host, whose requests still carry the
/// SameSite=Lax sign-in cookie) makes the signed-in organizer's browser call the API.
/// </summary>
public class CrossSiteRequestTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static HttpRequestMessage From(HttpMethod method, string url, string? origin, string? fetchSite, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        if (origin is not null) request.Headers.Add("Origin", origin);
        if (fetchSite is not null) request.Headers.Add("Sec-Fetch-Site", fetchSite);
        return request;
    }

    private static JsonContent NewUnit(string name) => JsonContent.Create(new { cityCode = "maanshan", name, kind = "Enterprise" });

    private static async Task ShouldBeRefusedAsync(HttpResponseMessage res)
    {
        res.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        res.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var body = await res.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("title").GetString().ShouldBe("拒绝跨站请求");
        body.GetProperty("detail").GetString()!.ShouldContain("其他网站");
    }

    [Theory]
    [InlineData("https://evil.example", null)]
    [InlineData("https://evil.example", "cross-site")]
    [InlineData("http://127.0.0.1:1", "same-site")]
    [InlineData("null", null)]
    [InlineData(null, "cross-site")]
    public async Task JsonChangeFromAnotherOrigin_IsRefusedAndChangesNothing(string? origin, string? fetchSite)
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var organizer = await app.OrganizerClientAsync();
        var name = "跨站单位" + Guid.NewGuid().ToString("N")[..6];
        await ShouldBeRefusedAsync(await organizer.SendAsync(From(HttpMethod.Post, "/api/units", origin, fetchSite, NewUnit(name))));
        (await app.SendAsync(new ListUnits.Query(Competition.Engine.Common.Actor.System, "maanshan"))).ShouldNotContain(u => u.Name == name);
    }

    [Fact]
    public async Task SameOriginPagesAndClientsWithoutOrigin_StillWork()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var organizer = await app.OrganizerClientAsync();
        var self = app.BaseAddress.GetLeftPart(UriPartial.Authority);
        (await organizer.SendAsync(From(HttpMethod.Post, "/api/units", self, "same-origin", NewUnit("同源单位" + Guid.NewGuid().ToString("N")[..6])))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await organizer.SendAsync(From(HttpMethod.Post, "/api/units", self, null, NewUnit("同源单位" + Guid.NewGuid().ToString("N")[..6])))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await organizer.SendAsync(From(HttpMethod.Post, "/api/units", null, null, NewUnit("应用单位" + Guid.NewGuid().ToString("N")[..6])))).StatusCode.ShouldBe(HttpStatusCode.Created);
        // Reading is not guarded: a cross-site page cannot read the answer anyway (no CORS).
        (await organizer.SendAsync(From(HttpMethod.Get, "/api/units", "https://evil.example", "cross-site"))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task MultipartImportFromAnotherSite_IsRefused()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var organizer = await app.OrganizerClientAsync();
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(XlsxWriter.Write("题库", [BankTemplate.Headers])), "file", "题库.xlsx" },
            { new StringContent("lathe-operator"), "trade" },
        };
        await ShouldBeRefusedAsync(await organizer.SendAsync(From(HttpMethod.Post, "/api/banks/import", "https://evil.example", "cross-site", form)));
    }

    [Fact]
    public async Task LogoutFromAnotherSite_IsRefusedAndTheSessionStays()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var organizer = await app.OrganizerClientAsync();
        await ShouldBeRefusedAsync(await organizer.SendAsync(From(HttpMethod.Post, "/api/account/logout", "https://evil.example", "cross-site")));
        (await organizer.GetAsync("/api/account/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await organizer.SendAsync(From(HttpMethod.Post, "/api/account/logout", app.BaseAddress.GetLeftPart(UriPartial.Authority), "same-origin"))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await organizer.GetAsync("/api/account/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task HubNegotiation_IsRefusedFromAnotherSiteAndAllowedFromOurPages()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var client = app.NewClient();
        const string negotiate = "/hubs/scoreboard/negotiate?negotiateVersion=1";
        await ShouldBeRefusedAsync(await client.SendAsync(From(HttpMethod.Post, negotiate, "https://evil.example", "cross-site")));
        (await client.SendAsync(From(HttpMethod.Post, negotiate, app.BaseAddress.GetLeftPart(UriPartial.Authority), "same-origin"))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task HubConnectionFromAnotherSite_IsRefusedEvenWithoutNegotiating()
    {
        // A WebSocket (or long-polling GET) straight to the hub, as a page elsewhere could open it with the judge's cookie.
        var app = await apps.For(DatabaseProvider.Sqlite);
        var organizer = await app.OrganizerClientAsync();
        await ShouldBeRefusedAsync(await organizer.SendAsync(From(HttpMethod.Get, "/hubs/scoreboard?id=x", "https://evil.example", "cross-site")));
        await ShouldBeRefusedAsync(await organizer.SendAsync(From(HttpMethod.Get, "/hubs/scoreboard?id=x", "http://127.0.0.1:1", null)));
    }
}
