using Competition.Engine.Persistence;
using Competition.Tests.Infrastructure;
using Competition.Tests.Integration.Contests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Competition.Tests.Browser.Judging;

public class JudgePagesTests(BrowserSession browser) : IClassFixture<BrowserSession>
{
    private static async Task<List<(string Number, string Item, double? Value)>> MarksAsync(ContestScenario s, string judge)
    {
        await using var db = s.App.Database.NewContext();
        var judgeId = (await db.Users.SingleAsync(u => u.UserName == judge)).Id;
        var numbers = s.Contestants.ToDictionary(p => p.Value, p => p.Key);
        return (await db.ItemMarks.Where(m => m.JudgeUserId == judgeId).ToListAsync()).Select(m => (numbers[m.ContestantId], m.ItemCode, m.Value)).ToList();
    }

    [Fact]
    public async Task Judge_SignsInFromHome_LandsOnMyContests_SavesOneCardWhileAnotherIsBeingTyped()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        var s = await ContestScenario.CreateAsync(app, DateTime.UtcNow);
        var page = await browser.NewPageAsync(app.BaseAddress);
        await new HomeSignIn(page).SignInAsync(s.Judges[0]);
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Judging$"));
        await Assertions.Expect(page.GetByTestId("my-contest")).ToContainTextAsync("安徽省钳工技能竞赛");
        await page.GetByRole(AriaRole.Link, new() { Name = "评分表" }).ClickAsync();

        var sheet = new SheetPage(page);
        await sheet.ChooseAsync("A001", "M1", "1");
        await sheet.TypeAsync("A001", "M2", "20.01");
        await sheet.ChooseAsync("A001", "J1", "2");
        await sheet.TypeAsync("A002", "M2", "19.9");          // the next card is half typed
        await page.Mouse.WheelAsync(0, 300);
        var scrolled = await page.EvaluateAsync<double>("() => window.scrollY");
        await sheet.SaveAsync("A001");
        await Assertions.Expect(sheet.State("A001")).ToContainTextAsync("已保存");
        await Assertions.Expect(sheet.Line("A001").GetByTestId("line-points")).ToHaveTextAsync("30");   // M1 10 + M2 20; J1 waits for three judges
        await Assertions.Expect(sheet.Field("A002", "M2")).ToHaveValueAsync("19.9");
        await Assertions.Expect(sheet.State("A002")).ToContainTextAsync("未保存");
        (await page.EvaluateAsync<double>("() => window.scrollY")).ShouldBe(scrolled);

        await sheet.ChooseAsync("A002", "M1", "0");
        await sheet.SaveAsync("A002");
        await Assertions.Expect(sheet.State("A002")).ToContainTextAsync("已保存");

        // The engine's number checks answer on the field; what cannot be read as a number never leaves the page.
        await sheet.TypeAsync("A003", "M2", "200.3");
        await sheet.SaveAsync("A003");
        await Assertions.Expect(sheet.ItemError("A003", "M2")).ToContainTextAsync("超出合理范围");
        await Assertions.Expect(sheet.State("A003")).ToContainTextAsync("未保存");
        await sheet.TypeAsync("A003", "M2", "二十");
        await sheet.SaveAsync("A003");
        await Assertions.Expect(sheet.ItemError("A003", "M2")).ToContainTextAsync("不是数字");

