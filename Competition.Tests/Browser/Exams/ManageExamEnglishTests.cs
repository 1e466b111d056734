using Competition.Engine.Accounts;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using Competition.Tests.Browser.Judging;
using Competition.Tests.Infrastructure;
using Microsoft.Playwright;
using static Competition.Tests.Integration.Exams.ExamScenario;

namespace Competition.Tests.Browser.Exams;

/// <summary>
/// Issue 8 in English: an organizer switches the language on the home page and manages exams by clicking — list, new,
/// copy and edit, preview, publish (asked first, in English), unpublish and marking a short answer. Each page shows its
/// English heading and no Chinese label outside data (exam titles, stems, answers).
/// </summary>
public class ManageExamEnglishTests(BrowserSession browser) : IClassFixture<BrowserSession>
{
    private static ILocator Row(IPage page, string title) => page.Locator("[data-testid=exam-list] tbody tr", new() { HasText = title });

    [Fact]
    public async Task Organizer_InEnglish_CreatesCopiesEditsPreviewsPublishesUnpublishesAndMarks_WithNoChineseLabelsLeft()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        var user = await app.CreateStaffAsync(Roles.Organizer, "maanshan");
        var examId = await PublishedExamAsync(await app.SignedInClientAsync(user), Standard, Settings(DateTime.UtcNow), "车工理论（原卷）");
        var (workerName, _) = await app.CreateWorkerAsync();
        var worker = await app.SignedInClientAsync(workerName);
        var attempt = await StartAsync(worker, examId);
        var shortItem = (await ViewAsync(worker, attempt)).Items.Single(i => i.Type == QuestionType.ShortAnswer).Index;
        (await SaveAsync(worker, attempt, shortItem, "使用跟刀架，减小径向力。", 1)).EnsureSuccessStatusCode();
        (await worker.PostAsync($"/api/attempts/{attempt}/submit", null)).EnsureSuccessStatusCode();

        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.SetViewportSizeAsync(1366, 768);
        var home = new HomeSignIn(page);
        await home.SignInAsync(user);
        await home.SwitchToEnglishAsync();
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Manage exams", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Exams", Exact = true })).ToBeVisibleAsync();
        await UiText.ShouldHaveNoChineseLabelsAsync(page);

        // New: the blueprint form in English, with its level and type names.
        await page.GetByRole(AriaRole.Link, new() { Name = "New exam from a blueprint" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New exam from a blueprint" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Type 1", new() { Exact = true })).ToContainTextAsync("Single choice");
        await UiText.ShouldHaveNoChineseLabelsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Manage exams", Exact = true }).First.ClickAsync();

        // Copy opens an editable draft in English; it is renamed and moved to tomorrow.
        await Row(page, "车工理论（原卷）").GetByRole(AriaRole.Button, new() { Name = "Copy" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Edit exam draft" })).ToBeVisibleAsync();
        await UiText.ShouldHaveNoChineseLabelsAsync(page);
        await page.GetByLabel("Exam title").FillAsync("车工理论（补考）");
        var tomorrow = Engine.Common.TimeZones.Shanghai(DateTime.UtcNow).Date.AddDays(1);
        await page.GetByLabel("Opens (Beijing time)").FillAsync(tomorrow.AddHours(9).ToString("yyyy-MM-ddTHH:mm"));
        await page.GetByLabel("Closes (Beijing time)").FillAsync(tomorrow.AddHours(18).ToString("yyyy-MM-ddTHH:mm"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        var copy = Row(page, "车工理论（补考）");
        await Assertions.Expect(copy.GetByTestId("exam-status")).ToHaveTextAsync("Draft");

        await copy.GetByRole(AriaRole.Link, new() { Name = "Preview paper" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("preview-total")).ToContainTextAsync("Total 14");
        await Assertions.Expect(page.GetByTestId("preview-item").First).ToContainTextAsync("Question 1");
        await UiText.ShouldHaveNoChineseLabelsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to exams" }).First.ClickAsync();

        // Publishing asks in English first; unpublishing takes it back to draft.
        string? asked = null;
        page.Dialog += (_, d) => { asked = d.Message; _ = d.AcceptAsync(); };
        await copy.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Assertions.Expect(copy.GetByTestId("exam-status")).ToHaveTextAsync("Published");
        asked.ShouldNotBeNull().ShouldStartWith("Once published");
        asked.ShouldContain("车工理论（补考）");
        await copy.GetByRole(AriaRole.Button, new() { Name = "Unpublish" }).ClickAsync();
        await Assertions.Expect(copy.GetByTestId("exam-status")).ToHaveTextAsync("Draft");
        await UiText.ShouldHaveNoChineseLabelsAsync(page);

        // Marking: the worker's answer is data (Chinese); everything around it is English.
        await Row(page, "车工理论（原卷）").GetByRole(AriaRole.Link, new() { Name = "Marking" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Short-answer marking" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("marking-item")).ToContainTextAsync("使用跟刀架");
        await UiText.ShouldHaveNoChineseLabelsAsync(page);
        await page.GetByLabel("Score").FillAsync("4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("queue-empty")).ToHaveTextAsync("No short answers are waiting to be marked.");
        await UiText.ShouldHaveNoChineseLabelsAsync(page);
    }
}
