using Competition.Engine.Common;
using Competition.Engine.Practice;

namespace Competition.Tests.Unit.Practice;

public class WrongBookEntryTests
{
    // 2026-03-02 10:00 in Shanghai; China days are what count, not UTC days.
    private static readonly DateTime Monday = new(2026, 3, 2, 2, 0, 0, DateTimeKind.Utc);

    private static WrongBookEntry Entry() => new(Guid.NewGuid(), "lathe-operator-001", "lathe-operator", Monday);

    private static bool Right(WrongBookEntry e, DateTime utc) => e.AnsweredRight(TimeZones.ShanghaiDay(utc), utc);

    [Fact]
    public void RightTwiceOnTheSameDay_Stays()
    {
        var e = Entry();
        Right(e, Monday.AddHours(1)).ShouldBeFalse();
        Right(e, Monday.AddHours(5)).ShouldBeFalse();
        e.IsActive.ShouldBeTrue();
    }

    [Fact]
    public void RightOnTwoDifferentDays_Leaves()
    {
        var e = Entry();
        Right(e, Monday.AddHours(1)).ShouldBeFalse();
        Right(e, Monday.AddDays(1)).ShouldBeTrue();
        e.IsActive.ShouldBeFalse();
        e.MasteredAt.ShouldBe(Monday.AddDays(1));
    }

    [Fact]
    public void SameUtcDayButDifferentChinaDays_Leaves()
    {
        var e = Entry();
        var lateMonday = new DateTime(2026, 3, 2, 15, 30, 0, DateTimeKind.Utc);   // 23:30 Monday in Shanghai
        var earlyTuesday = new DateTime(2026, 3, 2, 16, 30, 0, DateTimeKind.Utc); // 00:30 Tuesday in Shanghai
        Right(e, lateMonday).ShouldBeFalse();
        Right(e, earlyTuesday).ShouldBeTrue();
    }

    [Fact]
    public void AWrongAnswerInBetween_StartsTheCountAgain()
    {
        var e = Entry();
        Right(e, Monday.AddHours(1)).ShouldBeFalse();
        e.AnsweredWrong(Monday.AddHours(2));
        e.WrongCount.ShouldBe(2);
        Right(e, Monday.AddDays(1)).ShouldBeFalse();
        e.IsActive.ShouldBeTrue();
        Right(e, Monday.AddDays(2)).ShouldBeTrue();
    }

    [Fact]
    public void WrongAfterLeaving_ComesBackIntoTheBook()
    {
        var e = Entry();
        Right(e, Monday);
        Right(e, Monday.AddDays(1)).ShouldBeTrue();
        e.AnsweredWrong(Monday.AddDays(3));
        e.IsActive.ShouldBeTrue();
        e.AddedAt.ShouldBe(Monday.AddDays(3));
        Right(e, Monday.AddDays(4)).ShouldBeFalse();
    }
}
