using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Competition.Engine.Accounts;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using Competition.Tests.Infrastructure;
using static Competition.Tests.Integration.Practice.PracticeKit;

namespace Competition.Tests.Integration.Practice;

/// <summary>Drill rules that need no clock: who may drill, what a start or an answer must hold, short answers.</summary>
public class DrillRulesTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ShortAnswers_AreSelfAssessed_StayOutOfTheWrongBook_AndOutOfAccuracy(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var (user, workerId) = await app.CreateWorkerAsync();
        var client = await app.SignedInClientAsync(user);
        var session = await StartAsync(client);
        var first = (await NextAsync(client, session))!.Value;
        await AnswerAsync(app, client, session, first.Id, right: true);
        var shortAnswer = await AnswerAsync(app, client, session, "lathe-operator-033", right: false);
        shortAnswer.GetProperty("needsPerson").GetBoolean().ShouldBeTrue();
        shortAnswer.GetProperty("awarded").ValueKind.ShouldBe(JsonValueKind.Null);
        shortAnswer.GetProperty("answerDisplay").GetString()!.Length.ShouldBeGreaterThan(5);
        shortAnswer.GetProperty("wentIntoWrongBook").GetBoolean().ShouldBeFalse();
        (await client.GetFromJsonAsync<JsonElement>("/api/practice/wrong-book")).GetArrayLength().ShouldBe(0);

        var lathe = (await client.GetFromJsonAsync<JsonElement>("/api/practice/progress")).EnumerateArray().ShouldHaveSingleItem();
        lathe.GetProperty("questionsDone").GetInt32().ShouldBe(2);
        lathe.GetProperty("bankSize").GetInt32().ShouldBeGreaterThanOrEqualTo(44);
        var overall = lathe.GetProperty("overall");
        (overall.GetProperty("answers").GetInt32(), overall.GetProperty("marked").GetInt32(), overall.GetProperty("accuracy").GetDouble()).ShouldBe((2, 1, 100.0));
        lathe.GetProperty("byLevel").EnumerateArray().Sum(l => l.GetProperty("answers").GetInt32()).ShouldBe(2);
        lathe.GetProperty("byKnowledgePoint").GetArrayLength().ShouldBeGreaterThanOrEqualTo(1);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnotherWorkersSession_IsNotFound_AndAnotherTradesQuestionIsRefused(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var owner = await app.SignedInClientAsync((await app.CreateWorkerAsync()).UserName);
        var session = await StartAsync(owner);
        var stranger = await app.SignedInClientAsync((await app.CreateWorkerAsync()).UserName);
        (await stranger.GetAsync($"/api/practice/sessions/{session}/next")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var foreign = await owner.PostAsJsonAsync($"/api/practice/sessions/{session}/answers", new { questionId = "fitter-001", response = "A" });
        foreign.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await foreign.Content.ReadAsStringAsync()).ShouldContain("不属于本次练习的工种");
        var empty = await owner.PostAsJsonAsync($"/api/practice/sessions/{session}/answers", new { questionId = "lathe-operator-001", response = "" });
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await empty.Content.ReadAsStringAsync()).ShouldContain("请先作答");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task JudgeOrOrganizer_TryingToDrill_Gets403WithTheReason(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        foreach (var role in new[] { Roles.Judge, Roles.Organizer })
        {
            var client = await app.SignedInClientAsync(await app.CreateStaffAsync(role, "maanshan"));
            var res = await client.PostAsJsonAsync("/api/practice/sessions", new { tradeCode = "lathe-operator", mode = "InOrder" });
            res.StatusCode.ShouldBe(HttpStatusCode.Forbidden, role);
            (await res.Content.ReadAsStringAsync()).ShouldContain("只有职工账号可以练习");
            var page = await client.GetAsync("/Practice");
            page.StatusCode.ShouldBe(HttpStatusCode.Forbidden, role);
            // Razor writes Chinese as character references.
            WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()).ShouldContain("只有职工账号可以练习");
        }
        (await app.NewClient().PostAsJsonAsync("/api/practice/sessions", new { tradeCode = "lathe-operator", mode = "InOrder" }))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task BadStarts_AreRefusedFieldByField(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var client = await app.SignedInClientAsync((await app.CreateWorkerAsync()).UserName);
        async Task<string> Refused(object body)
        {
            var res = await client.PostAsJsonAsync("/api/practice/sessions", body);
            res.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            return await res.Content.ReadAsStringAsync();
        }
        (await Refused(new { tradeCode = "lathe-operator", mode = "MockExam" })).ShouldContain("考试大厅");
        (await Refused(new { tradeCode = "lathe-operator", mode = "KnowledgePoint" })).ShouldContain("请选择一个知识点");
        (await Refused(new { tradeCode = "lathe-operator", mode = "KnowledgePoint", knowledgePoint = "烹饪" })).ShouldContain("没有知识点");
        (await Refused(new { tradeCode = "no-such-trade", mode = "InOrder" })).ShouldContain("不存在");

        var byPoint = await StartAsync(client, mode: "KnowledgePoint", kp: "切削用量");
        var q = (await NextAsync(client, byPoint))!.Value;
        (await app.SendAsync(new GetQuestion.Query(q.Id, Competition.Engine.Common.Actor.System))).Content.KnowledgePoints.ShouldContain("切削用量");
    }
}
