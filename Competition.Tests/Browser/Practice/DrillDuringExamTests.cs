using Competition.Engine.Accounts;
using Competition.Engine.Persistence;
using Competition.Tests.Browser.Exams;
using Competition.Tests.Infrastructure;
using Microsoft.Playwright;
using static Competition.Tests.Integration.Exams.ExamScenario;

namespace Competition.Tests.Browser.Practice;

public class DrillDuringExamTests(BrowserSession browser) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task AWorkerInTheMiddleOfAnExam_IsToldWhyTheExamsTradeCannotBeDrilled_AndMayDrillAnotherTrade()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        var organizer = await app.SignedInClientAsync(await app.CreateStaffAsync(Roles.Organizer, "maanshan"));
        await PublishedExamAsync(organizer, Standard, Settings(DateTime.UtcNow), "车工理论（考试中）");
        var (worker, _) = await app.CreateWorkerAsync("maanshan");

        var page = await browser.NewPageAsync(app.BaseAddress, phone: true);
        await new LoginPage(page).SignInAsync(worker, "test-pass-123");
        await new ExamPage(page).StartFromLobbyAsync();

        // In another tab, as a worker looking for the answers would.
        var drill = await page.Context.NewPageAsync();
        await drill.GotoAsync("/Practice");
        // The worker's own trade (车工, from the profile) is chosen already.
        await Assertions.Expect(drill.GetByLabel("工种")).ToHaveValueAsync("lathe-operator");
        await drill.GetByRole(AriaRole.Button, new() { Name = "开始练习" }).ClickAsync();
        await Assertions.Expect(drill.GetByTestId("page-error")).ToContainTextAsync("您正在参加考试「车工理论（考试中）」");

        await new PracticeStartPage(drill).StartAsync("钳工");
        await drill.GetByTestId("answer-form").WaitForAsync();
    }
}
