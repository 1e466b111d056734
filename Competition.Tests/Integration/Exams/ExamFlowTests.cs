using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Competition.Engine.Accounts;
using Competition.Engine.Exams;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using Competition.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Competition.Tests.Integration.Exams.ExamScenario;

namespace Competition.Tests.Integration.Exams;

public class ExamFlowTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static async Task<IReadOnlyList<PaperItem>> PaperOf(AppFactory app, Guid attemptId)
    {
        await using var db = app.Database.NewContext();
        var paperId = await db.Attempts.Where(a => a.Id == attemptId).Select(a => a.PaperId).SingleAsync();
        return (await db.Papers.SingleAsync(p => p.Id == paperId)).Items;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task WorkerSitsAnExam_AnswersAreKeptAcrossDevices_SubmitMarks_ShortAnswerIsMarkedByAPerson(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var organizer = await app.OrganizerClientAsync();
        var examId = await PublishedExamAsync(organizer, Standard, Settings(DateTime.UtcNow));
        var (user, _) = await app.CreateWorkerAsync();
        var phone = await app.SignedInClientAsync(user);
        var attemptId = await StartAsync(phone, examId);

        var view = await ViewAsync(phone, attemptId);
        view.Items.Count.ShouldBe(10);
        view.SecondsLeft.ShouldBeInRange(29 * 60, 30 * 60);
        view.Items.Take(6).ShouldAllBe(i => i.Type == QuestionType.Single && i.SectionTitle == "一、单选题");

        var paper = await PaperOf(app, attemptId);
        for (var i = 0; i < 9; i++)
            (await SaveAsync(phone, attemptId, i, RightAnswer(view.Items[i], paper[i].QuestionId), seq: 2)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SaveAsync(phone, attemptId, 9, "细长轴刚性差，应使用跟刀架、弹性顶尖，并减小径向力。", seq: 1)).EnsureSuccessStatusCode();

        // A stale send of an older answer: the newer one stays. A retry of the same save is acknowledged again.
        var stale = await (await SaveAsync(phone, attemptId, 0, "Z", seq: 1)).Content.ReadFromJsonAsync<JsonElement>();
        stale.GetProperty("stored").GetBoolean().ShouldBeFalse();
        stale.GetProperty("version").GetInt64().ShouldBe(1);
        stale.GetProperty("response").GetString().ShouldBe(RightAnswer(view.Items[0], paper[0].QuestionId));
        var retry = await (await SaveAsync(phone, attemptId, 1, RightAnswer(view.Items[1], paper[1].QuestionId), seq: 2)).Content.ReadFromJsonAsync<JsonElement>();
        retry.GetProperty("stored").GetBoolean().ShouldBeTrue();
        retry.GetProperty("version").GetInt64().ShouldBe(1);

        // Another device: the same attempt, the same answers, the same deadline.
        var pc = await app.SignedInClientAsync(user);
        (await StartAsync(pc, examId)).ShouldBe(attemptId);
        var resumed = await ViewAsync(pc, attemptId);
        resumed.Deadline.ShouldBe(view.Deadline);
        resumed.Items[0].Response.ShouldBe(RightAnswer(view.Items[0], paper[0].QuestionId));
        resumed.Items[0].Version.ShouldBe(1);
        resumed.Items[0].Writer.ShouldBe(TestBrowser);

        (await pc.PostAsync($"/api/attempts/{attemptId}/submit", null)).EnsureSuccessStatusCode();
        (await pc.PostAsync($"/api/attempts/{attemptId}/submit", null)).EnsureSuccessStatusCode();
        var result = await pc.GetFromJsonAsync<GetAttemptResult.Result>($"/api/attempts/{attemptId}/result", Json);
        result!.State.ShouldBe(AttemptState.Submitted);
        result.Score.ShouldBe(9);
        result.PendingMarks.ShouldBe(1);
        result.Passed.ShouldBeNull();
        result.Items[0].Key.ShouldNotBeNull();
        (await SaveAsync(pc, attemptId, 0, "A", seq: 9)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var queue = await organizer.GetFromJsonAsync<List<MarkShortAnswer.QueueRow>>($"/api/exams/{examId}/marking", Json);
        var row = queue.ShouldHaveSingleItem();
        row.Response.ShouldContain("跟刀架");
        var marked = await organizer.PostAsJsonAsync($"/api/attempts/{attemptId}/items/{row.Item}/mark", new { awarded = 4 });
        (await marked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("score").GetDouble().ShouldBe(13);
        (await organizer.GetFromJsonAsync<List<MarkShortAnswer.QueueRow>>($"/api/exams/{examId}/marking", Json))!.ShouldBeEmpty();
        var final = await pc.GetFromJsonAsync<GetAttemptResult.Result>($"/api/attempts/{attemptId}/result", Json);
        final!.Passed.ShouldBe(true);

        var monitor = await organizer.GetFromJsonAsync<GetExamMonitor.Result>($"/api/exams/{examId}/monitor", Json);
        monitor!.Submitted.ShouldBe(1);
        monitor.Rows.ShouldHaveSingleItem().Answered.ShouldBe(10);
        (await phone.PostAsync($"/api/exams/{examId}/attempts", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ABlueprintTheBankCannotFill_IsRefusedNamingTheCell(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var organizer = await app.OrganizerClientAsync();
        var bp = new Blueprint([new("一、单选题", [Cell(QuestionType.Single, 200)])]);
        var res = await organizer.PostAsJsonAsync("/api/exams", new { title = "太多题", blueprint = bp, settings = Settings(DateTime.UtcNow) }, Json);
        res.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await res.Content.ReadAsStringAsync();
        body.ShouldContain("第 1 部分第 1 格（lathe-operator 五级/四级/三级/二级/一级 单选）");
        body.ShouldContain("需要 200 题");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OnlyWorkersSit_AndOnlyTheirOwnAttempt(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var organizer = await app.OrganizerClientAsync();
        var examId = await PublishedExamAsync(organizer, Standard, Settings(DateTime.UtcNow));
        var judge = await app.SignedInClientAsync(await app.CreateStaffAsync(Roles.Judge, "maanshan"));
        var refused = await judge.PostAsync($"/api/exams/{examId}/attempts", null);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("只有职工账号");

        var (a, _) = await app.CreateWorkerAsync();
        var (b, _) = await app.CreateWorkerAsync();
        var attemptA = await StartAsync(await app.SignedInClientAsync(a), examId);
        var other = await app.SignedInClientAsync(b);
        (await other.GetAsync($"/api/attempts/{attemptA}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await SaveAsync(other, attemptA, 0, "A", 1)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PreparedPapers_AreUsedAtStart_AndStatisticsCoverTheSittings(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var organizer = await app.OrganizerClientAsync();
        var examId = await PublishedExamAsync(organizer, Standard, Settings(DateTime.UtcNow));
        var workers = new List<(string User, Guid Id)>();
        for (var i = 0; i < 6; i++) workers.Add(await app.CreateWorkerAsync());
        var prepared = await organizer.PostAsJsonAsync($"/api/exams/{examId}/papers", new { workerIds = workers.Select(w => w.Id) });
        (await prepared.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("prepared").GetInt32().ShouldBe(6);

        for (var w = 0; w < workers.Count; w++)
        {
            var client = await app.SignedInClientAsync(workers[w].User);
            var attempt = await StartAsync(client, examId);
            var view = await ViewAsync(client, attempt);
            var paper = await PaperOf(app, attempt);
            for (var i = 0; i < 6 + 3; i++) // worker w answers the first w + 3 right and the rest wrong
                await SaveAsync(client, attempt, i, i < w + 3 ? RightAnswer(view.Items[i], paper[i].QuestionId) : (view.Items[i].Type == QuestionType.TrueFalse ? (RightAnswer(view.Items[i], paper[i].QuestionId) == "true" ? "false" : "true") : "Z"), 1);
            (await client.PostAsync($"/api/attempts/{attempt}/submit", null)).EnsureSuccessStatusCode();
        }
        await using (var db = app.Database.NewContext())
            (await db.Papers.CountAsync(p => p.ExamId == examId)).ShouldBe(6);

        var stats = await organizer.GetFromJsonAsync<GetExamStatistics.Result>($"/api/exams/{examId}/statistics", Json);
        stats!.Overall.Count.ShouldBe(6);
        stats.Overall.Distribution.Sum(b => b.Count).ShouldBe(6);
        stats.Overall.Mean!.Value.ShouldBe(Enumerable.Range(0, 6).Average(w => Math.Min(w + 3, 9)), 0.01);
        stats.Overall.CronbachAlpha.ShouldNotBeNull();
        stats.Questions.Count.ShouldBeGreaterThan(10);
        stats.Questions.ShouldAllBe(q => q.Stats.Facility == null || (q.Stats.Facility >= 0 && q.Stats.Facility <= 1));
    }
}
