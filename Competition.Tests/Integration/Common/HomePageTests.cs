using System.Net;
using System.Text.RegularExpressions;
using Competition.Engine.Accounts;
using Competition.Engine.Persistence;
using Competition.Tests.Infrastructure;

namespace Competition.Tests.Integration.Common;

/// <summary>The home page shows each role the cards and links of what it may open, and nothing of the other roles.</summary>
public class HomePageTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static readonly string[] WorkerLinks = ["/Practice", "/Practice/WrongBook", "/Practice/Progress", "/Exams"];
    private static readonly string[] JudgeLinks = ["/Judging"];
    private static readonly string[] OrganizerLinks =
        ["/Contests/Manage", "/Exams/Manage", "/QuestionBank", "/QuestionBank/Import", "/Organizations/Units", "/Organizations/Participation", "/Organizations/Accounts"];
    private static readonly string[] AnonymousLinks = ["/Account/Login", "/Account/Register"];

    /// <summary>The hrefs inside the page's main part (the nav bar is the layout's, tested on its own).</summary>
    private static async Task<(string[] Cards, string[] Links)> HomeAsync(HttpClient client)
    {
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/"));
        var main = html[html.IndexOf("<main", StringComparison.Ordinal)..html.IndexOf("</main>", StringComparison.Ordinal)];
        var cards = Regex.Matches(main, "data-testid=\"home-card-([a-z]+)\"").Select(m => m.Groups[1].Value).Order().ToArray();
        var links = Regex.Matches(main, "href=\"([^\"]+)\"").Select(m => m.Groups[1].Value).Order().ToArray();
        return (cards, links);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EachRole_SeesOnlyItsOwnCardAndLinks(DatabaseProvider provider)
    {
        var app = await apps.For(provider);

        var anonymous = await HomeAsync(app.NewClient());
        anonymous.Cards.ShouldBe(["anonymous"]);
        anonymous.Links.ShouldBe(AnonymousLinks.Order().ToArray());

        var worker = await HomeAsync(await app.SignedInClientAsync((await app.CreateWorkerAsync()).UserName));
        worker.Cards.ShouldBe(["worker"]);
        worker.Links.ShouldBe(WorkerLinks.Order().ToArray());

        foreach (var role in new[] { Roles.Judge, Roles.ChiefJudge })
        {
            var judge = await HomeAsync(await app.SignedInClientAsync(await app.CreateStaffAsync(role, "maanshan")));
            judge.Cards.ShouldBe(["judge"], role);
            judge.Links.ShouldBe(JudgeLinks, role);
        }

        var organizer = await HomeAsync(await app.OrganizerClientAsync());
        organizer.Cards.ShouldBe(["organizer"]);
        organizer.Links.ShouldBe(OrganizerLinks.Order().ToArray());

        var admin = await HomeAsync(await app.SignedInClientAsync(await app.CreateStaffAsync(Roles.Admin)));
        admin.Cards.ShouldBe(["organizer"]);
        admin.Links.ShouldBe(OrganizerLinks.Order().ToArray());
    }
}
