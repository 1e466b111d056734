using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
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

        var acked = new ConcurrentDictionary<int, long>();
        long seq = 0;
        var refused = 0;
        var senders = Enumerable.Range(0, 8).Select(t => Task.Run(async () =>
        {
            for (var k = 0; k < 40; k++)
            {
                var item = (t + k) % 10;
                var s = Interlocked.Increment(ref seq);
                var key = Bank[paper[item].QuestionId].Answer[0];
                var response = s % 2 == 0 ? key : (key == "A" ? "B" : "A"); // right and wrong in turn, so a lost save changes the score
                var res = await SaveAsync(worker, attempt, item, response, s);
                if (res.StatusCode == HttpStatusCode.OK) acked.AddOrUpdate(item, s, (_, old) => Math.Max(old, s));
                else if (res.StatusCode == HttpStatusCode.Conflict) Interlocked.Increment(ref refused);
                else throw new InvalidOperationException($"unexpected {res.StatusCode}");
            }
        })).ToList();
        await Task.Delay(150);
        (await worker.PostAsync($"/api/attempts/{attempt}/submit", null)).EnsureSuccessStatusCode();
        await Task.WhenAll(senders);

        await using var check = app.Database.NewContext();
        var stored = await check.AttemptAnswers.AsNoTracking().Where(a => a.AttemptId == attempt).ToDictionaryAsync(a => a.Item);
        foreach (var (item, s) in acked) stored[item].Sequence.ShouldBeGreaterThanOrEqualTo(s, $"item {item}");
        var submitted = await check.Attempts.AsNoTracking().SingleAsync(a => a.Id == attempt);
        var expected = paper.Select((p, i) => stored.TryGetValue(i, out var a) ? Marker.Mark(Bank[p.QuestionId], a.Response, p.Points).Awarded ?? 0 : 0).Sum();
        submitted.Score.ShouldBe(expected);
        (acked.Count + refused).ShouldBeGreaterThan(0);
    }
}
