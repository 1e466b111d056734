using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Competition.Engine.Accounts;
using Competition.Engine.Exams;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using Competition.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ExamLoad;

/// <summary>
/// Over HTTP on loopback against the real app on Kestrel (same process, sharing the 2 cores with the load):
/// a start storm of 3,000 candidates in 60 s, sustained answer saves, and 3,000 attempts reaching their deadline at once.
/// </summary>
public sealed class HttpBench(DatabaseProvider provider, int candidates, int stormSeconds, int saveSeconds, int saveConcurrency)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public async Task RunAsync()
    {
        await using var app = await AppFactory.StartAsync(provider, new() { ["Logging:LogLevel:Default"] = "Error" });
        var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
            { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

        List<(string UserName, Guid WorkerId)> workers;
        await using (var db = app.Database.NewContext()) workers = await Seeder.WorkersAsync(db, candidates);
        var organizer = await app.OrganizerClientAsync("maanshan");
        var examId = await CreateExamAsync(organizer);
        var prep = Stopwatch.StartNew();
        (await organizer.PostAsJsonAsync($"/api/exams/{examId}/papers", new { workerIds = workers.Select(w => w.WorkerId) })).EnsureSuccessStatusCode();
        Report.Line(provider + " prepare", $"{candidates:N0} papers drawn ahead in {prep.Elapsed.TotalSeconds:F1} s");

        var cookies = new string[workers.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, workers.Count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            using var res = await http.PostAsJsonAsync("/api/account/login", new { userName = workers[i].UserName, password = Seeder.Password }, ct);
            res.EnsureSuccessStatusCode();
            cookies[i] = string.Join("; ", res.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        });

        var attempts = await StormAsync(http, examId, cookies);
        await SavesAsync(http, app, attempts, cookies);
        await DeadlineAsync(app, examId);
    }

    private static async Task<Guid> CreateExamAsync(HttpClient organizer)
    {
        string[] trades = ["lathe-operator", "fitter", "electrician", "welder"];
        var cells = trades.SelectMany(t => new[]
        {
            new BlueprintCell(t, SkillLevels.Ordered, QuestionType.Single, 12, 1, 2.5, []),
            new BlueprintCell(t, SkillLevels.Ordered, QuestionType.Multiple, 5, 2, 2.8, []),
            new BlueprintCell(t, SkillLevels.Ordered, QuestionType.TrueFalse, 5, 1, 2.3, []),
            new BlueprintCell(t, SkillLevels.Ordered, QuestionType.FillBlank, 3, 1, 2.8, []),
        }).ToList();
        var blueprint = new Blueprint([new BlueprintSection("综合", cells)], Tolerance: 0.5);
        var now = DateTime.UtcNow;
        var settings = new ExamSettings(120, now.AddMinutes(-1), now.AddHours(4), 1, 60, OverdueHandling.AutoSubmit, 0, true, true, ReviewOptions.Score, MultipleChoiceScoring.PartialCredit);
        var res = await organizer.PostAsJsonAsync("/api/exams", new { title = "压力测试考试", blueprint, settings }, Json);
        res.EnsureSuccessStatusCode();
        var id = (await res.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await organizer.PostAsync($"/api/exams/{id}/publish", null)).EnsureSuccessStatusCode();
        return id;
    }

    private async Task<Guid[]> StormAsync(HttpClient http, Guid examId, string[] cookies)
    {
        var latencies = new ConcurrentBag<double>();
        var attempts = new Guid[cookies.Length];
        var errors = 0;
        var clock = Stopwatch.StartNew();
        var interval = TimeSpan.FromSeconds((double)stormSeconds / cookies.Length);
        var tasks = new List<Task>();
        for (var i = 0; i < cookies.Length; i++)
        {
            var due = interval * i;
            if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed);
            var n = i;
            tasks.Add(Task.Run(async () =>
            {
                var t = Stopwatch.GetTimestamp();
                using var req = new HttpRequestMessage(HttpMethod.Post, $"/api/exams/{examId}/attempts");
                req.Headers.Add("Cookie", cookies[n]);
                using var res = await http.SendAsync(req);
                latencies.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                if (!res.IsSuccessStatusCode) { Interlocked.Increment(ref errors); return; }
                attempts[n] = (await res.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("attemptId").GetGuid();
            }));
        }
        await Task.WhenAll(tasks);
        var l = latencies.ToList();
        Report.Line(provider + " start storm", $"{cookies.Length:N0} candidates started over {clock.Elapsed.TotalSeconds:F0} s: p50 {Percentiles.Of(l, 50):F0} ms, p99 {Percentiles.Of(l, 99):F0} ms, " +
            $"max {l.Max():F0} ms, errors {errors} | target p99 ≤ 1000 ms: {(Percentiles.Of(l, 99) <= 1000 && errors == 0 ? "met" : "MISSED")}");
        return attempts;
    }

    /// <summary>
    /// Sustained saves as the exam page sends them: each client is one browser (its own writer id and count) owning
    /// its share of the candidates, so it always knows the version it builds on. Every acknowledgement is checked
    /// against the database afterwards: an answer acknowledged as stored and not found there is counted as lost.
    /// </summary>
    private async Task SavesAsync(HttpClient http, AppFactory app, Guid[] attempts, string[] cookies)
    {
        var latencies = new ConcurrentBag<double>();
        var acked = new ConcurrentDictionary<(Guid, int), (long Version, string Response)>();
        long ackCount = 0, notStored = 0, errors = 0;
        var until = DateTime.UtcNow.AddSeconds(saveSeconds);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, saveConcurrency).Select(loop => Task.Run(async () =>
        {
            var rng = new Random(loop);
            var writer = $"bench-writer-{loop:D4}";
            var mine = Enumerable.Range(0, attempts.Length).Where(n => n % saveConcurrency == loop).ToArray();
            var bases = new Dictionary<(Guid, int), long>();
            long count = 0;
            while (DateTime.UtcNow < until && mine.Length > 0)
            {
                var n = mine[rng.Next(mine.Length)];
                var item = rng.Next(60);
                var response = "ABCD"[rng.Next(4)].ToString();
                var key = (attempts[n], item);
                var t = Stopwatch.GetTimestamp();
                using var req = new HttpRequestMessage(HttpMethod.Post, $"/api/attempts/{attempts[n]}/answers")
                    { Content = JsonContent.Create(new { item, response, flagged = false, @base = bases.GetValueOrDefault(key), writer, writerSeq = ++count }) };
                req.Headers.Add("Cookie", cookies[n]);
                using var res = await http.SendAsync(req);
                latencies.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                if (!res.IsSuccessStatusCode) { Interlocked.Increment(ref errors); continue; }
                var body = await res.Content.ReadFromJsonAsync<JsonElement>();
                var version = body.GetProperty("version").GetInt64();
                bases[key] = version;
                if (!body.GetProperty("stored").GetBoolean()) { Interlocked.Increment(ref notStored); continue; }
                Interlocked.Increment(ref ackCount);
                acked[key] = (version, response);
            }
        })));
        var seconds = clock.Elapsed.TotalSeconds;
        await using var db = app.Database.NewContext();
        var stored = await db.AttemptAnswers.AsNoTracking().Select(a => new { a.AttemptId, a.Item, a.Version, a.Response }).ToListAsync();
        var byKey = stored.ToDictionary(s => (s.AttemptId, s.Item));
        var lost = acked.Count(kv => !byKey.TryGetValue(kv.Key, out var row) || row.Version != kv.Value.Version || row.Response != kv.Value.Response);
        var l = latencies.ToList();
        var rate = ackCount / seconds;
        Report.Line(provider + " saves", $"{ackCount:N0} saves acknowledged as stored in {seconds:F0} s = {rate:N0}/s with {saveConcurrency} concurrent clients " +
            $"({(provider == DatabaseProvider.Sqlite ? "SQLite synchronous=FULL" : PostgresCluster.Durable ? "PostgreSQL fsync on, synchronous_commit on" : "PostgreSQL fsync OFF")}): p50 {Percentiles.Of(l, 50):F1} ms, p99 {Percentiles.Of(l, 99):F1} ms, errors {errors}, not stored {notStored} | " +
            $"{acked.Count:N0} answers acknowledged, {stored.Count:N0} stored, lost {lost} | target ≥ 3,000/s, p99 ≤ 100 ms, none lost: " +
            $"{(rate >= 3000 && Percentiles.Of(l, 99) <= 100 && lost == 0 && notStored == 0 ? "met" : "MISSED")}");
    }

    private async Task DeadlineAsync(AppFactory app, Guid examId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(3);
        await using (var db = app.Database.NewContext())
            await db.Attempts.Where(a => a.ExamId == examId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Deadline, deadline).SetProperty(a => a.CloseAt, deadline));
        var open = int.MaxValue;
        var allClosedAt = DateTime.MaxValue;
        while (open > 0 && DateTime.UtcNow < deadline.AddSeconds(60))
        {
            await Task.Delay(50);
            await using var db = app.Database.NewContext();
            open = await db.Attempts.CountAsync(a => a.ExamId == examId && (a.State == AttemptState.InProgress || a.State == AttemptState.Overdue));
            if (open == 0) allClosedAt = DateTime.UtcNow;
        }
        await using (var db = app.Database.NewContext())
        {
            var submitted = await db.Attempts.Where(a => a.ExamId == examId && a.State == AttemptState.Submitted).Select(a => a.SubmittedAt!.Value).ToListAsync();
            var started = (submitted.Max() - deadline).TotalSeconds;
            var seconds = (allClosedAt - deadline).TotalSeconds;
            Report.Line(provider + " deadline", $"{submitted.Count:N0} attempts due at the same moment, {open} left open: the closing run started {started:F2} s after the deadline " +
                $"(the Quartz job runs every second) and all were closed and marked, as seen by a reader polling every 50 ms, {seconds:F2} s after it | target ≤ 2 s: {(open == 0 && seconds <= 2 ? "met" : "MISSED")}");
        }
    }
}
