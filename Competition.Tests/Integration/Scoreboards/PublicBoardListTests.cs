using Competition.Engine.Judging;
using Competition.Engine.Persistence;
using Competition.Engine.Scoreboards;
using Competition.Tests.Infrastructure;
using Competition.Tests.Integration.Contests;

namespace Competition.Tests.Integration.Scoreboards;

/// <summary>The home page lists the public boards of contests under way, so a projector reaches one without an account.</summary>
public class PublicBoardListTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AScheduledContest_IsNotListed_OnceRunning_ItsGroupsBoardsAreOnTheHomePageForAnyone(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var s = await ContestScenario.CreateAsync(app, DateTime.UtcNow.AddHours(2));   // starts in two hours
        (await app.SendAsync(new ListPublicBoards.Query())).ShouldNotContain(b => b.ContestId == s.ContestId);
        var anonymous = app.NewClient();
        (await anonymous.GetStringAsync("/")).ShouldNotContain(s.ContestId.ToString());

        (await s.MoveToAsync(ContestPhase.Running)).EnsureSuccessStatusCode();
        var row = (await app.SendAsync(new ListPublicBoards.Query())).Single(b => b.ContestId == s.ContestId);
        row.Phase.ShouldBe(ContestPhase.Running);
        row.Groups.ShouldBe([ContestScenario.Group]);
        var home = await anonymous.GetStringAsync("/");
        home.ShouldContain($"/Contests/Board/{s.ContestId}?group={Uri.EscapeDataString(ContestScenario.Group)}&amp;view=projector");
    }
}
