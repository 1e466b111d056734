using System.Text.RegularExpressions;
using Competition.Engine.Accounts;
using Competition.Engine.Persistence;
using Competition.Tests.Browser.Judging;
using Competition.Tests.Infrastructure;
using Competition.Tests.Integration.Contests;
using Microsoft.Playwright;
using static Competition.Tests.Integration.Rankings.ResultPublicationTests;

namespace Competition.Tests.Browser.Rankings;

/// <summary>
/// Issue 9's pages end to end, each person starting from the home page: the organizer sets a rule, drafts and signs; the
/// chief judge signs from 我的竞赛; the organizer starts the 公示; a phone opens 成绩公示 without signing in, sees the
/// awards and files an objection; the organizer answers it and the public page shows the answer (and prints).
/// </summary>
public class ResultsJourneyTests(BrowserSession browser) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task OrganizerDraftsAndSigns_ChiefSigns_Notice_PhoneObjects_OrganizerAnswers_PublicSeesAnswer()
    {
        // The fake clock runs ahead of real time, so that sign-in cookies stay valid.
        var clock = new FakeClock(new DateTimeOffset(DateTime.UtcNow.AddMinutes(5), TimeSpan.Zero));
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite, AppFactory.ClockDrivenByTest(), clock);
        var s = await ContestScenario.CreateAsync(app, clock.GetUtcNow().UtcDateTime);
        await FinalizeAsync(app, s);
        var organizerName = await app.CreateStaffAsync(Roles.Organizer, "maanshan");

        var organizer = await browser.NewPageAsync(app.BaseAddress);
        await organizer.SetViewportSizeAsync(1366, 768);
        organizer.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        await new HomeSignIn(organizer).SignInAsync(organizerName);
        await organizer.GotoAsync("/");
        await organizer.GetByTestId("home-card-organizer").GetByRole(AriaRole.Link, new() { Name = "竞赛", Exact = true }).ClickAsync();
        await organizer.GetByTestId("contest-list").GetByRole(AriaRole.Link, new() { Name = "安徽省钳工技能竞赛" }).ClickAsync();
        await organizer.GetByTestId("results-link").ClickAsync();
        await Assertions.Expect(organizer.GetByTestId("no-results")).ToBeVisibleAsync();

        await organizer.Locator("#basis-count").CheckAsync();
        await organizer.Locator("#Rule_FirstCount").FillAsync("1");
        await organizer.Locator("#Rule_SecondCount").FillAsync("1");
        await organizer.Locator("#Rule_ThirdCount").FillAsync("1");
        await organizer.GetByTestId("draft-button").ClickAsync();
        await Assertions.Expect(organizer.GetByTestId("results-message")).ToContainTextAsync("已生成第 1 版成绩草稿");
        await Assertions.Expect(organizer.GetByTestId("rule-description")).ToContainTextAsync("一等奖 1 名、二等奖 1 名、三等奖 1 名");
        await Assertions.Expect(Line(organizer, "A003").GetByTestId("award")).ToHaveTextAsync("一等奖");
        await Assertions.Expect(Line(organizer, "A001")).ToContainTextAsync("并列 2");
        await Assertions.Expect(organizer.GetByTestId("statements")).ToContainTextAsync("并列");
        await organizer.GetByTestId("organizer-sign").ClickAsync();
        await Assertions.Expect(organizer.GetByTestId("organizer-signature")).ToContainTextAsync("✔");
        // Not before the chief judge has signed: the engine's refusal is on the page.
        await organizer.GetByTestId("notice-button").ClickAsync();
        await Assertions.Expect(organizer.GetByTestId("page-error")).ToContainTextAsync("裁判长未签");

        var chief = await browser.NewPageAsync(app.BaseAddress);
        await chief.SetViewportSizeAsync(1024, 768);
        chief.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        await new HomeSignIn(chief).SignInAsync(s.Chief);
        await chief.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "我的竞赛" }).ClickAsync();
        await chief.GetByTestId("results-sign-link").ClickAsync();
        await Assertions.Expect(Line(chief, "A003").GetByTestId("award")).ToHaveTextAsync("一等奖");
        await chief.ScreenshotAsync(new() { Path = "/tmp/results-chief.png", FullPage = true });
        await chief.GetByTestId("chief-sign").ClickAsync();
        await Assertions.Expect(chief.GetByTestId("sign-message")).ToContainTextAsync("组织者也已签字");
        await Assertions.Expect(chief.GetByTestId("chief-signature")).ToContainTextAsync("✔");

        await organizer.GotoAsync($"/Rankings/Manage/{s.ContestId}");   // not a reload: the page was the answer to a refused post
        await organizer.GetByTestId("notice-button").ClickAsync();
        await Assertions.Expect(organizer.GetByTestId("current-state")).ToHaveTextAsync("公示中");
        await Assertions.Expect(organizer.GetByTestId("results-message")).ToContainTextAsync("公示期至");
        await organizer.ScreenshotAsync(new() { Path = "/tmp/results-organizer.png", FullPage = true });
        var violations = new List<string>();
        await Axe.CheckAsync(organizer, violations, "/Rankings/Manage");

        var phone = await browser.NewPageAsync(app.BaseAddress, phone: true);
        await phone.GotoAsync("/");
        await phone.GetByTestId("home-results-link").ClickAsync();
        await phone.GetByTestId("public-result").Filter(new() { HasText = "安徽省钳工技能竞赛" }).ClickAsync();
        await Assertions.Expect(phone.GetByTestId("public-state")).ToContainTextAsync("公示中");
        await Assertions.Expect(Line(phone, "A003").GetByTestId("award")).ToHaveTextAsync("一等奖");
        await phone.GetByLabel("姓名").FillAsync("李四");
        await phone.GetByLabel("联系方式（不公开）").FillAsync("13900000000");
        await phone.GetByLabel("异议理由").FillAsync("我的测量值应为 20.01，请复核录像");
        await phone.GetByRole(AriaRole.Button, new() { Name = "提交异议" }).ClickAsync();
        await Assertions.Expect(phone.GetByTestId("objection-filed")).ToBeVisibleAsync();
        await Assertions.Expect(phone.GetByTestId("public-objection")).ToContainTextAsync("李四");
        await Assertions.Expect(phone.GetByTestId("objections")).Not.ToContainTextAsync("13900000000");
        await phone.ScreenshotAsync(new() { Path = "/tmp/results-phone.png", FullPage = true });
        await Axe.CheckAsync(phone, violations, "/Results/{contest}");
        violations.ShouldBeEmpty(string.Join("\n", violations));

        await organizer.ReloadAsync();
        await Assertions.Expect(organizer.GetByTestId("objection")).ToContainTextAsync("13900000000");   // the contact is the organizer's to see
        await organizer.GetByTestId("objection").GetByLabel("答复").FillAsync("已复核录像，测量值为 20.00，维持原成绩。");
        await organizer.GetByTestId("answer-button").ClickAsync();
        await Assertions.Expect(organizer.GetByTestId("answer")).ToContainTextAsync("维持原成绩");

        await phone.ReloadAsync();
        await Assertions.Expect(phone.GetByTestId("public-answer")).ToHaveTextAsync("已复核录像，测量值为 20.00，维持原成绩。");
        await phone.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(phone.Locator("nav.navbar")).ToBeHiddenAsync();
        await Assertions.Expect(phone.GetByTestId("objection-form")).ToBeHiddenAsync();
        await phone.ScreenshotAsync(new() { Path = "/tmp/results-print.png", FullPage = true });
        await organizer.GotoAsync($"/Results/{s.ContestId}");
        await organizer.PdfAsync(new() { Path = "/tmp/results-print.pdf", Format = "A4" });   // what an organizer prints to file
    }

    private static ILocator Line(IPage page, string number) => page.Locator($"[data-testid='result-line'][data-number='{number}']").First;
}
