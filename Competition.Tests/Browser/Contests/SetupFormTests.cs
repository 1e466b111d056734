using Competition.Engine.Accounts;
using Competition.Engine.Persistence;
using Competition.Tests.Browser.Judging;
using Competition.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Competition.Tests.Browser.Contests;

public class SetupFormTests(BrowserSession browser) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task EnterInTheTitleField_SavesTheForm_AndNeverDeletesARound()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        var organizer = await app.CreateStaffAsync(Roles.Organizer, "maanshan");
        var page = await browser.NewPageAsync(app.BaseAddress);
        await new HomeSignIn(page).SignInAsync(organizer);
        var setup = new ContestSetupPage(page, SetupTexts.Chinese);
        await setup.OpenNewFromNavAsync();
        await Assertions.Expect(page.GetByTestId("round")).ToHaveCountAsync(2);

        await page.GetByLabel("竞赛名称", new() { Exact = true }).FillAsync("回车键测试");
        await page.GetByLabel("竞赛名称", new() { Exact = true }).PressAsync("Enter");
        // Saving is tried (the trade is missing, so the engine's rule answers) and both rounds are still there.
        await Assertions.Expect(page.GetByText("请选择工种")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("round")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByLabel("竞赛名称", new() { Exact = true })).ToHaveValueAsync("回车键测试");
    }
}