        var marks = await MarksAsync(s, s.Judges[0]);
        marks.ShouldContain(("A001", "M2", (double?)20.01));
        marks.ShouldContain(("A001", "J1", (double?)2));
        marks.ShouldContain(("A002", "M2", (double?)19.9));
        marks.ShouldContain(("A002", "M1", (double?)0));
        marks.ShouldNotContain(m => m.Number == "A003");
    }

    [Fact]
    public async Task Judge_OnAFlakyConnection_SeesPendingMarker_KeepsUnsentCardsAcrossAReload_AndTheyAreSavedWhenTheConnectionIsBack()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        var s = await ContestScenario.CreateAsync(app, DateTime.UtcNow);
        var page = await browser.NewPageAsync(app.BaseAddress);
        await new HomeSignIn(page).SignInAsync(s.Judges[1]);
        await page.GetByRole(AriaRole.Link, new() { Name = "评分表" }).ClickAsync();
        var sheet = new SheetPage(page);

        await page.RouteAsync("**/api/marks", route => route.AbortAsync("internetdisconnected"));
        await sheet.ChooseAsync("A001", "J1", "3");
        await sheet.SaveAsync("A001");
        await Assertions.Expect(sheet.State("A001")).ToContainTextAsync("未送达");
        await sheet.TypeAsync("A002", "M2", "20.02");           // typed, not yet saved

        await page.ReloadAsync();
        await Assertions.Expect(sheet.Field("A001", "J1")).ToHaveValueAsync("3");
        await Assertions.Expect(sheet.Field("A002", "M2")).ToHaveValueAsync("20.02");
        await Assertions.Expect(page.GetByTestId("sheet-banner")).ToBeVisibleAsync();
        await Assertions.Expect(sheet.State("A001")).ToContainTextAsync("未送达");
        await Assertions.Expect(sheet.State("A002")).ToContainTextAsync("未保存");
        (await MarksAsync(s, s.Judges[1])).ShouldBeEmpty();

        await page.UnrouteAllAsync();
        await Assertions.Expect(sheet.State("A001")).ToContainTextAsync("已保存");
        (await MarksAsync(s, s.Judges[1])).ShouldBe([("A001", "J1", 3)]);
        await sheet.SaveAsync("A002");
        await Assertions.Expect(sheet.State("A002")).ToContainTextAsync("已保存");
        (await MarksAsync(s, s.Judges[1])).ShouldContain(("A002", "M2", (double?)20.02));

        // Nothing is left in the device's store once the server has it.
        (await page.EvaluateAsync<int>("() => Object.keys(JSON.parse(Object.entries(localStorage).find(([k]) => k.startsWith('sheet:'))?.[1] || '{}')).length")).ShouldBe(0);
    }

    [Fact]
    public async Task ChiefJudge_SignsOffThenCorrectsWithAReason_AndSeesItOnTheAuditPage()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        var s = await ContestScenario.CreateAsync(app, DateTime.UtcNow);
        await s.MarkFullyAsync("A001", met: true, measured: 20.01, 2, 2, 1);
        var page = await browser.NewPageAsync(app.BaseAddress);
        page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        await new HomeSignIn(page).SignInAsync(s.Chief);
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Judging$"));
        await page.GetByRole(AriaRole.Link, new() { Name = "签字确认与更正" }).ClickAsync();
        await page.GetByLabel("参赛号").SelectOptionAsync("A001");
        await Assertions.Expect(page.GetByTestId("correction-task")).ToContainTextAsync("凹凸件锉配");
        await page.GetByRole(AriaRole.Button, new() { Name = "签字确认" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("signed-off")).ToBeVisibleAsync();

        var row = page.Locator($"[data-testid='correction-row'][data-item='J1'][data-judge='{s.Judges[2]}']");
        await row.GetByPlaceholder("新值").FillAsync("3");
        await row.GetByPlaceholder("理由（至少 4 个字）").FillAsync("好");
        await row.GetByRole(AriaRole.Button, new() { Name = "更正" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("corrections-errors")).ToContainTextAsync("必须写明理由");
        row = page.Locator($"[data-testid='correction-row'][data-item='J1'][data-judge='{s.Judges[2]}']");
        await row.GetByPlaceholder("新值").FillAsync("3");
        await row.GetByPlaceholder("理由（至少 4 个字）").FillAsync("录像复核后更正为 3 分");
        await row.GetByRole(AriaRole.Button, new() { Name = "更正" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("corrections-message")).ToContainTextAsync("J1 → 3");
        await Assertions.Expect(row.GetByTestId("current-value")).ToHaveTextAsync("3");

        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "评分审计" }).ClickAsync();
        var audit = page.GetByTestId("audit-table");
        await Assertions.Expect(audit).ToContainTextAsync("录像复核后更正为 3 分");
        await Assertions.Expect(audit).ToContainTextAsync("凹凸件锉配（工位 A1）");
        await Assertions.Expect(audit).ToContainTextAsync(s.Judges[2]);
        await Assertions.Expect(audit).Not.ToContainTextAsync(s.Contestants["A001"].ToString());
        var local = Competition.Engine.Common.TimeZones.Shanghai(DateTime.UtcNow).ToString("MM-dd HH");
        await Assertions.Expect(page.GetByTestId("audit-row").First).ToContainTextAsync(local);

        await page.GetByLabel("参赛号").SelectOptionAsync("A002");
        await page.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("audit-empty")).ToBeVisibleAsync();

        await new HomeSignIn(page).SwitchToEnglishAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Audit trail");
        await page.GetByLabel("Contestant number").SelectOptionAsync("A001");
        await page.GetByLabel("Judge").SelectOptionAsync(new SelectOptionValue { Label = s.Judges[2] + "（" + s.Judges[2] + "）" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("audit-row")).ToHaveCountAsync(2);   // the judge's own J1, then the correction
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("audit-csv").ClickAsync());
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        csv.ShouldContain("录像复核后更正为 3 分");
        csv.ShouldContain("凹凸件锉配（工位 A1）");
        csv.ShouldContain("时间(北京时间)");
        csv.ShouldNotContain("J1,"+ s.Judges[0]);
    }

    [Fact]
    public async Task Judge_InEnglish_SavesACardFromTheEnglishSheet()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        var s = await ContestScenario.CreateAsync(app, DateTime.UtcNow);
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.GotoAsync("/");
        var home = new HomeSignIn(page);
        await home.SwitchToEnglishAsync();
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).ClickAsync();
        // The sign-in form by its fields, whichever language its labels are in.
        await page.Locator("#UserName").FillAsync(s.Judges[0]);
        await page.Locator("#Password").FillAsync("test-pass-123");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("My contests");
        await page.GetByRole(AriaRole.Link, new() { Name = "Marking sheet" }).ClickAsync();
        var sheet = new SheetPage(page);
        await sheet.ChooseAsync("A001", "M1", "1");
        await sheet.SaveAsync("A001", "Save No. {0}");
        await Assertions.Expect(sheet.State("A001")).ToContainTextAsync("Saved");
        (await MarksAsync(s, s.Judges[0])).ShouldBe([("A001", "M1", 1)]);
    }

    [Fact]
    public async Task ChiefJudge_InEnglish_IsToldInEnglishThatACorrectionIsNotANumber()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        var s = await ContestScenario.CreateAsync(app, DateTime.UtcNow);
        await s.MarkFullyAsync("A001", met: true, measured: 20.01, 2, 2, 1);
        var page = await browser.NewPageAsync(app.BaseAddress);
        var home = new HomeSignIn(page);
        await home.SignInAsync(s.Chief);
        await home.SwitchToEnglishAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign-off and corrections" }).ClickAsync();
        await page.GetByLabel("Contestant number").SelectOptionAsync("A001");
        var row = page.Locator($"[data-testid='correction-row'][data-item='J1'][data-judge='{s.Judges[2]}']");
        await row.GetByPlaceholder("New value").FillAsync("three");
        await row.GetByPlaceholder("Reason (at least 4 characters)").FillAsync("video review shows 3");
        await row.GetByRole(AriaRole.Button, new() { Name = "Correct" }).ClickAsync();
        // The page's own message, in English (the engine's refusals stay Chinese).
        await Assertions.Expect(page.GetByTestId("corrections-errors")).ToContainTextAsync("“three” is not a number");
    }
}
