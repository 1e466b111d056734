using Competition.Engine.Persistence;
using Competition.Tests.Infrastructure;
using Competition.Tests.Integration.Contests;

namespace Competition.Tests.Integration.Scoreboards;

/// <summary>Boards say which practical marks are still outstanding (待评) and carry the scheduled freeze and end to count down to.</summary>
public class BoardPendingTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AContestantWithEveryItemMarked_IsNoLongerPending_TheOthersStay(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var now = DateTime.UtcNow;
        var s = await ContestScenario.CreateAsync(app, now);
        var before = await s.BoardAsync(jury: false);
        before.Rows.ShouldAllBe(r => r.PracticalPending);
        before.FreezeAt!.Value.ShouldBe(now.AddMinutes(30), TimeSpan.FromSeconds(1));
        before.EndsAt!.Value.ShouldBe(now.AddMinutes(60), TimeSpan.FromSeconds(1));
        before.EndsAt.Value.Kind.ShouldBe(DateTimeKind.Utc);

        await s.MarkFullyAsync("A001", met: true, measured: 20.00, 2, 2, 2);
        foreach (var jury in new[] { false, true })
        {
            var board = await s.BoardAsync(jury);
            board.Rows.Single(r => r.Number == "A001").PracticalPending.ShouldBeFalse();
            board.Rows.Where(r => r.Number != "A001").ShouldAllBe(r => r.PracticalPending);
        }
    }
}
