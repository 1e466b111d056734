using Competition.Engine.Accounts;
using Competition.Engine.Persistence;
using Competition.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Competition.Tests.Browser.QuestionBank;

/// <summary>Issue 8, from the home page by clicking: an organizer corrects a question (a new version) and retires it, then restores it.</summary>
public class QuestionEditPagesTests(BrowserSession browser) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task Organizer_CorrectsAQuestionAndRetiresIt_ThenRestoresIt()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        var user = await app.CreateStaffAsync(Roles.Organizer, "maanshan");
        var page = await browser.NewPageAsync(app.BaseAddress);
        page.Dialog += (_, d) => _ = d.AcceptAsync();
        await new LoginPage(page).SignInAsync(user, "test-pass-123");
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "题库", Exact = true }).First.ClickAsync();
        await new BankBrowserPage(page).FilterAsync("welder", text: "welder-003");
        await page.GetByRole(AriaRole.Link, new() { Name = "welder-003", Exact = true }).First.ClickAsync();

        await page.GetByTestId("edit-question").ClickAsync();
        var stem = page.GetByLabel("题干");
        var text = await stem.InputValueAsync();
        await stem.FillAsync(text + "（更正）");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存为新版本" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("stem")).ToContainTextAsync("（更正）");
        await Assertions.Expect(page.GetByTestId("history")).ToContainTextAsync("组织者编辑");
        await Assertions.Expect(page.GetByTestId("history").Locator("tbody tr")).ToHaveCountAsync(2);

        await page.GetByTestId("retire").ClickAsync();
        await Assertions.Expect(page.GetByTestId("retired-badge")).ToHaveTextAsync("已停用");
        await Assertions.Expect(page.GetByTestId("retired-note")).ToBeVisibleAsync();
        await page.GetByTestId("restore").ClickAsync();
        await Assertions.Expect(page.GetByTestId("retired-badge")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("retire")).ToBeVisibleAsync();
    }
}
