using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR;

namespace Competition.Tests.Integration.Access;

/// <summary>
/// The authorization matrix (issue 7): every endpoint, page handler and hub method × ten kinds of caller, against the
/// real app. A cell fails when it lets through someone the rules refuse, refuses someone they allow, or hands 马鞍山's
/// private data to someone outside it. The endpoints come from the running app, so a new one without a row fails too.
/// </summary>
public partial class AuthorizationMatrixTests(MatrixWorld world) : IClassFixture<MatrixWorld>
{
    [Fact]
    public async Task EveryEndpointPageHandlerAndHubMethod_HasARow_AndEveryRowStillExists()
    {
        var reachable = await EndpointCatalog.KeysAsync(world.App.Services);
        var covered = MatrixRows.All.Select(r => r.Key).ToHashSet();
        reachable.Where(k => !covered.Contains(k)).ShouldBeEmpty("reachable without a row in MatrixRows: say who may call it");
        covered.Where(k => !reachable.Contains(k)).ShouldBeEmpty("rows for endpoints that no longer exist");
        MatrixRows.All.GroupBy(r => r.Name).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty("rows named twice");
    }

    [Fact]
    public async Task EveryCell_RefusesWhomTheRulesRefuse_AllowsWhomTheyAllow_AndLeaksNoOtherCitysData()
    {
        var failures = new List<string>();
        using var raw = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = world.App.BaseAddress };
        foreach (var row in MatrixRows.All)
        foreach (var who in Enum.GetValues<Who>())
        {
            var (status, refused, body) = row.Hub is not null ? await CallHubAsync(row, who) : await CallHttpAsync(raw, row, who);
            var cell = $"{row.Name} × {who}";
            if (!row.Open && row.Allows(who) && (refused || status >= 500)) failures.Add($"{cell}: refused or failed ({status}), but the rules allow it");
            if (!row.Open && !row.Allows(who) && !refused) failures.Add($"{cell}: answered {status}, but the rules refuse it");
            if (row.MaySee(who)) continue;
            foreach (var (marker, exempt) in world.Secrets)
                if (!exempt.Contains(who) && body.Contains(marker, StringComparison.Ordinal)) failures.Add($"{cell}: the body carries 马鞍山's data «{marker}»");
        }
        failures.ShouldBeEmpty();
    }

    private async Task<(int Status, bool Refused, string Body)> CallHttpAsync(HttpClient raw, MatrixRow row, Who who)
    {
        using var request = row.Http!(world, who);
        // Sent outside the caller's cookie jar, so a sign-out (or any Set-Cookie) cannot change who they are for later rows.
        var cookies = world.Sessions[who].CookieHeader;
        if (cookies.Length > 0) request.Headers.Add("Cookie", cookies);
        request.Headers.Add("Origin", world.App.BaseAddress.GetLeftPart(UriPartial.Authority));
        using var response = await raw.SendAsync(request);
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.OriginalString ?? "";
        var refused = status is 401 or 403 or 404
                      || response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found && (location.Contains("/Account/Login") || location.Contains("/Account/AccessDenied"));
        return (status, refused, Readable(await response.Content.ReadAsStringAsync()));
    }

    private async Task<(int Status, bool Refused, string Body)> CallHubAsync(MatrixRow row, Who who)
    {
        await using var hub = await world.Sessions[who].HubAsync();
        try { return (200, false, Readable((await row.Hub!(world, hub)).GetRawText())); }
        catch (HubException ex) { return (403, true, ex.Message); }
    }

    [GeneratedRegex(@"\\u([0-9A-Fa-f]{4})")]
    private static partial Regex JsonEscape();

    /// <summary>Bodies as a person reads them: JSON's \uXXXX escapes and HTML's entities undone, so no marker hides behind encoding.</summary>
    private static string Readable(string body) =>
        WebUtility.HtmlDecode(JsonEscape().Replace(body, m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString()));
}
