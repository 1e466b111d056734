using Competition.Engine.Persistence;
using Competition.Tests.Infrastructure;
using Competition.Tests.Integration.Contests;
using Microsoft.Playwright;

namespace Competition.Tests.Browser.Contests;

public class ManagePageTests(BrowserSession browser) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task Organizer_RegistersAContestantByForm_AndABadSheetShowsItsRowReport()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        var s = await ContestScenario.CreateAsync(app, DateTime.UtcNow);
        var page = await browser.NewPageAsync(app.BaseAddress);
        await new LoginPage(page).SignInAsync(await app.CreateStaffAsync(Competition.Engine.Accounts.Roles.Organizer, "maanshan"), "test-pass-123");
        await page.GotoAsync($"/Contests/Manage/{s.ContestId}");
        await page.GetByLabel("参赛号").FillAsync("C009");
        await page.GetByLabel("姓名").FillAsync("周九");
        await page.GetByLabel("单位", new() { Exact = true }).FillAsync("芜湖造船厂");
        await page.GetByLabel("城市").SelectOptionAsync("wuhu");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("manage-message")).ToContainTextAsync("已登记 C009 号");
        await Assertions.Expect(page.GetByTestId("contestants")).ToContainTextAsync("周九");

        await page.GetByLabel("参赛号").FillAsync("C009");
        await page.GetByLabel("姓名").FillAsync("重号");
        await page.GetByLabel("单位", new() { Exact = true }).FillAsync("某厂");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("manage-errors")).ToContainTextAsync("参赛号 C009 已被使用");

        var sheet = Competition.Engine.QuestionBank.Sheets.XlsxWriter.Write("选手", [["参赛号", "姓名", "单位", "城市", "组别"], ["D001", "", "某厂", "合肥", ContestScenario.Group]]);
        await page.GetByLabel("选手名单文件").SetInputFilesAsync(new FilePayload { Name = "选手.xlsx", MimeType = "application/octet-stream", Buffer = sheet });
        await page.GetByRole(AriaRole.Button, new() { Name = "导入" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("import-report")).ToContainTextAsync("请填写姓名");
    }
}
