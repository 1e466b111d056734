using Competition.Engine.Practice;

namespace Competition.Tests.Unit.Practice;

public class ParticipationWindowTests
{
    // 2026-12-01 17:00 UTC is already 2026-12-02 in China.
    private static readonly DateTime Now = new(2026, 12, 1, 17, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void ByDefault_TheLast30ChinaDaysUpToToday() =>
        ParticipationWindow.Resolve(null, null, Now).ShouldBe((new DateOnly(2026, 11, 3), new DateOnly(2026, 12, 2)));

    [Fact]
    public void AGivenEnd_Keeps30DaysBeforeIt_AndAGivenStartIsKept()
    {
        ParticipationWindow.Resolve(null, new DateOnly(2026, 6, 30), Now).ShouldBe((new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 30)));
        ParticipationWindow.Resolve(new DateOnly(2026, 1, 1), null, Now).ShouldBe((new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 2)));
    }
}
