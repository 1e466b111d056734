using Competition.Engine.Rankings;

namespace Competition.Tests.Unit.Rankings;

public class WorkingDaysTests
{
    private static readonly DateOnly Tuesday = new(2026, 12, 1);

    [Fact]
    public void FiveWorkingDaysFromATuesday_SkipTheWeekend_AndEndAtMidnightBeijingTime()
    {
        WorkingDays.WeekendsOnly.LastDay(Tuesday, 5).ShouldBe(new DateOnly(2026, 12, 8));
        WorkingDays.WeekendsOnly.NoticeEndsUtc(new DateTime(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc), 5)
            .ShouldBe(new DateTime(2026, 12, 8, 16, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void AHolidayIsSkipped_AndAMakeUpSaturdayCounts()
    {
        var calendar = new WorkingDays(new HashSet<DateOnly> { new(2026, 12, 7) }, new HashSet<DateOnly> { new(2026, 12, 5) });
        calendar.IsWorkingDay(new DateOnly(2026, 12, 7)).ShouldBeFalse();
        calendar.IsWorkingDay(new DateOnly(2026, 12, 5)).ShouldBeTrue();
        // Wed 2, Thu 3, Fri 4, Sat 5 (调休), Tue 8 (Mon 7 is a holiday).
        calendar.LastDay(Tuesday, 5).ShouldBe(new DateOnly(2026, 12, 8));
        new WorkingDays(new HashSet<DateOnly> { new(2026, 12, 7) }, new HashSet<DateOnly>()).LastDay(Tuesday, 5).ShouldBe(new DateOnly(2026, 12, 9));
    }

    [Fact]
    public void ANoticeStartedLateOnFridayInBeijing_CountsFromTheBeijingDay()
    {
        // 2026-12-04 17:00 UTC is Saturday 01:00 in Beijing: the next working day is Monday 7.
        WorkingDays.WeekendsOnly.NoticeEndsUtc(new DateTime(2026, 12, 4, 17, 0, 0, DateTimeKind.Utc), 1)
            .ShouldBe(new DateTime(2026, 12, 7, 16, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void ZeroWorkingDays_AreRefused() => Should.Throw<ArgumentOutOfRangeException>(() => WorkingDays.WeekendsOnly.LastDay(Tuesday, 0));
}
