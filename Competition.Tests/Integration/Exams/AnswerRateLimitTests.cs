using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Competition.Engine.Persistence;
using Competition.Tests.Infrastructure;
using static Competition.Tests.Integration.Exams.ExamScenario;

namespace Competition.Tests.Integration.Exams;

public class AnswerRateLimitTests
{
    [Fact]
    public async Task SavesBeyondTheBurst_Get429WithRetryAfter_PerUser()
    {
        // A burst of 3 and then one save per 100 s: the fourth save in a row is over the limit however slow the machine.
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite, new() { ["RateLimits:AnswersBurst"] = "3", ["RateLimits:AnswersPerSecond"] = "0.01" });
        var organizer = await app.OrganizerClientAsync();
        var exam = await PublishedExamAsync(organizer, Standard, Settings(DateTime.UtcNow));
        var (first, _) = await app.CreateWorkerAsync();
        var worker = await app.SignedInClientAsync(first);
        var attempt = await StartAsync(worker, exam);
        for (var i = 1; i <= 3; i++) (await SaveAsync(worker, attempt, 0, "A", i)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var refused = await SaveAsync(worker, attempt, 0, "B", 4);
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        int.Parse(refused.Headers.GetValues("Retry-After").Single()).ShouldBeGreaterThan(0);
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!.ShouldContain("秒后再试");

        // Another worker has a bucket of their own.
        var (second, _) = await app.CreateWorkerAsync();
        var other = await app.SignedInClientAsync(second);
        (await SaveAsync(other, await StartAsync(other, exam), 0, "A", 1)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
