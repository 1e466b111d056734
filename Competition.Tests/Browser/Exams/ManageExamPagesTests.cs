using Competition.Engine.Accounts;
using Competition.Engine.Persistence;
using Competition.Tests.Infrastructure;
using Microsoft.Playwright;
using static Competition.Tests.Integration.Exams.ExamScenario;

namespace Competition.Tests.Browser.Exams;

/// <summary>Issue 8, from the home page by clicking: an organizer copies, edits, previews, publishes (asked first) and unpublishes an exam.</summary>
public class ManageExamPagesTests(BrowserSession browser) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task Organizer_CopiesEditsPreviewsPublishesWithConfirmationAndUnpublishes_FromTheHomePage()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        var user = await app.CreateStaffAsync(Roles.Organizer, "maanshan");
        await PublishedExamAsync(await app.SignedInClientAsync(user), Standard, Settings(DateTime.UtcNow), "车工理论（原卷）");
        var page = await browser.NewPageAsync(app.BaseAddress);
        await new LoginPage(page).SignInAsync(user, "test-pass-123");
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "考试管理", Exact = true }).First.ClickAsync();

        var original = page.Locator("[data-testid=exam-list] tbody tr", new() { HasText = "车工理论（原卷）" });
        await Assertions.Expect(original.GetByTestId("pass-of-total")).ToHaveTextAsync("6 / 14");
        await original.GetByRole(AriaRole.Button, new() { Name = "复制" }).ClickAsync();

        // The copy opens as an editable draft; it is moved to tomorrow and renamed.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "编辑考试草稿" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("考试名称")).ToHaveValueAsync("车工理论（原卷）（副本）");
        await page.GetByLabel("考试名称").FillAsync("车工理论（补考）");
        var tomorrow = Engine.Common.TimeZones.Shanghai(DateTime.UtcNow).Date.AddDays(1);
        await page.GetByLabel("开始（北京时间）").FillAsync(tomorrow.AddHours(9).ToString("yyyy-MM-ddTHH:mm"));
        await page.GetByLabel("结束（北京时间）").FillAsync(tomorrow.AddHours(18).ToString("yyyy-MM-ddTHH:mm"));
        await page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();

        var copy = page.Locator("[data-testid=exam-list] tbody tr", new() { HasText = "车工理论（补考）" });
        await Assertions.Expect(copy.GetByTestId("exam-status")).ToHaveTextAsync("草稿");
        await copy.GetByRole(AriaRole.Link, new() { Name = "预览试卷" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("preview-title")).ToHaveTextAsync("车工理论（补考）");
        await Assertions.Expect(page.GetByTestId("preview-item")).ToHaveCountAsync(10);
        await Assertions.Expect(page.GetByTestId("preview-total")).ToContainTextAsync("满分 14");
        await page.GetByRole(AriaRole.Link, new() { Name = "返回考试管理" }).First.ClickAsync();

        // Publishing asks first: declined, nothing happens; accepted, it is published.
        page.Dialog += Decline;
        await copy.GetByRole(AriaRole.Button, new() { Name = "发布" }).ClickAsync();
        await Assertions.Expect(copy.GetByTestId("exam-status")).ToHaveTextAsync("草稿");
        page.Dialog -= Decline;
        string? asked = null;
        page.Dialog += (_, d) => { asked = d.Message; _ = d.AcceptAsync(); };
        await copy.GetByRole(AriaRole.Button, new() { Name = "发布" }).ClickAsync();
        await Assertions.Expect(copy.GetByTestId("exam-status")).ToHaveTextAsync("已发布");
        asked.ShouldNotBeNull().ShouldContain("车工理论（补考）");
        await Assertions.Expect(copy.GetByRole(AriaRole.Link, new() { Name = "编辑" })).ToHaveCountAsync(0);

        // Before it opens it can be taken back to draft; the open original cannot.
        await Assertions.Expect(original.GetByRole(AriaRole.Button, new() { Name = "撤回发布" })).ToHaveCountAsync(0);
        await copy.GetByRole(AriaRole.Button, new() { Name = "撤回发布" }).ClickAsync();
        await Assertions.Expect(copy.GetByTestId("exam-status")).ToHaveTextAsync("草稿");
        await Assertions.Expect(copy.GetByRole(AriaRole.Link, new() { Name = "编辑" })).ToBeVisibleAsync();

        static void Decline(object? _, IDialog d) => _ = d.DismissAsync();
    }
}
