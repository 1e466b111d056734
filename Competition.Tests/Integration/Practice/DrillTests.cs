using System.Net.Http.Json;
using System.Text.Json;
using Competition.Engine.Persistence;
using Competition.Engine.Practice;
using Competition.Engine.QuestionBank;
using Competition.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Competition.Tests.Integration.Practice.PracticeKit;

namespace Competition.Tests.Integration.Practice;

public class DrillTests(ClockedApps apps) : IClassFixture<ClockedApps>
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task StartNextAnswer_RecordsEachAnswerAndCountsTheSession(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var (user, workerId) = await app.CreateWorkerAsync("maanshan");
        var client = await app.SignedInClientAsync(user);
        var ids = await QuestionIdsAsync(app, "lathe-operator", SkillLevel.Level5);

        var session = await StartAsync(client, level: "Level5");
        var first = (await NextAsync(client, session))!.Value;
        first.Id.ShouldBe(ids[0]);
        var right = await AnswerAsync(app, client, session, first.Id, right: true);
        right.GetProperty("correct").GetBoolean().ShouldBeTrue();
        right.GetProperty("awarded").GetDouble().ShouldBe(1);
        right.GetProperty("explanationHtml").GetString()!.Length.ShouldBeGreaterThan(10);

        var second = (await NextAsync(client, session))!.Value;
        second.Id.ShouldBe(ids[1]);
        var wrong = await AnswerAsync(app, client, session, second.Id, right: false);
        wrong.GetProperty("correct").GetBoolean().ShouldBeFalse();
        wrong.GetProperty("wentIntoWrongBook").GetBoolean().ShouldBeTrue();
        wrong.GetProperty("sessionAnswered").GetInt32().ShouldBe(2);
        wrong.GetProperty("sessionCorrect").GetInt32().ShouldBe(1);

        await using var db = app.Database.NewContext();
        var records = await db.PracticeRecords.Where(r => r.WorkerId == workerId).OrderBy(r => r.QuestionId).ToListAsync();
        records.Select(r => (r.QuestionId, r.Seen, r.Correct, r.LastCorrect)).ShouldBe([(ids[0], 1, 1, true), (ids[1], 1, 0, false)]);
        var s = await db.PracticeSessions.SingleAsync(x => x.Id == session);
        (s.Answered, s.Correct, s.CityCode, s.Mode).ShouldBe((2, 1, "maanshan", PracticeMode.InOrder));
        s.UnitId.ShouldBe(await db.Workers.Where(w => w.Id == workerId).Select(w => w.UnitId).SingleAsync());
        (await db.WrongBookEntries.Where(e => e.WorkerId == workerId).Select(e => e.QuestionId).ToListAsync()).ShouldBe([ids[1]]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task QuestionsSeenLeast_ComeFirst_AcrossSessionsAndInRandomMode(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var client = await app.SignedInClientAsync((await app.CreateWorkerAsync()).UserName);
        var ids = await QuestionIdsAsync(app, "lathe-operator", SkillLevel.Level5);
        var inOrder = await StartAsync(client, level: "Level5");
        var seen = new HashSet<string>();
        for (var i = 0; i < 2; i++)
        {
            var q = (await NextAsync(client, inOrder))!.Value;
            seen.Add(q.Id).ShouldBeTrue();
            await AnswerAsync(app, client, inOrder, q.Id, right: true);
        }

        // A new random session walks the rest of the level before repeating anything.
        var random = await StartAsync(client, mode: "Random", level: "Level5");
        for (var i = 2; i < ids.Count; i++)
        {
            var q = (await NextAsync(client, random))!.Value;
            seen.Add(q.Id).ShouldBeTrue($"{q.Id} came again before every question was seen once");
            await AnswerAsync(app, client, random, q.Id, right: i % 2 == 0);
        }
        seen.Order(StringComparer.Ordinal).ShouldBe(ids);
        // Everything seen once: in order starts again from the first id.
        (await NextAsync(client, await StartAsync(client, level: "Level5")))!.Value.Id.ShouldBe(ids[0]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task WrongBook_TakesAWrongAnswer_AndReleasesItAfterRightAnswersOnTwoChinaDays(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        apps.NextChinaDayAt(22);
        var client = await app.SignedInClientAsync((await app.CreateWorkerAsync()).UserName);
        var drill = await StartAsync(client, level: "Level4");
        var q = (await NextAsync(client, drill))!.Value;
        (await AnswerAsync(app, client, drill, q.Id, right: false)).GetProperty("wentIntoWrongBook").GetBoolean().ShouldBeTrue();
        var book = await client.GetFromJsonAsync<JsonElement>("/api/practice/wrong-book?trade=lathe-operator");
        var entry = book.EnumerateArray().ShouldHaveSingleItem();
        (entry.GetProperty("questionId").GetString(), entry.GetProperty("wrongCount").GetInt32(), entry.GetProperty("answeredRightOnce").GetBoolean())
            .ShouldBe((q.Id, 1, false));

        var review = await StartAsync(client, mode: "WrongBook");
        (await NextAsync(client, review))!.Value.Id.ShouldBe(q.Id);
        (await AnswerAsync(app, client, review, q.Id, right: true)).GetProperty("leftWrongBook").GetBoolean().ShouldBeFalse();
        apps.Clock.Advance(TimeSpan.FromHours(1)); // 23:00, the same China day
        (await AnswerAsync(app, client, review, q.Id, right: true)).GetProperty("leftWrongBook").GetBoolean().ShouldBeFalse();
        (await client.GetFromJsonAsync<JsonElement>("/api/practice/wrong-book"))[0].GetProperty("answeredRightOnce").GetBoolean().ShouldBeTrue();

        apps.Clock.Advance(TimeSpan.FromHours(1.5)); // 00:30 the next China day, still the same UTC day
        (await AnswerAsync(app, client, review, q.Id, right: true)).GetProperty("leftWrongBook").GetBoolean().ShouldBeTrue();
        (await client.GetFromJsonAsync<JsonElement>("/api/practice/wrong-book")).GetArrayLength().ShouldBe(0);
        (await NextAsync(client, review)).ShouldBeNull();
    }
}
