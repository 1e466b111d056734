using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Competition.Engine.Contests;
using Competition.Engine.Judging;
using Competition.Engine.Persistence;
using Competition.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Competition.Tests.Integration.Contests;

/// <summary>Numbers where they enter: the mark API, the judge's sheet page, contest creation, and marks already stored.</summary>
public class MarkNumbersTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static async Task<int> StoredMarksAsync(ContestScenario s, string number, string? item = null)
    {
        await using var db = s.App.Database.NewContext();
        return await db.ItemMarks.CountAsync(m => m.ContestantId == s.Contestants[number] && (item == null || m.ItemCode == item));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AMeasurementOf1e308_IsRefusedWithTheItemsRange_AndTheSheetAndBoardStayUp(DatabaseProvider provider)
    {
        var s = await ContestScenario.CreateAsync(await apps.For(provider), DateTime.UtcNow);
        foreach (var value in new[] { 1e308, -1e308, 200.3, 20.0312 })
        {
            var res = await s.MarkAsync(s.Judges[0], "A001", ("M1", 1), ("M2", value));
            res.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await res.Content.ReadAsStringAsync()).ShouldContain("评分项 M2 的测量值");
        }
        (await StoredMarksAsync(s, "A001")).ShouldBe(0);
        (await (await s.App.SignedInClientAsync(s.Judges[0])).GetAsync($"/api/contests/{s.ContestId}/sheet")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await s.BoardAsync(jury: true)).Rows.Count.ShouldBe(3);
        (await s.MarkAsync(s.Judges[0], "A001", ("M2", 20.031))).EnsureSuccessStatusCode();   // a micrometer reading is taken
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnItemNeverHoldsMoreMarksThanItsJudges_AndAnObjectiveItemHoldsOneValue(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var s = await ContestScenario.CreateAsync(app, DateTime.UtcNow);
        var extra = new[] { await app.CreateStaffAsync(Competition.Engine.Accounts.Roles.Judge, "maanshan"), await app.CreateStaffAsync(Competition.Engine.Accounts.Roles.Judge, "maanshan") };
        Guid roundId;
        await using (var db = app.Database.NewContext()) roundId = db.Rounds.Single(r => r.ContestId == s.ContestId).Id;
        foreach (var j in extra)
            (await s.Organizer.PostAsJsonAsync($"/api/contests/{s.ContestId}/judges", new { roundId, station = "A1", judgeUserName = j })).EnsureSuccessStatusCode();

        await s.MarkFullyAsync("A001", met: true, measured: 20.00, 2, 2, 2);
        var fourth = await s.MarkAsync(extra[0], "A001", ("J1", 3));
        fourth.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await fourth.Content.ReadAsStringAsync()).ShouldContain("3 名裁判都已评分");
        var second = await s.MarkAsync(s.Judges[1], "A001", ("M1", 0));
        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await second.Content.ReadAsStringAsync()).ShouldContain("只记录一个值");
        (await s.OverrideAsync(extra[1], "A001", "J1", 3)).StatusCode.ShouldBe(HttpStatusCode.Conflict);   // not even the chief judge adds a fourth
        (await s.OverrideAsync(s.Judges[1], "A001", "J1", 3)).EnsureSuccessStatusCode();                  // but corrects one of the three
        (await s.MarkAsync(s.Judges[0], "A001", ("M1", 0))).EnsureSuccessStatusCode();                    // and the judge who holds a value changes it

        // Two judges taking the last place at once: whichever order the server sees, one is stored and one refused.
        (await s.MarkAsync(s.Judges[0], "A002", ("J1", 2))).EnsureSuccessStatusCode();
        (await s.MarkAsync(s.Judges[1], "A002", ("J1", 2))).EnsureSuccessStatusCode();
        var race = await Task.WhenAll(s.MarkAsync(s.Judges[2], "A002", ("J1", 2)), s.MarkAsync(extra[0], "A002", ("J1", 2)));
        race.Select(r => r.StatusCode).OrderBy(c => c).ShouldBe([HttpStatusCode.OK, HttpStatusCode.Conflict]);
        (await StoredMarksAsync(s, "A001", "J1")).ShouldBe(3);
        (await StoredMarksAsync(s, "A002", "J1")).ShouldBe(3);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task BadMarksAlreadyStored_FlagTheItemForTheChiefJudge_AndNeverBreakTheSheetOrTheBoard(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var s = await ContestScenario.CreateAsync(app, DateTime.UtcNow);
        await s.MarkFullyAsync("A002", met: true, measured: 20.00, 2, 2, 2);
        await using (var db = app.Database.NewContext())
        {
            // As an older version let them in: a measurement of 1e308, and five judgements on a three-judge item.
            var judgeId = db.Users.Single(u => u.UserName == s.Judges[0]).Id;
            var measured = new ItemMark(Guid.NewGuid(), s.ContestId, s.Contestants["A001"], s.TaskId, "M2", judgeId, 1);
            db.MarkAudits.Add(measured.Change(1e308, "legacy", null, DateTime.UtcNow)!);
            db.ItemMarks.Add(measured);
            for (var slot = 4; slot <= 5; slot++)
            {
                var extra = new ItemMark(Guid.NewGuid(), s.ContestId, s.Contestants["A002"], s.TaskId, "J1", $"legacy-{slot}", slot);
                db.MarkAudits.Add(extra.Change(3, "legacy", null, DateTime.UtcNow)!);
                db.ItemMarks.Add(extra);
            }
            await db.SaveChangesAsync();
        }
        // Written behind the app's back, as by an older version: the boards learn of it as they would after an upgrade's restart.
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Competition.Engine.Scoreboards.ScoreboardProjection>(app.Services).Request(s.ContestId);

        var judge = await app.SignedInClientAsync(s.Judges[0]);
        var sheet = await judge.GetAsync($"/api/contests/{s.ContestId}/sheet");
        sheet.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await sheet.Content.ReadAsStringAsync();
        json.ShouldContain("应有 3 个评分，却存有 5 个");
        json.ShouldContain("超出合理范围");
        (await judge.GetAsync($"/Judging/Sheet/{s.ContestId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var jury = await s.BoardAsync(jury: true);
        jury.Rows.Single(r => r.Number == "A002").Practical.ShouldBe(30);   // M1 and M2 count; J1 waits for the chief judge
        (await s.BoardAsync(jury: false)).Rows.Count.ShouldBe(3);
        var chief = await app.SignedInClientAsync(s.Chief);
        var signOff = await chief.PostAsJsonAsync("/api/marks/signoff", new { contestantId = s.Contestants["A002"], taskId = s.TaskId });
        signOff.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await signOff.Content.ReadAsStringAsync()).ShouldContain("J1");
        // The chief judge's correction of the impossible measurement makes the item count again.
        (await s.OverrideAsync(s.Judges[0], "A001", "M2", 20.01)).EnsureSuccessStatusCode();
        (await s.BoardAsync(jury: true)).Rows.Single(r => r.Number == "A001").Practical.ShouldBe(20);
    }

    // Every item has its error place (the page's script fills it too); what the server wrote is in the non-empty ones.
    private static string ItemError(string html) =>
        string.Join("；", Regex.Matches(html, "data-testid=\"item-error\"[^>]*>([^<]*)<").Select(m => m.Groups[1].Value).Where(v => v.Length > 0));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheSheetPage_ShowsWhatIsWrongNextToTheItem_KeepsWhatWasTyped_AndStoresNothing(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var s = await ContestScenario.CreateAsync(app, DateTime.UtcNow);
        var judge = await app.SignedInClientAsync(s.Judges[0]);

        async Task<(HttpStatusCode Status, string Html)> PostAsync(params string[] values)
        {
            var page = await judge.GetStringAsync($"/Judging/Sheet/{s.ContestId}");
            var token = Regex.Match(page, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
            token.ShouldNotBeEmpty();
            List<KeyValuePair<string, string>> form =
            [
                new("__RequestVerificationToken", token), new("contestantId", s.Contestants["A001"].ToString()), new("taskId", s.TaskId.ToString()), new("action", "save"),
                .. new[] { "M1", "M2", "J1" }.Select(c => new KeyValuePair<string, string>("codes", c)),
                .. values.Select(v => new KeyValuePair<string, string>("values", v)),
            ];
            var res = await judge.PostAsync($"/Judging/Sheet/{s.ContestId}", new FormUrlEncodedContent(form));
            return (res.StatusCode, WebUtility.HtmlDecode(await res.Content.ReadAsStringAsync()));   // Razor writes Chinese as character references
        }

        var (status, html) = await PostAsync("1", "abc", "");
        status.ShouldBe(HttpStatusCode.OK);
        ItemError(html).ShouldContain("“abc”不是数字");
        html.ShouldContain("value=\"abc\"");
        html.ShouldContain("<option value=\"1\" selected=\"selected\">符合</option>");

        (status, html) = await PostAsync("1", "1e308", "2");
        status.ShouldBe(HttpStatusCode.OK);
        ItemError(html).ShouldContain("超出合理范围");
        html.ShouldContain("value=\"1e308\"");
        (await StoredMarksAsync(s, "A001")).ShouldBe(0);

        (status, _) = await PostAsync("1", "２０．０１", "2");   // full-width, as a Chinese keyboard types it
        status.ShouldBe(HttpStatusCode.Redirect);
        (await StoredMarksAsync(s, "A001")).ShouldBe(3);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ContestCreation_RefusesPointsWeightsTolerancesAndMaximaNobodyMeans(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var organizer = await app.OrganizerClientAsync("maanshan");
        var now = DateTime.UtcNow;

        async Task<string> RefusedAsync(IReadOnlyList<SchemeItem> scheme, double weight = 100, double maxScore = 10, IReadOnlyList<CreateContest.RoundSpec>? extra = null)
        {
            var rounds = new List<CreateContest.RoundSpec> { new(RoundKind.Practical, "实操", weight, now, now.AddHours(1), null, maxScore, [new("锉配", "A1", scheme)]) };
            rounds.AddRange(extra ?? []);
            var res = await organizer.PostAsJsonAsync("/api/contests", new
            {
                title = "数值校验", tradeCode = "fitter", level = ContestLevel.CityClass2, groups = new[] { "职工组" },
                startsAt = now, freezeAt = (DateTime?)null, endsAt = now.AddHours(1), tieBreaks = Array.Empty<TieBreak>(), rounds,
            }, ContestScenario.Json);
            res.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            return await res.Content.ReadAsStringAsync();
        }

        SchemeItem ok = new("M1", "符合", ItemKind.MeetsOrNot, 10);
        (await RefusedAsync([ok with { MaxPoints = 1e308 }], maxScore: 1e308)).ShouldContain("配分应在");
        (await RefusedAsync([new("M2", "尺寸", ItemKind.MeasuredValue, 10, 20m, -0.05m, 0.05m)])).ShouldContain("下偏差");
        (await RefusedAsync([new("M2", "尺寸", ItemKind.MeasuredValue, 10, 20m, 0.05m, 0.05m, Decimals: 12)])).ShouldContain("小数位数");
        (await RefusedAsync([ok], weight: 1e-9)).ShouldContain("权重");
        (await RefusedAsync([ok with { MaxPoints = 10.001 }], maxScore: 10.001)).ShouldContain("2 位小数");
        // A theory round's maximum must be its exam's, or a good paper would score above it.
        var examId = await Exams.ExamScenario.PublishedExamAsync(organizer, Exams.ExamScenario.Standard, Exams.ExamScenario.Settings(now));
        (await RefusedAsync([ok], weight: 70, extra: [new(RoundKind.Theory, "理论", 30, now, now.AddHours(1), examId, 100, [])])).ShouldContain("与所选考试的总分");
    }
}
