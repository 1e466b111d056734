using System.Net;
using System.Text.RegularExpressions;
using Competition.Engine.Accounts;
using Competition.Engine.Persistence;
using Competition.Tests.Infrastructure;

namespace Competition.Tests.Integration.Common;

/// <summary>The home page shows each role the cards and links of what it may open, and nothing of the other roles.</summary>
public class HomePageTests(SharedApps apps) : IClassFixture<SharedApps>
{
    // 成绩公示 is public: every role, signed in or not, has its card and link besides its own.
    private const string Results = "/Results";
    private static readonly string[] WorkerLinks = ["/Practice", "/Practice/WrongBook", "/Practice/Progress", "/Exams", Results];
    private static readonly string[] JudgeLinks = ["/Judging", Results];
    private static readonly string[] OrganizerLinks =
        ["/Contests/Manage", "/Exams/Manage", "/QuestionBank", "/QuestionBank/Import", "/Organizations/Units", "/Organizations/Participation", "/Organizations/Accounts", Results];
    private static readonly string[] AnonymousLinks = ["/Account/Login", "/Account/Register", Results];

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
        anonymous.Cards.ShouldBe(["anonymous", "results"]);
        anonymous.Links.ShouldBe(AnonymousLinks.Order().ToArray());

        var worker = await HomeAsync(await app.SignedInClientAsync((await app.CreateWorkerAsync()).UserName));
        worker.Cards.ShouldBe(["results", "worker"]);
        worker.Links.ShouldBe(WorkerLinks.Order().ToArray());

        foreach (var role in new[] { Roles.Judge, Roles.ChiefJudge })
        {
            var judge = await HomeAsync(await app.SignedInClientAsync(await app.CreateStaffAsync(role, "maanshan")));
            judge.Cards.ShouldBe(["judge", "results"], role);
            judge.Links.ShouldBe(JudgeLinks.Order().ToArray(), role);
        }

        var organizer = await HomeAsync(await app.OrganizerClientAsync());
        organizer.Cards.ShouldBe(["organizer", "results"]);
        organizer.Links.ShouldBe(OrganizerLinks.Order().ToArray());

        var admin = await HomeAsync(await app.SignedInClientAsync(await app.CreateStaffAsync(Roles.Admin)));
        admin.Cards.ShouldBe(["organizer", "results"]);
        admin.Links.ShouldBe(OrganizerLinks.Order().ToArray());
    }
}
