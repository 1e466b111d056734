using System.Net.Http.Json;
using System.Text.Json;
using Competition.Engine.Accounts;
using Competition.Engine.Contests;
using Competition.Engine.Judging;
using Competition.Engine.Scoreboards;
using Competition.Tests.Infrastructure;

namespace Competition.Tests.Integration.Contests;

/// <summary>
/// A 钳工 provincial contest (organized by 马鞍山) with one practical task at station A1, three judges, a chief judge and three
/// contestants from three cities of 安徽: a 市级 contest would admit only 马鞍山's workers.
/// </summary>
public sealed class ContestScenario
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
    public const string Group = "职工组";

    public required AppFactory App { get; init; }
    public required HttpClient Organizer { get; init; }
    public required Guid ContestId { get; init; }
    public required Guid TaskId { get; init; }
    public required string[] Judges { get; init; }
    public required string Chief { get; init; }
    public required Dictionary<string, Guid> Contestants { get; init; }

    public static async Task<ContestScenario> CreateAsync(AppFactory app, DateTime now)
    {
        var organizer = await app.OrganizerClientAsync("maanshan");
        IReadOnlyList<SchemeItem> scheme =
        [
            new("M1", "锐边倒钝、无毛刺", ItemKind.MeetsOrNot, 10),
            new("M2", "尺寸 20±0.05", ItemKind.MeasuredValue, 20, Nominal: 20.00m, Lower: 0.05m, Upper: 0.05m),
            new("J1", "表面质量与工艺", ItemKind.Judgement, 30, JudgeCount: 3),
        ];
        var practical = new CreateContest.RoundSpec(RoundKind.Practical, "实操", 100, now.AddMinutes(-5), now.AddMinutes(60), null, 60,
            [new CreateContest.TaskSpec("凹凸件锉配", "A1", scheme)]);
        var res = await organizer.PostAsJsonAsync("/api/contests", new
        {
            title = "安徽省钳工技能竞赛（省级，马鞍山承办）", tradeCode = "fitter", level = ContestLevel.Provincial, groups = new[] { Group },
            startsAt = now.AddMinutes(-5), freezeAt = now.AddMinutes(30), endsAt = now.AddMinutes(60), tieBreaks = new[] { TieBreak.HigherPractical },
            rounds = new[] { practical },
        }, Json);
        res.EnsureSuccessStatusCode();
        var contestId = (await res.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var sheetTaskId = Guid.Empty;
        var judges = new string[3];
        for (var i = 0; i < 3; i++) judges[i] = await app.CreateStaffAsync(Roles.Judge, "maanshan");
        var chief = await app.CreateStaffAsync(Roles.ChiefJudge, "maanshan");
        Guid roundId;
        await using (var db = app.Database.NewContext())
        {
            roundId = db.Rounds.Single(r => r.ContestId == contestId).Id;
            sheetTaskId = db.PracticalTasks.Single(t => t.RoundId == roundId).Id;
        }
        foreach (var j in judges.Append(chief))
            (await organizer.PostAsJsonAsync($"/api/contests/{contestId}/judges", new { roundId, station = "A1", judgeUserName = j })).EnsureSuccessStatusCode();
        var contestants = new Dictionary<string, Guid>();
        foreach (var (number, name, city) in new[] { ("A001", "张三", "maanshan"), ("A002", "李四", "hefei"), ("A003", "王五", "tongling") })
        {
            var r = await organizer.PostAsJsonAsync($"/api/contests/{contestId}/contestants", new { number, name, unitName = name + "所在企业", cityCode = city, group = Group });
            r.EnsureSuccessStatusCode();
            contestants[number] = (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }
        return new ContestScenario { App = app, Organizer = organizer, ContestId = contestId, TaskId = sheetTaskId, Judges = judges, Chief = chief, Contestants = contestants };
    }

    public async Task<HttpResponseMessage> MarkAsync(string judge, string number, params (string Code, double Value)[] marks)
    {
        var client = await App.SignedInClientAsync(judge);
        return await client.PostAsJsonAsync("/api/marks", new { contestantId = Contestants[number], taskId = TaskId, marks = marks.Select(m => new { itemCode = m.Code, value = m.Value }) });
    }

    /// <summary>Marks a contestant fully: objective items by judge 0, the judgement by all three.</summary>
    public async Task MarkFullyAsync(string number, bool met, double measured, int j1, int j2, int j3)
    {
        (await MarkAsync(Judges[0], number, ("M1", met ? 1 : 0), ("M2", measured), ("J1", j1))).EnsureSuccessStatusCode();
        (await MarkAsync(Judges[1], number, ("J1", j2))).EnsureSuccessStatusCode();
        (await MarkAsync(Judges[2], number, ("J1", j3))).EnsureSuccessStatusCode();
    }

    /// <summary>What the Quartz job does every second: move contests and rounds whose time has come.</summary>
    public Task<ContestClock.Result> TickAsync() => App.SendAsync(new ContestClock.Command());

    /// <summary>The organizer's "do it now" button for a phase.</summary>
    public Task<HttpResponseMessage> MoveToAsync(ContestPhase to) => Organizer.PostAsJsonAsync($"/api/contests/{ContestId}/phase", new { to = to.ToString() });

    public async Task<Board> RevealNextAsync()
    {
        var res = await Organizer.PostAsJsonAsync($"/api/contests/{ContestId}/reveal", new { group = Group });
        res.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, await res.Content.ReadAsStringAsync());
        return (await res.Content.ReadFromJsonAsync<Board>(Json))!;
    }

    public async Task<HttpResponseMessage> OverrideAsync(string judge, string number, string itemCode, double value, string reason = "录像复核后更正")
    {
        var chief = await App.SignedInClientAsync(Chief);
        return await chief.PostAsJsonAsync("/api/marks/override", new { contestantId = Contestants[number], taskId = TaskId, itemCode, judgeUserName = judge, value, reason });
    }

    public async Task<Board> BoardAsync(bool jury)
    {
        var client = jury ? Organizer : App.NewClient();
        return (await client.GetFromJsonAsync<Board>($"/api/contests/{ContestId}/board?group={Uri.EscapeDataString(Group)}&jury={jury}", Json))!;
    }
}
