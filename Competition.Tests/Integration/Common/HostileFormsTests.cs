using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Competition.Engine.Persistence;
using Competition.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Competition.Tests.Integration.Common.HostileCorpus;

namespace Competition.Tests.Integration.Common;

/// <summary>
/// The hostile-input corpus over every form and JSON API that takes text or numbers from people: units, worker
/// registration, contestants, exams and contests. Each value is refused with a message naming the field (400/409 or a
/// form error, never a 500) and leaves every table as it was.
/// </summary>
public class HostileFormsTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static async Task<Guid> UnitAsync(HttpClient organizer)
    {
        var res = await organizer.PostAsJsonAsync("/api/units", new { cityCode = "maanshan", name = "单位" + Guid.NewGuid().ToString("N")[..8], kind = "Enterprise" });
        return (await res.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UnitCreateAndRename_RefuseEveryHostileName_OnApiAndPage(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var organizer = await app.OrganizerClientAsync();
        var unit = await UnitAsync(organizer);
        var before = await CountsAsync(app);
        foreach (var (name, value) in ForJson)
        {
            await ShouldRefuseAsync(await PostJsonAsync(organizer, "/api/units", Json(new { cityCode = "maanshan", name = value, kind = "Enterprise" })), $"create {name}", "单位名称", "$.name");
            await ShouldRefuseAsync(await PostJsonAsync(organizer, "/api/units", Json(new { cityCode = value, name = "好单位", kind = "Enterprise" })), $"city {name}", "城市", "$.cityCode");
            await ShouldRefuseAsync(await PostJsonAsync(organizer, $"/api/units/{unit}", Json(new { name = value }), HttpMethod.Put), $"rename {name}", "单位名称", "$.name");
        }
        foreach (var kind in new[] { "99", "\"NaN\"", "1e308", "null" })
            await ShouldRefuseAsync(await PostJsonAsync(organizer, "/api/units", $$"""{"cityCode":"maanshan","name":"好单位","kind":{{kind}}}"""), $"kind {kind}", "单位类型", "$.kind");
        foreach (var (name, value) in UnreadableInForms)
            ShouldRefuseUnreadableFormAsync(await PageForms.PostAsync(organizer, "/Organizations/Units", [("CityCode", "maanshan"), ("Name", value), ("Kind", "Enterprise")]), $"page {name}");
        foreach (var (name, value) in ForPages)
        {
            await ShouldRefuseAsync(await PageForms.PostAsync(organizer, "/Organizations/Units", [("CityCode", "maanshan"), ("Name", value), ("Kind", "Enterprise")]), $"page create {name}", "单位名称");
            await ShouldRefuseAsync(await PageForms.PostAsync(organizer, "/Organizations/Units", [("newName", value)], $"Rename&id={unit}"), $"page rename {name}", "单位名称");
        }
        await ShouldRefuseAsync(await PageForms.PostAsync(organizer, "/Organizations/Units", [("CityCode", "maanshan"), ("Name", "好单位"), ("Kind", "99")]), "page kind 99", "单位类型");
        (await CountsAsync(app)).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task WorkerRegistration_RefusesEveryHostileValue_OnApiAndPage(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var organizer = await app.OrganizerClientAsync();
        var unit = await UnitAsync(organizer);
        var client = app.NewClient();
        var before = await CountsAsync(app);
        object Body(string name = "张三", string? phone = "13900000001", string? employeeNumber = null) =>
            new { name, phone, employeeNumber, unitId = unit, password = "gongren2026" };
        foreach (var (name, value) in ForJson)
        {
            await ShouldRefuseAsync(await PostJsonAsync(client, "/api/account/register", Json(Body(name: value))), $"name {name}", "姓名", "$.name");
            await ShouldRefuseAsync(await PostJsonAsync(client, "/api/account/register", Json(Body(phone: value))), $"phone {name}", "手机号", "$.phone");
            await ShouldRefuseAsync(await PostJsonAsync(client, "/api/account/register", Json(Body(phone: null, employeeNumber: value))), $"number {name}", "工号", "$.employeeNumber");
        }
        await ShouldRefuseAsync(await PostJsonAsync(client, "/api/account/register", Json(Body(phone: null, employeeNumber: "工号一"))), "non-ASCII employee number", "工号只能包含");
        await ShouldRefuseAsync(await PostJsonAsync(client, "/api/account/register", Json(new { name = "张三", phone = "13900000002", unitId = unit, password = "gongren2026", level = 99 })), "level 99", "等级");
        await ShouldRefuseAsync(await PostJsonAsync(client, "/api/account/register", """{"name":"张三","phone":"13900000003","unitId":"not-a-guid","password":"gongren2026"}"""), "unit id", "$.unitId");
        foreach (var (name, value) in ForPages)
        {
            var fields = new[] { ("Input.Name", value), ("Input.Phone", "13900000004"), ("Input.UnitId", unit.ToString()), ("Input.Password", "gongren2026") };
            await ShouldRefuseAsync(await PageForms.PostAsync(app.NewClient(), "/Account/Register", fields), $"page name {name}", "姓名");
        }
        (await CountsAsync(app)).ShouldBe(before);

        // Full-width digits and spaces are what a Chinese keyboard types: accepted, stored as the plain number.
        var res = await PostJsonAsync(client, "/api/account/register", Json(Body(name: "王\u200b五", phone: "１３９ ００００-０００９")));
        res.StatusCode.ShouldBe(HttpStatusCode.Created, await res.Content.ReadAsStringAsync());
        (await res.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("userName").GetString().ShouldBe("13900000009");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ContestantForm_RefusesEveryHostileValue_OnApiAndPage(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var organizer = await app.OrganizerClientAsync();
        var contest = await ContestAsync(organizer);
        var before = await CountsAsync(app);
        Dictionary<string, object?> Body() => new() { ["number"] = "A01", ["name"] = "张三", ["unitName"] = "马钢", ["cityCode"] = "maanshan", ["group"] = "职工组", ["team"] = null };
        var labels = new Dictionary<string, string> { ["number"] = "参赛号", ["name"] = "姓名", ["unitName"] = "单位", ["cityCode"] = "城市", ["group"] = "组别", ["team"] = "团队" };
        foreach (var (field, label) in labels)
            foreach (var (name, value) in ForJson)
            {
                var body = Body();
                body[field] = value;
                await ShouldRefuseAsync(await PostJsonAsync(organizer, $"/api/contests/{contest}/contestants", Json(body)), $"{field} {name}", label, "$." + field);
            }
        Guid round;
        await using (var db = app.Database.NewContext()) round = await db.Rounds.Where(r => r.ContestId == contest).Select(r => r.Id).SingleAsync();
        foreach (var (name, value) in ForJson)
        {
            await ShouldRefuseAsync(await PostJsonAsync(organizer, $"/api/contests/{contest}/judges", Json(new { roundId = round, station = value, judgeUserName = "judge" })), $"station {name}", "工位", "$.station");
            await ShouldRefuseAsync(await PostJsonAsync(organizer, $"/api/contests/{contest}/judges", Json(new { roundId = round, station = "A1", judgeUserName = value })), $"judge {name}", "裁判账号", "$.judgeUserName");
        }
        foreach (var (name, value) in ForPages)
        {
            var page = await PageForms.PostAsync(organizer, $"/Contests/Manage/{contest}",
                [("Number", value), ("Name", "张三"), ("UnitName", "马钢"), ("CityCode", "maanshan"), ("Group", "职工组")], "Register");
            (await PageForms.TextAsync(page)).ShouldContain("参赛号", customMessage: name);
        }
        (await CountsAsync(app)).ShouldBe(before);

        // Numbers are one whatever their case or width; groups match the contest's whatever their spacing.
        (await organizer.PostAsJsonAsync($"/api/contests/{contest}/contestants", new { number = "a01", name = "张三", unitName = "马钢", cityCode = "马鞍山", group = " 职工组 " })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var dup = await organizer.PostAsJsonAsync($"/api/contests/{contest}/contestants", new { number = "Ａ01", name = "李四", unitName = "马钢", cityCode = "maanshan", group = "职工组" });
        await ShouldRefuseAsync(dup, "duplicate number", "参赛号 A01 已被使用");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ExamCreation_RefusesHostileTitlesAndNumbers_OnApiAndPage(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var organizer = await app.OrganizerClientAsync();
        var before = await CountsAsync(app);
        var now = DateTime.UtcNow;
        JsonObject Body() => JsonNode.Parse(Json(new
        {
            title = "车工理论考试",
            blueprint = new { sections = new[] { new { title = "一、单选题", cells = new[] { new { tradeCode = "lathe-operator", levels = new[] { "Level5", "Level4", "Level3" }, type = "Single", count = 5, points = 2.0, targetDifficulty = 2.5, knowledgePoints = Array.Empty<string>() } } } }, tolerance = 1.5 },
            settings = new { durationMinutes = 30, opensAt = now, closesAt = now.AddHours(3), attemptsAllowed = 1, passMark = 6.0, overdue = "AutoSubmit", graceMinutes = 0, shuffleQuestions = true, shuffleOptions = true, review = "Score", multipleScoring = "AllOrNothing" },
        }))!.AsObject();
        async Task Refuse(string what, Action<JsonObject> change, params string[] names)
        {
            var body = Body();
            change(body);
            await ShouldRefuseAsync(await PostJsonAsync(organizer, "/api/exams", body.ToJsonString().Replace(LoneSurrogate, "坏\\ud800值")), what, names);
        }
        JsonObject Cell(JsonObject b) => b["blueprint"]!["sections"]![0]!["cells"]![0]!.AsObject();
        JsonObject Settings(JsonObject b) => b["settings"]!.AsObject();

        foreach (var (name, value) in ForJson)
        {
            await Refuse($"title {name}", b => b["title"] = value, "考试名称", "$.title");
            await Refuse($"section {name}", b => b["blueprint"]!["sections"]![0]!["title"] = value, "部分标题", "$.blueprint");
        }
        foreach (var raw in new[] { "1e308", "-1", "0", "\"NaN\"", "\"Infinity\"", "1e400" })
        {
            await Refuse($"points {raw}", b => Cell(b)["points"] = JsonNode.Parse(raw), "每题分值", "$.blueprint");
            await Refuse($"target {raw}", b => Cell(b)["targetDifficulty"] = JsonNode.Parse(raw), "目标难度", "$.blueprint");
            await Refuse($"tolerance {raw}", b => b["blueprint"]!["tolerance"] = JsonNode.Parse(raw), "难度容差", "$.blueprint");
            await Refuse($"pass mark {raw}", b => Settings(b)["passMark"] = JsonNode.Parse(raw == "0" ? "-0.5" : raw), "及格分", "$.settings");
        }
        foreach (var raw in new[] { "-5", "0", "100000", "2147483647", "2147483648", "1e308", "1.5" })
        {
            await Refuse($"duration {raw}", b => Settings(b)["durationMinutes"] = JsonNode.Parse(raw), "考试时长", "$.settings");
            await Refuse($"count {raw}", b => Cell(b)["count"] = JsonNode.Parse(raw), "题数", "一份试卷最多", "蓝图至少需要", "$.blueprint");
            await Refuse($"attempts {raw}", b => Settings(b)["attemptsAllowed"] = JsonNode.Parse(raw), "作答次数", "$.settings");
        }
        foreach (var raw in new[] { "\"0001-01-01T00:00:00\"", "\"9999-12-31T23:59:59\"", "\"not a date\"" })
            await Refuse($"opens {raw}", b => Settings(b)["opensAt"] = JsonNode.Parse(raw), "开始时间", "$.settings");
        await Refuse("no blueprint", b => b.Remove("blueprint"), "蓝图");
        await Refuse("no settings", b => b.Remove("settings"), "考试设置");
        await Refuse("no levels", b => Cell(b)["levels"] = null, "请选择工种和等级");
        await Refuse("level 99", b => Cell(b)["levels"] = JsonNode.Parse("[99]"), "等级或题型不存在");
        await Refuse("overdue 99", b => Settings(b)["overdue"] = 99, "超时处理");

        var form = new List<(string, string)>
        {
            ("Title", "车工理论考试"), ("OpensAt", "2026-12-01T09:00"), ("ClosesAt", "2026-12-01T18:00"), ("Duration", "30"), ("Attempts", "1"), ("PassMark", "6"),
            ("Overdue", "AutoSubmit"), ("Grace", "5"), ("Scoring", "AllOrNothing"), ("Tolerance", "1.5"),
            ("Rows[0].Section", "一"), ("Rows[0].Trade", "lathe-operator"), ("Rows[0].Levels", "Level5"), ("Rows[0].Levels", "Level4"), ("Rows[0].Levels", "Level3"),
            ("Rows[0].Type", "Single"), ("Rows[0].Count", "5"), ("Rows[0].Points", "2"), ("Rows[0].Target", "2.5"),
        };
        async Task RefusePage(string what, string field, string value, params string[] names)
        {
            var fields = form.Where(f => f.Item1 != field).Append((field, value)).ToList();
            await ShouldRefuseAsync(await PageForms.PostAsync(organizer, "/Exams/Manage/Create", fields), what, names);
        }
        foreach (var (name, value) in ForPages) await RefusePage($"page title {name}", "Title", value, "考试名称");
        await RefusePage("page pass mark NaN", "PassMark", "NaN", "及格分");
        await RefusePage("page pass mark Infinity", "PassMark", "Infinity", "及格分");
        await RefusePage("page tolerance NaN", "Tolerance", "NaN", "难度容差");
        await RefusePage("page duration 1e308", "Duration", "1e308", "考试时长");
        await RefusePage("page points NaN", "Rows[0].Points", "NaN", "每题分值");
        await RefusePage("page count huge", "Rows[0].Count", "99999999999", "第 1 行的题数");
        await RefusePage("page opens year 1", "OpensAt", "0001-01-01T00:00", "开始时间");
        (await CountsAsync(app)).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ContestCreation_RefusesHostileTitlesAndNumbers(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var organizer = await app.OrganizerClientAsync();
        var before = await CountsAsync(app);
        async Task Refuse(string what, Action<JsonObject> change, params string[] names)
        {
            var body = JsonNode.Parse(Json(ContestBody(DateTime.UtcNow)))!.AsObject();
            change(body);
            await ShouldRefuseAsync(await PostJsonAsync(organizer, "/api/contests", body.ToJsonString().Replace(LoneSurrogate, "坏\\ud800值")), what, names);
        }
        JsonObject Round(JsonObject b) => b["rounds"]![0]!.AsObject();
        JsonObject Task(JsonObject b) => Round(b)["tasks"]![0]!.AsObject();
        JsonObject Item(JsonObject b, int i = 0) => Task(b)["scheme"]![i]!.AsObject();

        foreach (var (name, value) in ForJson)
        {
            await Refuse($"title {name}", b => b["title"] = value, "竞赛名称", "$.title");
            await Refuse($"group {name}", b => b["groups"] = new JsonArray(value), "组别", "$.groups");
            await Refuse($"round {name}", b => Round(b)["title"] = value, "轮次名称", "$.rounds");
            await Refuse($"task {name}", b => Task(b)["title"] = value, "任务名称", "$.rounds");
            await Refuse($"station {name}", b => Task(b)["station"] = value, "工位", "$.rounds");
            await Refuse($"item code {name}", b => Item(b)["code"] = value, "评分项编号", "$.rounds");
        }
        foreach (var raw in new[] { "1e308", "-1", "0", "\"NaN\"", "\"-Infinity\"", "1e400" })
        {
            await Refuse($"weight {raw}", b => Round(b)["weightPercent"] = JsonNode.Parse(raw), "权重", "$.rounds");
            await Refuse($"max score {raw}", b => Round(b)["maxScore"] = JsonNode.Parse(raw), "满分", "$.rounds");
            await Refuse($"max points {raw}", b => Item(b, 1)["maxPoints"] = JsonNode.Parse(raw), "配分", "$.rounds");
        }
        foreach (var raw in new[] { "1e20", "-1e20", "1e30", "\"NaN\"" })
            await Refuse($"nominal {raw}", b => Item(b)["nominal"] = JsonNode.Parse(raw), "基本尺寸", "$.rounds");
        await Refuse("negative tolerance", b => Item(b)["lower"] = -1, "偏差");
        await Refuse("judges 0", b => Item(b, 1)["judgeCount"] = 0, "裁判人数");
        await Refuse("group with |", b => b["groups"] = new JsonArray("职工|学生"), "竖线");
        await Refuse("11 groups", b => b["groups"] = new JsonArray(Enumerable.Range(0, 11).Select(i => (JsonNode)JsonValue.Create("组" + i)!).ToArray()), "组别最多 10 个");
        await Refuse("duplicate groups", b => b["groups"] = new JsonArray("职工组", " 职工组"), "组别重复");
        await Refuse("level 99", b => b["level"] = 99, "竞赛级别");
        await Refuse("tie-break 99", b => b["tieBreaks"] = new JsonArray(99), "决胜规则");
        await Refuse("year 1", b => b["startsAt"] = "0001-01-01T00:00:00Z", "开始时间");
        await Refuse("year 9999", b => b["endsAt"] = "9999-12-31T23:59:59Z", "结束时间");
        await Refuse("no rounds", b => b["rounds"] = null, "至少需要一轮");
        await Refuse("null scheme", b => Task(b)["scheme"] = null, "评分细则");
        await Refuse("unknown trade", b => b["tradeCode"] = "no-such-trade", "未知工种");
        await Refuse("missing title", b => b.Remove("title"), "竞赛名称");
        (await CountsAsync(app)).ShouldBe(before);
    }
}
