using Competition.Engine.Accounts;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using Competition.Engine.QuestionBank.Files;
using Competition.Engine.QuestionBank.Sheets;
using Competition.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Competition.Tests.Browser.QuestionBank;

/// <summary>An organizer corrects a shipped question and renames units, as they would, by clicking from the nav bar.</summary>
public class OrganizerEditPagesTests(SharedApps apps, BrowserSession browser) : IClassFixture<SharedApps>, IClassFixture<BrowserSession>
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
    public async Task Organizer_CorrectsAShippedQuestion_SeesItMarkedWithItsHistory_AndCanHandItBack()
    {
        var (_, page) = await SignedInOrganizerAsync();
        const string id = "fitter-003";
        var shipped = BankFolder.Read(Paths.ShippedBanks).Files.SelectMany(f => f.Questions).Single(q => q.Id == id).Content;
        var corrected = shipped with { Explanation = shipped.Explanation + "（组织者补充：以最新国家标准为准。）" };

        await page.Locator("#nav").GetByRole(AriaRole.Link, new() { Name = "导入题库" }).ClickAsync();
        await new ImportPage(page).UploadAsync("fitter", "钳工更正.xlsx", XlsxWriter.Write("题库", [BankTemplate.Headers, BankRowMapper.ToCells(id, "fitter", corrected)]));
        (await page.GetByTestId("import-success").InnerTextAsync()).ShouldContain("更新 1 题");

        await page.Locator("#nav").GetByRole(AriaRole.Link, new() { Name = "题库", Exact = true }).ClickAsync();
        await page.GetByLabel("工种").SelectOptionAsync("fitter");
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        await page.GetByText("只看组织者修订的题目").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        (await page.GetByTestId("result-count").InnerTextAsync()).ShouldBe("共 1 题");
        (await page.GetByTestId("edited-badge").InnerTextAsync()).ShouldBe("组织者修订");

        await page.GetByRole(AriaRole.Link, new() { Name = id }).ClickAsync();
        (await page.GetByTestId("explanation").InnerTextAsync()).ShouldEndWith("以最新国家标准为准。）");
        (await page.GetByTestId("history").InnerTextAsync()).ShouldContain("组织者导入");
        await page.GetByText("随附题库中的文本（未采用）").ClickAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "organizer-edit-question.png"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "改用随附题库的文本" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        (await page.GetByTestId("explanation").InnerTextAsync()).ShouldBe(shipped.Explanation);
        (await page.GetByTestId("edited-badge").CountAsync()).ShouldBe(0);
        (await page.GetByTestId("history").InnerTextAsync()).ShouldContain("v3（当前）");
    }

    [Fact]
    public async Task Organizer_RenamingAUnitToAnExistingName_SeesWhyOnThePage()
    {
        var (_, page) = await SignedInOrganizerAsync();
        await page.Locator("#nav").GetByRole(AriaRole.Link, new() { Name = "单位", Exact = true }).ClickAsync();
        var first = "马钢" + Guid.NewGuid().ToString("N")[..6];
        var second = "皖能" + Guid.NewGuid().ToString("N")[..6];
        foreach (var name in new[] { first, second })
        {
            await page.GetByLabel("单位名称").FillAsync(name);
            await page.GetByRole(AriaRole.Button, new() { Name = "添加到本市" }).ClickAsync();
            await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        }
        var row = page.Locator("tr", new() { HasText = second });
        await row.GetByLabel($"新名称 {second}").FillAsync(first.Insert(2, " "));
        await row.GetByRole(AriaRole.Button, new() { Name = "改名" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        (await page.GetByTestId("unit-errors").InnerTextAsync()).ShouldContain($"本市已有名为「{first}」的单位");
        (await page.GetByTestId("rename-error").CountAsync()).ShouldBe(1);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "units-rename-clash.png"), FullPage = true });
    }
}
