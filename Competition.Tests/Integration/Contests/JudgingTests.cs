using System.Net;
using System.Net.Http.Json;
using Competition.Engine.Judging;
using Competition.Engine.Persistence;
using Competition.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Competition.Tests.Integration.Contests;

public class JudgingTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MarksFromThreeJudges_GiveTheTotal_AndTheBoardRanksByIt(DatabaseProvider provider)
    {
        var s = await ContestScenario.CreateAsync(await apps.For(provider), DateTime.UtcNow);
        // 10 + 20 + 7/9 × 30 = 53.33 of 60; figures are rounded as shown at each step, so 53.33/60 × 100 = 88.88
        await s.MarkFullyAsync("A001", met: true, measured: 20.03, 2, 3, 2);
        await s.MarkFullyAsync("A002", met: true, measured: 20.06, 3, 3, 3);   // 10 + 0 + 30 = 40
        var board = await s.BoardAsync(jury: true);
        board.Rows.Select(r => r.Number).ShouldBe(["A001", "A002", "A003"]);
        board.Rows[0].Total.ShouldBe(88.88);
        board.Rows[0].Practical.ShouldBe(53.33);
        board.Rows[1].Total.ShouldBe(66.67);
        board.Rows[0].City.ShouldBe("马鞍山");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task JudgesSeeNumbersNotNames_AndCannotMarkWhereTheyAreNotAssigned(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var s = await ContestScenario.CreateAsync(app, DateTime.UtcNow);
        var judge = await app.SignedInClientAsync(s.Judges[0]);
        var sheet = await judge.GetStringAsync($"/api/contests/{s.ContestId}/sheet");
        sheet.ShouldContain("A001");
        sheet.ShouldNotContain("张三");
        sheet.ShouldNotContain("\\u5F20\\u4E09");

        var stranger = await app.CreateStaffAsync(Competition.Engine.Accounts.Roles.Judge, "maanshan");
        var refused = await s.MarkAsync(stranger, "A001", ("M1", 1));
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("未被分配到工位 A1");
        var worker = await app.SignedInClientAsync((await app.CreateWorkerAsync()).UserName);
        (await worker.PostAsJsonAsync("/api/marks", new { contestantId = s.Contestants["A001"], taskId = s.TaskId, marks = new[] { new { itemCode = "M1", value = 1 } } }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await s.MarkAsync(s.Judges[0], "A001", ("J1", 4))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task JudgesTooFarApart_FlagTheItem_AndSignOffIsRefusedUntilReMarked(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var s = await ContestScenario.CreateAsync(app, DateTime.UtcNow);
        await s.MarkFullyAsync("A001", met: true, measured: 20.00, 1, 3, 2);
        var chief = await app.SignedInClientAsync(s.Chief);
        var refused = await chief.PostAsJsonAsync("/api/marks/signoff", new { contestantId = s.Contestants["A001"], taskId = s.TaskId });
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("J1");

        (await s.MarkAsync(s.Judges[0], "A001", ("J1", 2))).EnsureSuccessStatusCode();
        var signed = await chief.PostAsJsonAsync("/api/marks/signoff", new { contestantId = s.Contestants["A001"], taskId = s.TaskId });
        signed.StatusCode.ShouldBe(HttpStatusCode.OK, await signed.Content.ReadAsStringAsync());
        var score = await signed.Content.ReadFromJsonAsync<TaskScoreDto>(ContestScenario.Json);
        score!.Items.Single(i => i.Item.Code == "J1").Result.Derivation.ShouldContain("最大差 1");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SignedOffMarksLock_OnlyTheChiefJudgeChangesThemWithAReason_AndEveryChangeIsAudited(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var s = await ContestScenario.CreateAsync(app, DateTime.UtcNow);
        await s.MarkFullyAsync("A001", met: true, measured: 20.00, 2, 2, 2);
        var chief = await app.SignedInClientAsync(s.Chief);
        (await chief.PostAsJsonAsync("/api/marks/signoff", new { contestantId = s.Contestants["A001"], taskId = s.TaskId })).EnsureSuccessStatusCode();

        var locked = await s.MarkAsync(s.Judges[1], "A001", ("J1", 3));
        locked.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await locked.Content.ReadAsStringAsync()).ShouldContain("签字确认");
        var judge = await app.SignedInClientAsync(s.Judges[1]);
        (await judge.PostAsJsonAsync("/api/marks/override", new { contestantId = s.Contestants["A001"], taskId = s.TaskId, itemCode = "J1", judgeUserName = s.Judges[1], value = 3, reason = "复核后更正" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await chief.PostAsJsonAsync("/api/marks/override", new { contestantId = s.Contestants["A001"], taskId = s.TaskId, itemCode = "J1", judgeUserName = s.Judges[1], value = 3, reason = "" }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await chief.PostAsJsonAsync("/api/marks/override", new { contestantId = s.Contestants["A001"], taskId = s.TaskId, itemCode = "J1", judgeUserName = s.Judges[1], value = 3, reason = "录像复核：表面质量达到 3 分" }))
            .EnsureSuccessStatusCode();
        (await chief.PostAsJsonAsync("/api/marks/override", new { contestantId = s.Contestants["A001"], taskId = s.TaskId, itemCode = "J1", judgeUserName = s.Judges[1], value = 2, reason = "=HYPERLINK(\"http://x\",\"复核\")" }))
            .EnsureSuccessStatusCode();

        await using var db = app.Database.NewContext();
        var audits = await db.MarkAudits.Where(a => a.ContestantId == s.Contestants["A001"]).OrderBy(a => a.At).ToListAsync();
        audits.Count.ShouldBe(7);
        var last = audits[^2];
        (last.OldValue, last.NewValue, last.Reason, last.By).ShouldBe((2.0, 3.0, "录像复核：表面质量达到 3 分", s.Chief));
        var csv = await s.Organizer.GetStringAsync($"/api/contests/{s.ContestId}/audit.csv");
        csv.ShouldContain("录像复核");
        csv.ShouldContain("A001");
        // A reason that looks like a formula opens in Excel as the text it is.
        csv.ShouldContain("'=HYPERLINK");
    }
}

public sealed record TaskScoreDto(Guid ContestantId, Guid TaskId, List<ItemDto> Items);
public sealed record ItemDto(ItemRef Item, ItemResult Result);
public sealed record ItemRef(string Code);

public class ContestantImportTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static async Task<HttpResponseMessage> Upload(ContestScenario s, byte[] content, string name)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", name } };
        return await s.Organizer.PostAsync($"/api/contests/{s.ContestId}/contestants/import", form);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ASheetWithABadRow_RegistersNobodyAndSaysWhere_AGoodSheetRegistersEveryone(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var s = await ContestScenario.CreateAsync(app, DateTime.UtcNow);
        string[] header = ["参赛号", "姓名", "单位", "城市", "组别", "团队"];
        var bad = Competition.Engine.QuestionBank.Sheets.XlsxWriter.Write("选手", [header,
            ["B001", "赵六", "铜陵有色", "铜陵", ContestScenario.Group, ""],
            ["A001", "钱七", "马钢", "马鞍山", ContestScenario.Group, ""],
            ["B003", "孙八", "某厂", "火星", "学生组", ""]]);
        var refused = await Upload(s, bad, "选手.xlsx");
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var detail = await refused.Content.ReadAsStringAsync();
        detail.ShouldContain("第 3 行，参赛号：参赛号 A001 已被本竞赛使用");
        detail.ShouldContain("未知城市 '火星'");
        detail.ShouldContain("组别应为");
        await using (var db = app.Database.NewContext())
            (await db.Contestants.CountAsync(c => c.ContestId == s.ContestId)).ShouldBe(3);

        var good = Competition.Engine.QuestionBank.Sheets.XlsxWriter.Write("选手", [header,
            ["B001", "赵六", "铜陵有色", "铜陵", ContestScenario.Group, "铜陵队"], ["B002", "钱七", "马钢", "maanshan", ContestScenario.Group, ""]]);
        var ok = await Upload(s, good, "选手.xlsx");
        ok.StatusCode.ShouldBe(HttpStatusCode.OK, await ok.Content.ReadAsStringAsync());
        (await s.BoardAsync(jury: false)).Rows.Count.ShouldBe(5);
    }
}
