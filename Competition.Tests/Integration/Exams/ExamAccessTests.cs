using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Competition.Engine.Contests;
using Competition.Engine.Persistence;
using Competition.Tests.Infrastructure;
using Competition.Tests.Integration.Contests;
using static Competition.Tests.Integration.Exams.ExamScenario;

namespace Competition.Tests.Integration.Exams;

/// <summary>Who may sit an exam and who may read an attempt (issue 7): scoped by the exam's city and by contest registration.</summary>
public class ExamAccessTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnAttempt_IsReadByItsWorkerAndTheExamsOrganizers_NeverByAnotherCitysOrganizerOrAnotherWorker(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var organizer = await app.OrganizerClientAsync("maanshan");
        var exam = await PublishedExamAsync(organizer, Standard, Settings(DateTime.UtcNow), "马鞍山车工理论（成绩）");
        var (owner, _) = await app.CreateWorkerAsync("maanshan");
        var worker = await app.SignedInClientAsync(owner);
        var attempt = await StartAsync(worker, exam);
        (await worker.PostAsync($"/api/attempts/{attempt}/submit", null)).EnsureSuccessStatusCode();

        var otherCity = await app.OrganizerClientAsync("tongling");
        var refused = await otherCity.GetAsync($"/api/attempts/{attempt}/result");
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("只能查看本市组织的考试");
        (await otherCity.GetAsync($"/Exams/Result/{attempt}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var neighbour = await app.SignedInClientAsync((await app.CreateWorkerAsync("maanshan")).UserName);
        foreach (var path in new[] { $"/api/attempts/{attempt}/result", $"/api/attempts/{attempt}", $"/Exams/Result/{attempt}", $"/Exams/Attempt/{attempt}" })
            (await neighbour.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, path);
        var judge = await app.SignedInClientAsync(await app.CreateStaffAsync(Engine.Accounts.Roles.Judge, "maanshan"));
        (await judge.GetAsync($"/api/attempts/{attempt}/result")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var full = await organizer.GetFromJsonAsync<JsonElement>($"/api/attempts/{attempt}/result");
        full.GetProperty("items")[0].GetProperty("key").GetString().ShouldNotBeNullOrEmpty();
        (await worker.GetAsync($"/api/attempts/{attempt}/result")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await worker.GetAsync($"/Exams/Attempt/{attempt}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ACitysExam_IsSatByItsWorkers_AndAContestsTheoryExam_OnlyByItsContestants(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var organizer = await app.OrganizerClientAsync("maanshan");
        var now = DateTime.UtcNow;
        var cityExam = await PublishedExamAsync(organizer, Standard, Settings(now), "马鞍山车工理论（开放）");
        var theory = await PublishedExamAsync(organizer, Standard, Settings(now), "马鞍山车工竞赛理论");
        var contest = await ContestAccessTests.CreateContestAsync(organizer, ContestLevel.CityClass1, theory);
        var (contestant, contestantId) = await app.CreateWorkerAsync("maanshan");
        (await organizer.PostAsJsonAsync($"/api/contests/{contest}/contestants",
            new { number = "T01", name = "选手", unitName = "单位", cityCode = "maanshan", group = "职工组", workerId = contestantId })).EnsureSuccessStatusCode();

        async Task<List<Guid>> LobbyAsync(HttpClient c) =>
            (await c.GetFromJsonAsync<JsonElement>("/api/exams")).EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).ToList();

        var outsider = await app.SignedInClientAsync((await app.CreateWorkerAsync("tongling")).UserName);
        (await LobbyAsync(outsider)).ShouldNotContain(cityExam);
        var refused = await outsider.PostAsync($"/api/exams/{cityExam}/attempts", null);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("只对该市职工开放");

        var local = await app.SignedInClientAsync((await app.CreateWorkerAsync("maanshan")).UserName);
        var lobby = await LobbyAsync(local);
        lobby.ShouldContain(cityExam);
        lobby.ShouldNotContain(theory);
        var notEntered = await local.PostAsync($"/api/exams/{theory}/attempts", null);
        notEntered.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await notEntered.Content.ReadAsStringAsync()).ShouldContain("只有登记在该竞赛中的选手");
        await StartAsync(local, cityExam);

        var entered = await app.SignedInClientAsync(contestant);
        (await LobbyAsync(entered)).ShouldContain(theory);
        await StartAsync(entered, theory);
    }
}
