using Competition.Engine.Exams;

namespace Competition.Tests.Unit.Exams;

/// <summary>What a save that was not written is told: never "stored" unless the very same answer is stored.</summary>
public class AnswerSavesTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 1, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Attempt = Guid.NewGuid();

    private static AnswerSave Save(string response, long seq, string writer = "browser-0001", bool flagged = false) =>
        new(Attempt, 0, response, flagged, 0, writer, seq);

    private static AnswerSaves.StoredAnswer Stored(string response, long seq, string? writer = "browser-0001", long version = 3, bool flagged = false) =>
        new(version, writer, seq, response, flagged, Now.AddSeconds(-5));

    [Fact]
    public void TheSameSaveAlreadyStored_IsAcknowledgedAsStored_EvenWhenTheAttemptClosed()
    {
        var outcome = AnswerSaves.WhyNotWritten(Save("A", 5), Stored("A", 5), accepting: false, Now);
        outcome.Status.ShouldBe(SaveStatus.Stored);
        outcome.Version.ShouldBe(3);
    }

    [Theory]
    [InlineData("B", 5, "browser-0001", false)]  // same count, other answer
    [InlineData("A", 5, "browser-0002", false)]  // other browser
    [InlineData("A", 4, "browser-0001", false)]  // other count
    [InlineData("A", 5, "browser-0001", true)]   // other flag
    public void AnythingElse_IsNotStored_AndReturnsTheStoredAnswer(string response, long seq, string writer, bool flagged)
    {
        var outcome = AnswerSaves.WhyNotWritten(Save(response, seq, writer, flagged), Stored("A", 5), accepting: true, Now);
        outcome.Status.ShouldBe(SaveStatus.Newer);
        outcome.Response.ShouldBe("A");
        outcome.Version.ShouldBe(3);
    }

    [Fact]
    public void AClosedAttempt_IsClosed_WhetherOrNotAnythingIsStored()
    {
        AnswerSaves.WhyNotWritten(Save("B", 6), Stored("A", 5), accepting: false, Now).Status.ShouldBe(SaveStatus.Closed);
        AnswerSaves.WhyNotWritten(Save("B", 6), null, accepting: false, Now).Status.ShouldBe(SaveStatus.Closed);
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef", true)]
    [InlineData("phone-browser-0001", true)]
    [InlineData("short", false)]
    [InlineData("has space in it", false)]
    [InlineData("", false)]
    public void WriterIds_AreShortPlainTokens(string writer, bool valid) => AnswerSaves.IsValidWriter(writer).ShouldBe(valid);
}
