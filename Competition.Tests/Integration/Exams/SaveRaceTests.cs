using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Competition.Engine.Exams;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using Competition.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Competition.Tests.Integration.Exams.ExamScenario;

namespace Competition.Tests.Integration.Exams;

/// <summary>An acknowledged answer is never lost: saves racing a submit are either refused or stored and marked.</summary>
public class SaveRaceTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private const int Senders = 5;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SavesRacingASubmit_AreRefusedOrStoredAndMarked_NeverAcknowledgedAndLost(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var organizer = await app.OrganizerClientAsync();
        var bp = new Blueprint([new("单选题", [Cell(QuestionType.Single, 10)])], Tolerance: 2);
        var examId = await PublishedExamAsync(organizer, bp, Settings(DateTime.UtcNow) with { PassMark = 1 });
        var (user, _) = await app.CreateWorkerAsync();
        var worker = await app.SignedInClientAsync(user);
        var attempt = await StartAsync(worker, examId);
        IReadOnlyList<PaperItem> paper;
        await using (var db = app.Database.NewContext())
            paper = (await db.Papers.SingleAsync(p => p.ExamId == examId)).Items;

        // Each sender is one browser owning two items, answering them right and wrong in turn (so a lost save changes
        // the score) until the server refuses because the attempt is submitted.
        var lastAcked = new ConcurrentDictionary<int, (long Version, string Response)>();
        // The barrier: the submit goes out once every sender has had answers stored, while all of them keep sending.
        var warmSenders = 0;
        var warm = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var refused = 0;
        var senders = Enumerable.Range(0, Senders).Select(t => Task.Run(async () =>
        {
            var writer = $"race-writer-{t:D4}";
            var bases = new Dictionary<int, long>();
            for (var n = 1; n <= 5000; n++)
            {
                var item = n % 2 == 0 ? t : t + Senders;
                var key = Bank[paper[item].QuestionId].Answer[0];
                var response = n % 4 < 2 ? key : (key == "A" ? "B" : "A");
                var res = await SaveAsAsync(worker, attempt, item, response, bases.GetValueOrDefault(item), writer, n);
                if (res.StatusCode == HttpStatusCode.Conflict) { Interlocked.Increment(ref refused); return; }
                res.StatusCode.ShouldBe(HttpStatusCode.OK);
                var body = await res.Content.ReadFromJsonAsync<JsonElement>();
                body.GetProperty("stored").GetBoolean().ShouldBeTrue("the only writer of its items is never refused as stale");
                bases[item] = body.GetProperty("version").GetInt64();
                lastAcked[item] = (bases[item], response);
                if (n == 4 && Interlocked.Increment(ref warmSenders) == Senders) warm.SetResult();
            }
            throw new InvalidOperationException("the submit never refused a save");
        })).ToList();

        await warm.Task.WaitAsync(TimeSpan.FromMinutes(2));
        (await worker.PostAsync($"/api/attempts/{attempt}/submit", null)).EnsureSuccessStatusCode();
        await Task.WhenAll(senders);

        await using var check = app.Database.NewContext();
        var stored = await check.AttemptAnswers.AsNoTracking().Where(a => a.AttemptId == attempt).ToDictionaryAsync(a => a.Item);
        lastAcked.Count.ShouldBe(10);
        foreach (var (item, acked) in lastAcked)
        {
            stored[item].Version.ShouldBe(acked.Version, $"item {item}");
            stored[item].Response.ShouldBe(acked.Response, $"item {item}");
        }
        var submitted = await check.Attempts.AsNoTracking().SingleAsync(a => a.Id == attempt);
        var expected = paper.Select((p, i) => stored.TryGetValue(i, out var a) ? Marker.Mark(Bank[p.QuestionId], a.Response, p.Points).Awarded ?? 0 : 0).Sum();
        submitted.Score.ShouldBe(expected);
        refused.ShouldBe(Senders);
    }
}
