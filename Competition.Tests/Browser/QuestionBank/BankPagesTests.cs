using Competition.Engine.Accounts;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using Competition.Engine.QuestionBank.Sheets;
using Competition.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Competition.Tests.Browser.QuestionBank;

public class BankPagesTests(SharedApps apps, BrowserSession browser) : IClassFixture<SharedApps>, IClassFixture<BrowserSession>
{
    private async Task<(AppFactory App, IPage Page)> SignedInOrganizerAsync()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var user = await app.CreateStaffAsync(Roles.Organizer, "maanshan");
        var page = await browser.NewPageAsync(app.BaseAddress);
        await new LoginPage(page).SignInAsync(user, "test-pass-123");
        return (app, page);
    }

    [Fact]
    public async Task Organizer_FiltersTheBankAndPreviewsAQuestionAsAWorkerSeesIt()
    {
        var (_, page) = await SignedInOrganizerAsync();
        var bank = new BankBrowserPage(page);
        await bank.OpenAsync();
        var all = await bank.ResultCountAsync();
        all.ShouldBeGreaterThanOrEqualTo(1540);

        await bank.FilterAsync("lathe-operator", level: "五级/初级工", type: "单选");
        var filtered = await bank.ResultCountAsync();
        filtered.ShouldBeInRange(1, 43);
        (await bank.Rows.CountAsync()).ShouldBe(Math.Min(filtered, 20));
        foreach (var cell in await page.Locator("table.table-bank tbody tr td:nth-child(3)").AllInnerTextsAsync()) cell.ShouldBe("单选");

        await bank.Rows.First.Locator("a").First.ClickAsync();
        await page.GetByTestId("preview").WaitForAsync();
        (await page.GetByTestId("stem").InnerTextAsync()).Length.ShouldBeGreaterThan(4);
        (await page.Locator("[data-testid=preview] label.option").CountAsync()).ShouldBeGreaterThanOrEqualTo(3);
        (await page.GetByTestId("answer").InnerTextAsync()).ShouldMatch("^[A-H]$");
        (await page.GetByTestId("explanation").InnerTextAsync()).Length.ShouldBeGreaterThan(4);
    }

    [Fact]
    public async Task Organizer_ImportingABadSheet_SeesRowAndColumn_ThenTheFixedSheetIsImported()
    {
        var (app, page) = await SignedInOrganizerAsync();
        var id = "lathe-operator-b" + Guid.NewGuid().ToString("N")[..8];
        string[] Row(string answer) => [id, "车工", "四级", "多选", "3", "车刀几何角度", "增大车刀主偏角的影响有（　）。", "径向力减小", "轴向力增大", "刀尖强度提高", "", "", "", "", "", answer, "主偏角增大，径向力减小、轴向力增大，刀尖角变小、强度下降。"];
        var import = new ImportPage(page);

        await import.UploadAsync("lathe-operator", "车工题库.xlsx", XlsxWriter.Write("题库", [BankTemplate.Headers, Row("AE")]));
        await page.GetByTestId("import-refused").WaitForAsync();
        var report = await page.GetByTestId("import-report").InnerTextAsync();
        report.ShouldContain("2");
        report.ShouldContain("答案(answer)");
        report.ShouldContain("答案 E 不在选项 ABC 中");
        (await app.SendAsync(new SearchQuestions.Query(Competition.Engine.Common.Actor.System, Text: id))).Total.ShouldBe(0);

        await import.UploadAsync("lathe-operator", "车工题库.xlsx", XlsxWriter.Write("题库", [BankTemplate.Headers, Row("AB")]));
        (await page.GetByTestId("import-success").InnerTextAsync()).ShouldContain("新增 1 题");
        await page.GotoAsync($"/QuestionBank/Question/{id}");
        (await page.GetByTestId("answer").InnerTextAsync()).ShouldBe("AB");
    }

    [Fact]
    public async Task Worker_CannotOpenTheBankBrowser()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var user = await app.CreateStaffAsync(Roles.Judge, "maanshan");
        var page = await browser.NewPageAsync(app.BaseAddress, phone: true);
        await new LoginPage(page).SignInAsync(user, "test-pass-123");
        await page.GotoAsync("/QuestionBank");
        page.Url.ShouldContain("/Account/AccessDenied");
    }
}
