using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Competition.Engine.Accounts;
using Competition.Engine.Common;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using Competition.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Competition.Tests.Integration.Practice;

/// <summary>One app per provider on a shared fake clock, so "two different China days" needs no waiting.</summary>
public sealed class ClockedApps : IAsyncLifetime
{
    private readonly Dictionary<DatabaseProvider, Task<AppFactory>> _apps = [];
    private readonly Lock _gate = new();

    /// <summary>
    /// Starts at 10:00 Shanghai time tomorrow and only moves forward: sign-in cookies carry expiry times from this clock,
    /// and an HTTP client drops a cookie whose expiry has passed in real time.
    /// </summary>
    public FakeClock Clock { get; } = new(ChinaTime(TimeZones.ShanghaiDay(DateTime.UtcNow).AddDays(1), 10));

    /// <summary>Moves the clock to the given hour of the next China day; sign in again after, as cookies last 12 hours.</summary>
    public DateOnly NextChinaDayAt(int hour)
    {
        var day = TimeZones.ShanghaiDay(Clock.GetUtcNow().UtcDateTime).AddDays(1);
        Clock.Set(ChinaTime(day, hour));
        return day;
    }

    private static DateTimeOffset ChinaTime(DateOnly day, int hour) =>
        new(TimeZones.FromShanghai(day.ToDateTime(new TimeOnly(hour, 0))), TimeSpan.Zero);

    public Task<AppFactory> For(DatabaseProvider provider)
    {
        lock (_gate)
        {
            if (!_apps.TryGetValue(provider, out var app)) _apps[provider] = app = AppFactory.StartAsync(provider, clock: Clock);
            return app;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in _apps.Values) await (await app).DisposeAsync();
    }
}

/// <summary>Drill steps over the JSON API, and answers built from the key so a test can choose right or wrong.</summary>
public static class PracticeKit
{
    public static async Task<Guid> StartAsync(HttpClient client, string mode = "InOrder", string trade = "lathe-operator", string? level = null, string? kp = null)
    {
        var res = await client.PostAsJsonAsync("/api/practice/sessions", new { tradeCode = trade, level, mode, knowledgePoint = kp });
        res.StatusCode.ShouldBe(HttpStatusCode.Created, await res.Content.ReadAsStringAsync());
        return (await res.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>The next question's id and version, or null when the session has nothing left (204).</summary>
    public static async Task<(string Id, int Version)?> NextAsync(HttpClient client, Guid session)
    {
        var res = await client.GetAsync($"/api/practice/sessions/{session}/next");
        if (res.StatusCode == HttpStatusCode.NoContent) return null;
        res.StatusCode.ShouldBe(HttpStatusCode.OK, await res.Content.ReadAsStringAsync());
        var q = await res.Content.ReadFromJsonAsync<JsonElement>();
        return (q.GetProperty("questionId").GetString()!, q.GetProperty("version").GetInt32());
    }

    public static async Task<JsonElement> AnswerAsync(AppFactory app, HttpClient client, Guid session, string questionId, bool right)
    {
        var content = (await app.SendAsync(new GetQuestion.Query(questionId, Actor.System))).Content;
        var res = await client.PostAsJsonAsync($"/api/practice/sessions/{session}/answers",
            new { questionId, response = right ? RightResponse(content) : WrongResponse(content) });
        res.StatusCode.ShouldBe(HttpStatusCode.OK, await res.Content.ReadAsStringAsync());
        return await res.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static string RightResponse(QuestionContent q) => q.Type switch
    {
        QuestionType.FillBlank => JsonSerializer.Serialize(q.Answer.Select(a => a.Split('|')[0])),
        QuestionType.ShortAnswer => "参考答案要点",
        _ => string.Concat(q.Answer),
    };

    public static string WrongResponse(QuestionContent q) => q.Type switch
    {
        QuestionType.Single => q.Options.First(o => o.Key != q.Answer[0]).Key,
        QuestionType.Multiple => q.Options.First(o => !q.Answer.Contains(o.Key)).Key,
        QuestionType.TrueFalse => q.Answer[0] == "true" ? "false" : "true",
        QuestionType.FillBlank => JsonSerializer.Serialize(q.Answer.Select(_ => "不对的答案")),
        _ => "随便写写",
    };

    /// <summary>Non-synthetic question ids of a trade and level, in id order.</summary>
    public static async Task<List<string>> QuestionIdsAsync(AppFactory app, string trade, SkillLevel level)
    {
        await using var db = app.Database.NewContext();
        return (await db.Questions.Where(q => q.TradeCode == trade && q.Level == level && !q.IsSynthetic).Select(q => q.Id).ToListAsync())
            .Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>A worker account in a given unit (AppFactory.CreateWorkerAsync makes a new unit each time).</summary>
    public static async Task<(string UserName, Guid WorkerId)> WorkerInUnitAsync(AppFactory app, Guid unitId)
    {
        var phone = "18" + Random.Shared.NextInt64(100_000_000, 999_999_999);
        var r = await app.SendAsync(new RegisterWorker.Command("职工" + phone[^4..], phone, null, unitId, "test-pass-123", "lathe-operator", SkillLevel.Level4));
        return (r.UserName, r.WorkerId);
    }
}
