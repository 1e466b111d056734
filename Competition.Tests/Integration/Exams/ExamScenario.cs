using System.Net.Http.Json;
using System.Text.Json;
using Competition.Engine.Exams;
using Competition.Engine.QuestionBank;
using Competition.Engine.QuestionBank.Files;
using Competition.Tests.Infrastructure;

namespace Competition.Tests.Integration.Exams;

/// <summary>Steps shared by the exam tests: an organizer sets up an exam, a worker sits it over the HTTP API.</summary>
public static class ExamScenario
{
    public static readonly IReadOnlyDictionary<string, QuestionContent> Bank = BankFolder.Read(Paths.ShippedBanks).Files
        .SelectMany(f => f.Questions).ToDictionary(q => q.Id, q => q.Content);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public static BlueprintCell Cell(QuestionType type, int count, double points = 1, double target = 2.5) =>
        new("lathe-operator", SkillLevels.Ordered, type, count, points, target, []);

    public static Blueprint Standard => new(
    [
        new("一、单选题", [Cell(QuestionType.Single, 6)]),
        new("二、判断题", [Cell(QuestionType.TrueFalse, 3)]),
        new("三、简答题", [Cell(QuestionType.ShortAnswer, 1, points: 5, target: 3.5)]),
    ], Tolerance: 1.5);

    public static ExamSettings Settings(DateTime now, OverdueHandling overdue = OverdueHandling.AutoSubmit, int grace = 0, int duration = 30, int attempts = 1) =>
        new(duration, now.AddMinutes(-1), now.AddHours(3), attempts, 6, overdue, grace, true, true,
            ReviewOptions.Score | ReviewOptions.Key | ReviewOptions.Explanations, MultipleChoiceScoring.AllOrNothing);

    public static async Task<Guid> PublishedExamAsync(HttpClient organizer, Blueprint blueprint, ExamSettings settings, string title = "车工理论考试")
    {
        var res = await organizer.PostAsJsonAsync("/api/exams", new { title, blueprint, settings }, Json);
        res.EnsureSuccessStatusCode();
        var id = (await res.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await organizer.PostAsync($"/api/exams/{id}/publish", null)).EnsureSuccessStatusCode();
        return id;
    }

    public static async Task<Guid> StartAsync(HttpClient worker, Guid examId)
    {
        var res = await worker.PostAsync($"/api/exams/{examId}/attempts", null);
        res.EnsureSuccessStatusCode();
        return (await res.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("attemptId").GetGuid();
    }

    public static async Task<GetAttemptView.View> ViewAsync(HttpClient worker, Guid attemptId) =>
        (await worker.GetFromJsonAsync<GetAttemptView.View>($"/api/attempts/{attemptId}", Json))!;

    /// <summary>The one browser of a simple test: always the same writer id, <paramref name="seq"/> as its own count, no base.</summary>
    public const string TestBrowser = "test-browser-0001";

    public static Task<HttpResponseMessage> SaveAsync(HttpClient worker, Guid attemptId, int item, string response, long seq, bool flagged = false) =>
        SaveAsAsync(worker, attemptId, item, response, @base: 0, TestBrowser, seq, flagged);

    /// <summary>A save as the exam page sends it: the version it was based on, and the browser's id and own count.</summary>
    public static Task<HttpResponseMessage> SaveAsAsync(HttpClient worker, Guid attemptId, int item, string response, long @base, string writer, long writerSeq,
        bool flagged = false) =>
        worker.PostAsJsonAsync($"/api/attempts/{attemptId}/answers", new { item, response, flagged, @base, writer, writerSeq });

    /// <summary>The right response for an item as the page would send it: original option keys, "true"/"false", blanks as JSON.</summary>
    public static string RightAnswer(GetAttemptView.Item item, string questionId)
    {
        var c = Bank[questionId];
        return c.Type == QuestionType.FillBlank ? JsonSerializer.Serialize(c.Answer.Select(a => a.Split('|')[0])) : string.Concat(c.Answer);
    }

    /// <summary>
    /// Polls until <paramref name="done"/> or the bound passes. Only for a test of real timers (the Quartz wiring): other
    /// tests drive time with <see cref="FakeClock"/> and send the job's command, which needs no waiting at all. The bound
    /// is generous because a busy machine may delay a tick by many seconds.
    /// </summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, int seconds = 60)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > until) return value;
            await Task.Delay(200);
        }
    }
}
