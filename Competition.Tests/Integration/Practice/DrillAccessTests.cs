using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Competition.Engine.Exams;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using Competition.Engine.QuestionBank.Files;
using Competition.Engine.QuestionBank.Sheets;
using Competition.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Competition.Tests.Integration.Exams.ExamScenario;

namespace Competition.Tests.Integration.Practice;

/// <summary>
/// Drills never hand out the keys of an exam (issue 7): not while the worker sits an exam in that trade, and never for
/// exam-only (sealed) questions or banks, which exams still draw from.
/// </summary>
public class DrillAccessTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static Task<HttpResponseMessage> StartDrillAsync(HttpClient worker, string trade, string? level = null) =>
        worker.PostAsJsonAsync("/api/practice/sessions", new { tradeCode = trade, level, mode = "InOrder" });

    private static async Task<Guid> SessionAsync(HttpClient worker, string trade, string? level = null)
    {
        var res = await StartDrillAsync(worker, trade, level);
        res.StatusCode.ShouldBe(HttpStatusCode.Created, await res.Content.ReadAsStringAsync());
        return (await res.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static Task<HttpResponseMessage> AnswerAsync(HttpClient worker, Guid session, string questionId, string response = "A") =>
        worker.PostAsJsonAsync($"/api/practice/sessions/{session}/answers", new { questionId, response });

    /// <summary>An exam drawn entirely from one cell: the bank can still be assembled into papers.</summary>
    private static async Task ExamOverAsync(HttpClient organizer, BlueprintCell cell, string title)
    {
        var res = await organizer.PostAsJsonAsync("/api/exams", new { title, blueprint = new Blueprint([new("试题", [cell])], Tolerance: 2), settings = Settings(DateTime.UtcNow) with { PassMark = 1 } }, Json);
        res.StatusCode.ShouldBe(HttpStatusCode.Created, await res.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task WhileAnExamAttemptIsOpen_DrillingItsTradeIsRefused_UntilItIsHandedIn(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var organizer = await app.OrganizerClientAsync("maanshan");
        var exam = await PublishedExamAsync(organizer, Standard, Settings(DateTime.UtcNow), "车工理论（练兵封锁）");
        var worker = await app.SignedInClientAsync((await app.CreateWorkerAsync("maanshan")).UserName);
        var session = await SessionAsync(worker, "lathe-operator");
        var question = (await PracticeKit.NextAsync(worker, session))!.Value.Id;

        var attempt = await StartAsync(worker, exam);
        foreach (var refused in new[]
                 {
                     await worker.GetAsync($"/api/practice/sessions/{session}/next"), await AnswerAsync(worker, session, question),
                     await StartDrillAsync(worker, "lathe-operator"), await worker.GetAsync($"/Practice/Drill/{session}"),
                 })
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()).ShouldContain("车工理论（练兵封锁）");
        }
        await SessionAsync(worker, "fitter");   // another trade stays open for drills

        (await worker.PostAsync($"/api/attempts/{attempt}/submit", null)).EnsureSuccessStatusCode();
        (await PracticeKit.NextAsync(worker, session)).ShouldNotBeNull();
        (await AnswerAsync(worker, session, question)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task QuestionsImportedAsExamOnly_AreNeverDrilled_ButExamsStillDrawThem_AndABlankCellReleasesThem(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var organizer = await app.OrganizerClientAsync("maanshan");
        var welder = BankFolder.Read(Paths.ShippedBanks).Files.Single(f => f.Trade!.Code == "welder").Questions
            .Where(q => q.Content.Level == SkillLevel.Level1).ToList();
        welder.Count.ShouldBeGreaterThan(1);
        async Task ImportAsync(bool sealedForExams)
        {
            using var form = new MultipartFormDataContent
            {
                { new ByteArrayContent(XlsxWriter.Write("题库", [BankTemplate.Headers, .. welder.Select(q => BankRowMapper.ToCells(q.Id, "welder", q.Content, sealedForExams))])), "file", "焊工.xlsx" },
                { new StringContent("welder"), "trade" },
            };
            var res = await organizer.PostAsync("/api/banks/import", form);
            res.StatusCode.ShouldBe(HttpStatusCode.OK, await res.Content.ReadAsStringAsync());
        }

        await ImportAsync(sealedForExams: true);
        (await organizer.GetFromJsonAsync<JsonElement>($"/api/questions/{welder[0].Id}")).GetProperty("sealed").GetBoolean().ShouldBeTrue();
        WebUtility.HtmlDecode(await organizer.GetStringAsync("/QuestionBank?trade=welder&level=Level1")).ShouldContain("仅限考试");
        var worker = await app.SignedInClientAsync((await app.CreateWorkerAsync("maanshan")).UserName);
        var session = await SessionAsync(worker, "welder", "Level1");
        (await worker.GetAsync($"/api/practice/sessions/{session}/next")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var refused = await AnswerAsync(worker, session, welder[0].Id);
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("仅限考试");

        var type = welder[0].Content.Type;
        var ofType = welder.Where(q => q.Content.Type == type).ToList();
        var cell = new BlueprintCell("welder", [SkillLevel.Level1], type, ofType.Count, 1, ofType.Average(q => q.Content.Difficulty), []);
        await ExamOverAsync(organizer, cell, "焊工竞赛理论（封存题）");

        await ImportAsync(sealedForExams: false);
        (await PracticeKit.NextAsync(worker, session)).ShouldNotBeNull();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ASealedBankFile_IsOfferedToExamsOnly_AndASealedQuestionInAnOpenBankIsNeverServed(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var folder = Directory.CreateTempSubdirectory("sealed-banks-").FullName;
        string TrueFalse(string id, string stem, bool? sealedForExams = null) => $"""
              - id: {id}
                level: 三级
                type: truefalse
                difficulty: 2
                knowledgePoints: [竞赛专用]
                stem: {stem}
                answer: true
                explanation: 竞赛题的解析。
            {(sealedForExams is { } s ? $"    sealed: {(s ? "true" : "false")}\n" : "")}
            """;
        File.WriteAllText(Path.Combine(folder, "contest.yaml"), $"""
            trade:
              code: contest-{tag}
              name: 竞赛题库{tag}
              nameEn: Contest Bank {tag}
              category: 竞赛
              sealed: true
            questions:
            {TrueFalse($"contest-{tag}-001", $"竞赛题一{tag}。")}{TrueFalse($"contest-{tag}-002", $"竞赛题二{tag}。")}
            """);
        File.WriteAllText(Path.Combine(folder, "open.yaml"), $"""
            trade:
              code: open-{tag}
              name: 开放题库{tag}
              nameEn: Open Bank {tag}
              category: 练兵
            questions:
            {TrueFalse($"open-{tag}-001", $"仅限考试的题{tag}。", sealedForExams: true)}{TrueFalse($"open-{tag}-002", $"可以练习的题{tag}。")}
            """);
        try { await app.SendAsync(new LoadBanks.Command(folder)); }
        finally { Directory.Delete(folder, true); }
        app.Services.GetRequiredService<QuestionCatalog>().Invalidate();

        var trades = (await app.NewClient().GetFromJsonAsync<JsonElement>("/api/trades")).EnumerateArray().ToDictionary(t => t.GetProperty("code").GetString()!);
        (trades[$"contest-{tag}"].GetProperty("sealed").GetBoolean(), trades[$"contest-{tag}"].GetProperty("drillQuestions").GetInt32()).ShouldBe((true, 0));
        trades[$"open-{tag}"].GetProperty("drillQuestions").GetInt32().ShouldBe(1);

        var worker = await app.SignedInClientAsync((await app.CreateWorkerAsync("maanshan")).UserName);
        var refused = await StartDrillAsync(worker, $"contest-{tag}");
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("仅限考试的题库");
        var practice = WebUtility.HtmlDecode(await worker.GetStringAsync("/Practice"));
        practice.ShouldContain($"开放题库{tag}");
        practice.ShouldNotContain($"竞赛题库{tag}");

        var session = await SessionAsync(worker, $"open-{tag}");
        for (var i = 0; i < 3; i++)
        {
            (await PracticeKit.NextAsync(worker, session))!.Value.Id.ShouldBe($"open-{tag}-002");
            (await AnswerAsync(worker, session, $"open-{tag}-002", "true")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        (await AnswerAsync(worker, session, $"open-{tag}-001", "true")).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var organizer = await app.OrganizerClientAsync("maanshan");
        var cell = new BlueprintCell($"contest-{tag}", [SkillLevel.Level3], QuestionType.TrueFalse, 2, 5, 2, []);
        await ExamOverAsync(organizer, cell, "封存题库的竞赛理论");
    }
}
