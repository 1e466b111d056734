using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Competition.Engine.Exams;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using Competition.Tests.Infrastructure;
using static Competition.Tests.Integration.Exams.ExamScenario;

namespace Competition.Tests.Integration.Exams;

/// <summary>A person marks only short answers of submitted attempts; everything else is refused with a message, never a 500.</summary>
public class MarkingTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static async Task<string> RefusedAsync(HttpResponseMessage res, HttpStatusCode status)
    {
        var body = await res.Content.ReadAsStringAsync();
        res.StatusCode.ShouldBe(status, body);
        return body;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Marking_RefusesOpenAttempts_MachineMarkedItems_ItemsOutOfRange_UnansweredItems_AndMarksOutOfRange(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var organizer = await app.OrganizerClientAsync();
        var examId = await PublishedExamAsync(organizer, Standard, Settings(DateTime.UtcNow));
        var (user, _) = await app.CreateWorkerAsync();
        var worker = await app.SignedInClientAsync(user);
        var attempt = await StartAsync(worker, examId);
        var view = await ViewAsync(worker, attempt);
        var shortItem = view.Items.Single(i => i.Type == QuestionType.ShortAnswer).Index;
        var choice = view.Items.First(i => i.Type == QuestionType.Single).Index;
        (await SaveAsync(worker, attempt, shortItem, "使用跟刀架，减小径向力。", 1)).EnsureSuccessStatusCode();
        (await SaveAsync(worker, attempt, choice, "A", 2)).EnsureSuccessStatusCode();
        Task<HttpResponseMessage> Mark(Guid a, int item, double awarded) => organizer.PostAsJsonAsync($"/api/attempts/{a}/items/{item}/mark", new { awarded });

        (await RefusedAsync(await Mark(attempt, shortItem, 3), HttpStatusCode.Conflict)).ShouldContain("尚未交卷");
        (await worker.PostAsync($"/api/attempts/{attempt}/submit", null)).EnsureSuccessStatusCode();

        (await RefusedAsync(await Mark(attempt, 99, 1), HttpStatusCode.BadRequest)).ShouldContain("超出试卷范围");
        (await RefusedAsync(await Mark(attempt, -1, 1), HttpStatusCode.BadRequest)).ShouldContain("题号无效");
        (await RefusedAsync(await Mark(attempt, choice, 1), HttpStatusCode.Conflict)).ShouldContain("自动评分");
        (await RefusedAsync(await Mark(attempt, shortItem, 99), HttpStatusCode.BadRequest)).ShouldContain("得分应在");
        (await RefusedAsync(await Mark(attempt, shortItem, 1.234), HttpStatusCode.BadRequest)).ShouldContain("两位小数");
        (await RefusedAsync(await Mark(Guid.NewGuid(), shortItem, 1), HttpStatusCode.NotFound)).ShouldContain("不存在");
        var marked = await Mark(attempt, shortItem, 4);
        marked.StatusCode.ShouldBe(HttpStatusCode.OK);

        // A second worker leaves the short answer blank: it scored 0 at submit and there is nothing to mark.
        var (other, _) = await app.CreateWorkerAsync();
        var otherClient = await app.SignedInClientAsync(other);
        var otherAttempt = await StartAsync(otherClient, examId);
        var otherShort = (await ViewAsync(otherClient, otherAttempt)).Items.Single(i => i.Type == QuestionType.ShortAnswer).Index;
        (await otherClient.PostAsync($"/api/attempts/{otherAttempt}/submit", null)).EnsureSuccessStatusCode();
        (await RefusedAsync(await Mark(otherAttempt, otherShort, 2), HttpStatusCode.Conflict)).ShouldContain("未作答");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task BrokenRequestsToTheExamEndpoints_AreRefusedWithAMessage_NotA500(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var organizer = await app.OrganizerClientAsync();
        var noBlueprint = await organizer.PostAsJsonAsync("/api/exams", new { title = "缺蓝图", settings = Settings(DateTime.UtcNow) }, Json);
        (await RefusedAsync(noBlueprint, HttpStatusCode.BadRequest)).ShouldContain("蓝图不完整");
        var noSettings = await organizer.PostAsJsonAsync("/api/exams", new { title = "缺设置", blueprint = Standard }, Json);
        (await RefusedAsync(noSettings, HttpStatusCode.BadRequest)).ShouldContain("考试设置");
        var examId = await PublishedExamAsync(organizer, Standard, Settings(DateTime.UtcNow));
        var noWorkers = await organizer.PostAsJsonAsync($"/api/exams/{examId}/papers", new { });
        (await RefusedAsync(noWorkers, HttpStatusCode.BadRequest)).ShouldContain("考生");

        var (user, _) = await app.CreateWorkerAsync();
        var worker = await app.SignedInClientAsync(user);
        var attempt = await StartAsync(worker, examId);
        (await RefusedAsync(await SaveAsync(worker, attempt, 99, "A", 1), HttpStatusCode.BadRequest)).ShouldContain("超出试卷范围");
        (await RefusedAsync(await SaveAsync(worker, attempt, 0, new string('长', 20_001), 1), HttpStatusCode.BadRequest)).ShouldContain("答案过长");
        (await RefusedAsync(await SaveAsync(worker, Guid.NewGuid(), 0, "A", 1), HttpStatusCode.NotFound)).ShouldContain("不存在");
        var noWriter = await worker.PostAsJsonAsync($"/api/attempts/{attempt}/answers", new { item = 0, response = "A" });
        (await RefusedAsync(noWriter, HttpStatusCode.BadRequest)).ShouldContain("浏览器标识");
    }
}
