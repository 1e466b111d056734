using Competition.Engine.Accounts;
using Competition.Engine.Persistence;
using Competition.Tests.Infrastructure;
using Competition.Tests.Integration.Contests;
using Microsoft.Playwright;
using static Competition.Tests.Integration.Exams.ExamScenario;

namespace Competition.Tests.Browser.Common;

/// <summary>
/// Every main page, opened by its user, under the site's Content-Security-Policy: the policy is there, nothing on the
/// page is refused by it, no script fails, and what the scripts do still works (Bootstrap's menu, Chart.js, SignalR
/// boards, confirmations and self-submitting filters).
/// </summary>
public class ContentSecurityPolicyTests(BrowserSession browser) : IClassFixture<BrowserSession>
{
    private sealed class Watched(IPage page)
    {
        public IPage Page { get; } = page;
        public List<string> Problems { get; } = [];

        public static async Task<Watched> OpenAsync(BrowserSession browser, Uri address, bool phone = false)
        {
            var page = await browser.NewPageAsync(address, phone);
            var w = new Watched(page);
            // Runs outside the page's policy (injected by the browser driver), before any of the page's scripts.
            await page.Context.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI))");
            page.Console += (_, m) =>
            {
                if (m.Text.Contains("Content Security Policy") || m.Text.StartsWith("Refused to") || m.Text.StartsWith("CSP violation")) w.Problems.Add($"{page.Url}: {m.Text}");
            };
            page.PageError += (_, e) => w.Problems.Add($"{page.Url}: script error {e}");
            return w;
        }

        public async Task VisitAsync(string url, Func<IPage, Task>? ready = null)
        {
            var res = await Page.GotoAsync(url);
            (await res!.HeaderValueAsync("content-security-policy")).ShouldNotBeNull(url).ShouldContain("script-src 'self'");
            await Page.WaitForLoadStateAsync(LoadState.Load);
            if (ready is not null) await ready(Page);
            Problems.ShouldBeEmpty(url);
        }
    }

    [Fact]
    public async Task MainPagesOfEveryRole_RunUnderThePolicyWithoutAViolation()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        var organizerUser = await app.CreateStaffAsync(Roles.Organizer, "maanshan");
        var organizerClient = await app.SignedInClientAsync(organizerUser);
        var examId = await PublishedExamAsync(organizerClient, Standard, Settings(DateTime.UtcNow, attempts: 2), "车工理论（策略）");
        var (workerUser, _) = await app.CreateWorkerAsync();
        var workerClient = await app.SignedInClientAsync(workerUser);
        var finished = await StartAsync(workerClient, examId);
        (await workerClient.PostAsync($"/api/attempts/{finished}/submit", null)).EnsureSuccessStatusCode();
        var contest = await ContestScenario.CreateAsync(app, DateTime.UtcNow);
        var group = Uri.EscapeDataString(ContestScenario.Group);

        // Anyone.
        var visitor = await Watched.OpenAsync(browser, app.BaseAddress, phone: true);
        await visitor.VisitAsync("/", async p =>
        {
            // Bootstrap's collapsing menu still opens on a phone.
            await p.Locator(".navbar-toggler").ClickAsync();
            await Assertions.Expect(p.Locator("#nav")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("show"));
        });
        await visitor.VisitAsync("/Account/Login");
        await visitor.VisitAsync("/Account/Register");
        await visitor.VisitAsync("/no-such-page");
        await visitor.VisitAsync($"/Contests/Board/{contest.ContestId}?group={group}&view=projector",
            p => Assertions.Expect(p.GetByTestId("board-connection")).ToHaveTextAsync("实时更新中"));
        await visitor.VisitAsync($"/Contests/Board/{contest.ContestId}?group={group}",
            p => Assertions.Expect(p.GetByTestId("board-connection")).ToHaveTextAsync("实时更新中"));

        // The policy is in force: a script written into the page is refused and reported.
        await visitor.Page.AddScriptTagAsync(new() { Content = "window.__inline = 1" }).ContinueWith(_ => { });
        (await visitor.Page.EvaluateAsync<bool>("() => window.__inline === undefined")).ShouldBeTrue();
        await Assertions.Expect(visitor.Page.Locator("body")).ToBeVisibleAsync();
        visitor.Problems.ShouldNotBeEmpty();
        visitor.Problems.Clear();

        // The organizer.
        var org = await Watched.OpenAsync(browser, app.BaseAddress);
        await new LoginPage(org.Page).SignInAsync(organizerUser, "test-pass-123");
        await org.VisitAsync("/QuestionBank", async p =>
        {
            await p.GetByLabel("工种").SelectOptionAsync("fitter");         // data-autosubmit
            await p.WaitForURLAsync(u => u.Contains("trade=fitter"));
        });
        await org.VisitAsync("/QuestionBank/Question/lathe-operator-001");
        await org.VisitAsync("/QuestionBank/Import");
        await org.VisitAsync("/Organizations/Units");
        await org.VisitAsync("/Organizations/Participation");
        await org.VisitAsync("/Exams/Manage");
        await org.VisitAsync("/Exams/Manage/Create");
        await org.VisitAsync($"/Exams/Manage/Monitor/{examId}");
        await org.VisitAsync($"/Exams/Manage/Marking/{examId}");
        await org.VisitAsync($"/Exams/Manage/Statistics/{examId}", async p =>
        {
            (await p.EvaluateAsync<bool>("() => typeof Chart !== 'undefined' && !!Chart.getChart(document.getElementById('distribution'))")).ShouldBeTrue("chart drawn");
            // data-confirm: declining the question posts nothing; accepting it re-marks.
            p.Dialog += Decline;
            await p.GetByRole(AriaRole.Button, new() { Name = "重新评分并保存" }).ClickAsync();
            p.Dialog -= Decline;
            (await p.GetByTestId("remark-result").CountAsync()).ShouldBe(0);
            p.Dialog += Accept;
            await p.GetByRole(AriaRole.Button, new() { Name = "重新评分并保存" }).ClickAsync();
            await Assertions.Expect(p.GetByTestId("remark-result")).ToContainTextAsync("已重新评分");
            p.Dialog -= Accept;
        });
        await org.VisitAsync("/Contests/Manage");
        await org.VisitAsync($"/Contests/Control/{contest.ContestId}");
        await org.VisitAsync($"/Contests/Board/{contest.ContestId}?group={group}&view=jury",
            p => Assertions.Expect(p.GetByTestId("board-connection")).ToHaveTextAsync("实时更新中"));

        // A judge on a tablet.
        var judge = await Watched.OpenAsync(browser, app.BaseAddress);
        await new LoginPage(judge.Page).SignInAsync(contest.Judges[0], "test-pass-123");
        await judge.VisitAsync($"/Judging/Sheet/{contest.ContestId}");

        // A worker on a phone.
        var worker = await Watched.OpenAsync(browser, app.BaseAddress, phone: true);
        await new LoginPage(worker.Page).SignInAsync(workerUser, "test-pass-123");
        await worker.VisitAsync("/Practice", async p =>
        {
            await p.GetByLabel("工种").SelectOptionAsync(new SelectOptionValue { Label = "钳工" });   // practice-start.js (车工, the worker's own, is chosen already)
            await p.WaitForURLAsync(u => u.Contains("TradeCode="));
            await p.GetByRole(AriaRole.Button, new() { Name = "开始练习" }).ClickAsync();
            await p.WaitForURLAsync(u => u.Contains("/Practice/Drill/"));
        });
        worker.Problems.ShouldBeEmpty();
        await worker.VisitAsync("/Practice/WrongBook");
        await worker.VisitAsync("/Practice/Progress");
        await worker.VisitAsync($"/Exams/Result/{finished}");
        await worker.VisitAsync("/Exams", async p =>
        {
            await p.GetByRole(AriaRole.Link, new() { Name = "开始考试" }).First.ClickAsync();
            await p.GetByLabel("我已阅读考试须知").CheckAsync();
            await p.GetByRole(AriaRole.Button, new() { Name = "开始考试" }).ClickAsync();
            await p.WaitForURLAsync("**/Exams/Attempt/**");
            await p.Locator("#question input[name=answer]").First.CheckAsync();
            await Assertions.Expect(p.GetByTestId("save-state")).ToHaveTextAsync("已全部保存", new() { Timeout = 15_000 });
        });
        worker.Problems.ShouldBeEmpty();
    }

    private static void Decline(object? sender, IDialog d) => _ = d.DismissAsync();
    private static void Accept(object? sender, IDialog d) => _ = d.AcceptAsync();
}
