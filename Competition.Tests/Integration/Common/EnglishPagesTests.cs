using System.Net;
using System.Xml.Linq;
using Competition.Engine.Persistence;
using Competition.Tests.Infrastructure;
using Competition.Tests.Integration.Contests;

namespace Competition.Tests.Integration.Common;

/// <summary>
/// After the switch on the home page, the pages nobody else owns read in English: none of their Chinese texts (the keys of
/// their English resources, longer than two characters so that data such as "单位1234" is not mistaken for one) is left,
/// and each shows some of its English; switching back shows Chinese again.
/// </summary>
public class EnglishPagesTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static string ResourceDir => Path.Combine(Paths.RepoRoot, "Competition.Web", "Resources", "Pages");

    private static IEnumerable<string> Keys(params string[] resx) => resx
        .SelectMany(r => XDocument.Load(Path.Combine(ResourceDir, r + ".en.resx")).Root!.Elements("data").Select(d => d.Attribute("name")!.Value))
        .Where(k => k.Length > 2 && !k.Contains('{'));

    private static async Task<string> EnglishAsync(HttpClient client, string path, string[] resx, params string[] english)
    {
        var res = await client.GetAsync(path);
        var html = WebUtility.HtmlDecode(await res.Content.ReadAsStringAsync());
        html.ShouldContain("<html lang=\"en\">", customMessage: path);
        foreach (var key in Keys([.. resx, "Shared/_Layout"])) html.ShouldNotContain(key, customMessage: $"{path} still shows 「{key}」");
        foreach (var text in english) html.ShouldContain(text, customMessage: path);
        return html;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AfterTheSwitch_TheLayoutAccountErrorUnitParticipationControlBoardAndApiPages_AreEnglish_UntilSwitchedBack(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var s = await ContestScenario.CreateAsync(app, DateTime.UtcNow);
        var anonymous = app.NewClient();
        var home = await anonymous.GetStringAsync("/");
        var switchLink = System.Text.RegularExpressions.Regex.Match(home, "href=\"(/culture/en[^\"]*)\"").Groups[1].Value;
        (await anonymous.GetAsync(WebUtility.HtmlDecode(switchLink))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        await EnglishAsync(anonymous, "/", ["Index"], "Sign in", "Register", "Welcome");
        await EnglishAsync(anonymous, "/Account/Login", ["Account/Login"], "Mobile number / employee no. / account", "Password");
        await EnglishAsync(anonymous, "/Account/Register", ["Account/Register"], "Worker registration", "Register and sign in");
        await EnglishAsync(anonymous, "/Account/AccessDenied", ["Account/AccessDenied"], "Access denied");
        await EnglishAsync(anonymous, "/Error/404", ["Error"], "Page not found", "Back to the home page");
        await EnglishAsync(anonymous, "/Docs/Api", ["Docs/Api"], "API reference", "/openapi/v1.json");
        await EnglishAsync(anonymous, $"/Contests/Board/{s.ContestId}?view=projector", ["Contests/Board"], "Scoreboard", "Practical", "Connecting…");
        await EnglishAsync(anonymous, "/Results", ["Results/Index"], "Published results", "No results are published yet");
        await EnglishAsync(anonymous, $"/Results/{s.ContestId}", ["Results/Contest"], "Published results", "results are not published yet");

        // The organizer's own cookie: the language travels with the browser, set by the same switch.
        var organizer = await app.OrganizerClientAsync();
        (await organizer.GetAsync("/culture/en?returnUrl=/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await EnglishAsync(organizer, "/", ["Index"], "Manage exams", "Participation", "Accounts", "API reference");
        await EnglishAsync(organizer, "/Organizations/Units", ["Organizations/Units"], "Add to my city", "Rename");
        await EnglishAsync(organizer, "/Organizations/Participation?From=2026-01-01&To=2026-01-31", ["Organizations/Participation", "Organizations/_RankingTable", "Organizations/_CountTable"],
            "Units by participation", "Participation points");
        await EnglishAsync(organizer, $"/Contests/Control/{s.ContestId}", ["Contests/Control"], "Contest control", "Freeze now", "Reveal next (bottom up)");
        await EnglishAsync(organizer, $"/Contests/Board/{s.ContestId}?view=jury", ["Contests/Board"], "Scoreboard", "Rank");

        (await organizer.GetAsync("/culture/zh-CN?returnUrl=/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var chinese = WebUtility.HtmlDecode(await organizer.GetStringAsync($"/Contests/Control/{s.ContestId}"));
        chinese.ShouldContain("<html lang=\"zh-CN\">");
        chinese.ShouldContain("立即封榜");
        chinese.ShouldNotContain("Freeze now");
    }
}
