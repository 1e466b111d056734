using Competition.Engine.Accounts;
using Competition.Engine.Judging;
using Competition.Engine.Persistence;
using Competition.Engine.Rankings;
using Competition.Tests.Infrastructure;
using Competition.Tests.Integration.Contests;
using static Competition.Tests.Integration.Rankings.ResultPublicationTests;

namespace Competition.Tests.Integration.Rankings;

/// <summary>
/// The queries behind the results pages, on both databases: the public list (ListPublicResults) shows a contest only once a
/// version is public, the chief judge's 我的竞赛 points at a draft awaiting their signature, and the public page never
/// renders a draft, whoever reads it (a worker, or the organizer who can see the draft on their own page).
/// </summary>
public class ResultPagesTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DraftThenNotice_ListedAndRenderedOnlyOncePublic_ChiefJudgePointedAtTheDraft(DatabaseProvider provider)
    {
        var clock = new FakeClock(new DateTimeOffset(DateTime.UtcNow.AddDays(1), TimeSpan.Zero));   // ahead of real time: cookies stay valid
        await using var app = await AppFactory.StartAsync(provider, AppFactory.ClockDrivenByTest(), clock);
        var s = await ContestScenario.CreateAsync(app, clock.GetUtcNow().UtcDateTime);
        var organizerName = await app.CreateStaffAsync(Roles.Organizer, "maanshan");
        var organizer = await ActorAsync(app, organizerName, Roles.Organizer, "maanshan");
        var chief = await ActorAsync(app, s.Chief, Roles.ChiefJudge, "maanshan");
        await FinalizeAsync(app, s);
        var draft = await app.SendAsync(new DraftResults.Command(s.ContestId, AwardRule.ByCount(1, 1, 1), null, organizer));

        (await app.SendAsync(new ListPublicResults.Query())).ShouldNotContain(r => r.ContestId == s.ContestId);
        (await app.SendAsync(new ListMyContests.Query(chief))).Single(c => c.Id == s.ContestId).ResultsAwaitSignature.ShouldBeTrue();
        var worker = await app.SignedInClientAsync((await app.CreateWorkerAsync()).UserName);
        var organizerHttp = await app.SignedInClientAsync(organizerName);
        (await ReadAsync(organizerHttp, $"/Rankings/Manage/{s.ContestId}")).ShouldContain("张三");   // the draft exists and names him
        foreach (var reader in new[] { worker, organizerHttp, app.NewClient() })
        {
            var page = await ReadAsync(reader, $"/Results/{s.ContestId}");
            page.ShouldContain("尚未公示");
            page.ShouldNotContain("张三");
            page.ShouldNotContain(draft.ContentHash);
        }

        await app.SendAsync(new SignResults.Command(draft.VersionId, draft.ContentHash, SignResults.As.ChiefJudge, chief));
        (await app.SendAsync(new ListMyContests.Query(chief))).Single(c => c.Id == s.ContestId).ResultsAwaitSignature.ShouldBeFalse();
        await app.SendAsync(new SignResults.Command(draft.VersionId, draft.ContentHash, SignResults.As.Organizer, organizer));
        var notice = await app.SendAsync(new StartPublicNotice.Command(draft.VersionId, 5, organizer));

        var row = (await app.SendAsync(new ListPublicResults.Query())).Single(r => r.ContestId == s.ContestId);
        (row.Number, row.State, row.StateName, row.Trade, row.Level, row.NoticeEndsAt).ShouldBe((1, ResultState.Notice, "公示中", "钳工", "省级", (DateTime?)notice.NoticeEndsAtUtc));
        (await ReadAsync(app.NewClient(), "/Results")).ShouldContain(row.Title);
        var published = await ReadAsync(worker, $"/Results/{s.ContestId}");
        published.ShouldContain("张三");
        published.ShouldContain("一等奖");
        published.ShouldContain(draft.ContentHash);
    }

    /// <summary>The page as a person reads it (Razor writes Chinese as character references).</summary>
    private static async Task<string> ReadAsync(HttpClient http, string path) => System.Net.WebUtility.HtmlDecode(await http.GetStringAsync(path));
}
