using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Competition.Engine.Persistence;
using Competition.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Competition.Tests.Integration.Common;

/// <summary>
/// Hostile values for every text field of every import and form, and the check each must pass: a 400 or 409 (or a
/// form error) whose message names the field, never a 500, and not a row written.
/// </summary>
public static class HostileCorpus
{
    /// <summary>Text no field accepts.</summary>
    public static readonly (string Name, string Value)[] Texts =
    [
        ("control character", "坏\u0001值"),
        ("NUL", "坏\0值"),
        ("ANSI escape", "\u001b[31m红字"),
        ("C1 control", "坏\u009b值"),
        ("bidi override", "abc\u202Egnp.exe"),
        ("bidi isolate", "甲\u2066乙"),
        ("replacement character (mis-decoded file)", "锟斤拷\ufffd"),
        ("noncharacter", "坏\uffff"),
        ("1 MB", new string('长', 1_000_000)),
    ];

    /// <summary>
    /// Text for page forms. ASP.NET Core refuses a url-encoded form holding %00, or a value past 4 MB encoded (the
    /// 1 MB of CJK above is 9 MB as %XX), as a whole: 400 before any page code runs, so no field can be named;
    /// <see cref="ShouldRefuseUnreadableFormAsync"/> checks that. A megabyte of ASCII reaches the page and is named.
    /// </summary>
    public static IEnumerable<(string Name, string Value)> ForPages =>
        Texts.Where(t => !t.Value.Contains('\0') && t.Value.Length < 1000).Append(("1 MB ASCII", new string('x', 1_000_000)));

    public static readonly (string Name, string Value)[] UnreadableInForms = [("NUL", "坏\0值"), ("9 MB encoded", new string('长', 1_000_000))];

    public static void ShouldRefuseUnreadableFormAsync(HttpResponseMessage res, string what) =>
        ((int)res.StatusCode).ShouldBe(400, $"{what}: {(int)res.StatusCode}");

    /// <summary>A JSON string with a lone surrogate escape, which no serializer writes: a placeholder replaced in the raw body.</summary>
    public const string LoneSurrogate = "LONE-SURROGATE-PLACEHOLDER";

    public static IEnumerable<(string Name, string Value)> ForJson => Texts.Append(("lone surrogate", LoneSurrogate));

    /// <summary>The body as JSON, with the lone-surrogate placeholder turned into the real escape.</summary>
    public static string Json(object value) =>
        JsonSerializer.Serialize(value, new JsonSerializerOptions(JsonSerializerDefaults.Web)).Replace(LoneSurrogate, "坏\\ud800值");

    /// <summary>Posts raw JSON (so NaN, 1e308 and overlong integers reach the server as typed).</summary>
    public static Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string url, string json, HttpMethod? method = null) =>
        client.SendAsync(new HttpRequestMessage(method ?? HttpMethod.Post, url) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") });

    /// <summary>The response refused the value: 400/409 naming the field (one of <paramref name="names"/>), no server error.</summary>
    public static async Task ShouldRefuseAsync(HttpResponseMessage res, string what, params string[] names)
    {
        var body = await PageForms.TextAsync(res);
        ((int)res.StatusCode).ShouldBeOneOf([400, 409], $"{what}: {(int)res.StatusCode} {body[..Math.Min(body.Length, 600)]}");
        names.Any(body.Contains).ShouldBeTrue($"{what}: the message names none of {string.Join(", ", names)}: {body[..Math.Min(body.Length, 600)]}");
        body.Length.ShouldBeLessThan(200_000, $"{what}: the answer echoes the hostile value");
    }

    public static async Task<Dictionary<string, int>> CountsAsync(AppFactory app)
    {
        await using var db = app.Database.NewContext();
        return new()
        {
            ["units"] = await db.Units.CountAsync(), ["workers"] = await db.Workers.CountAsync(), ["users"] = await db.Users.CountAsync(),
            ["contestants"] = await db.Contestants.CountAsync(), ["contests"] = await db.Contests.CountAsync(), ["rounds"] = await db.Rounds.CountAsync(),
            ["judges"] = await db.JudgeAssignments.CountAsync(), ["exams"] = await db.Exams.CountAsync(), ["questions"] = await db.Questions.CountAsync(), ["versions"] = await db.QuestionVersions.CountAsync(),
        };
    }

    /// <summary>A contest of the organizer's city with groups 职工组 and 学生组, for registering contestants.</summary>
    public static async Task<Guid> ContestAsync(HttpClient organizer)
    {
        var now = DateTime.UtcNow;
        var res = await organizer.PostAsJsonAsync("/api/contests", ContestBody(now), new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } });
        res.StatusCode.ShouldBe(HttpStatusCode.Created, await res.Content.ReadAsStringAsync());
        return (await res.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static Dictionary<string, object?> ContestBody(DateTime now) => new()
    {
        ["title"] = "钳工技能竞赛", ["tradeCode"] = "fitter", ["level"] = "CityClass1", ["groups"] = new[] { "职工组", "学生组" },
        ["startsAt"] = now.AddDays(1), ["freezeAt"] = null, ["endsAt"] = now.AddDays(1).AddHours(3), ["tieBreaks"] = new[] { "HigherPractical" },
        ["rounds"] = new[]
        {
            new Dictionary<string, object?>
            {
                ["kind"] = "Practical", ["title"] = "实操", ["weightPercent"] = 100, ["startsAt"] = now.AddDays(1), ["endsAt"] = now.AddDays(1).AddHours(3),
                ["examId"] = null, ["maxScore"] = 30,
                ["tasks"] = new[]
                {
                    new Dictionary<string, object?>
                    {
                        ["title"] = "锉配", ["station"] = "A1",
                        ["scheme"] = new[]
                        {
                            new Dictionary<string, object?> { ["code"] = "M1", ["title"] = "尺寸", ["kind"] = "MeasuredValue", ["maxPoints"] = 10, ["nominal"] = 20.0, ["lower"] = 0.05, ["upper"] = 0.05 },
                            new Dictionary<string, object?> { ["code"] = "J1", ["title"] = "工艺", ["kind"] = "Judgement", ["maxPoints"] = 20, ["judgeCount"] = 3 },
                        },
                    },
                },
            },
        },
    };
}
