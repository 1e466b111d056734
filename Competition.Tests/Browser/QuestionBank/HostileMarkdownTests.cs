using System.Net.Http.Json;
using Competition.Engine.Accounts;
using Competition.Engine.Exams;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using Competition.Engine.QuestionBank.Sheets;
using Competition.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Competition.Tests.Integration.Exams.ExamScenario;

namespace Competition.Tests.Browser.QuestionBank;

/// <summary>
/// An organizer imports questions whose stem, every option and explanation carry script and data addresses. Every page
/// that shows them (bank list, preview, drill and its feedback, wrong book, exam, result, marking queue, statistics) is
/// opened in Chromium: no script runs (no dialog, window.__xss unset, even after clicking every non-web link) and no
/// javascript:/data: address, inline handler or other site's image is in the page.
/// </summary>
public class HostileMarkdownTests(BrowserSession browser) : IClassFixture<BrowserSession>
{
    private const string Marker = "恶意题干";

    // Stems may not contain tags, so the stem carries Markdown links only; options and explanations carry the rest.
    private const string Stem = Marker + " [一](javascript:window.__xss=1) [二](jav&#x61;script:window.__xss=2) [三](JaVaScRiPt:alert('XSS')) " +
        "[四](  javascript:alert('XSS')) [五](data:text/html;base64,PHNjcmlwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4=) [六][r] " +
        "![图](data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIG9ubG9hZD0iYWxlcnQoJ1hTUycpIi8+) " +
        "![外](https://evil.example/track.png) [安全链接](https://example.com/) 主轴转速的单位是（　）。\n\n[r]: javascript:alert('XSS')";

    private static readonly string[] Options =
    [
        "<javascript:alert('XSS')> r/min",
        "[m/min](vbscript:msgbox('XSS')) <img src=x onerror=alert('XSS')>",
        "![mm/r](javascript:alert('XSS')) mm/r",
        "[mm](<java&#9;script:window.__xss=3>) mm",
    ];

    private const string Explanation = "解析 [点我](javascript:alert('XSS')) <javascript:alert('XSS')> <img src=x onerror=alert('XSS')> " +
        "[x](&#x6A;avascript:alert('XSS')) <svg onload=alert('XSS')> [参考](<data:text/html,<script>alert('XSS')</script>>)";

    private const string Check = """
        () => {
          for (const a of document.querySelectorAll('main a[href]'))
            if (a.protocol !== 'http:' && a.protocol !== 'https:') a.click();
          const bad = [];
          if (window.__xss !== undefined) bad.push('window.__xss=' + window.__xss);
          for (const el of document.querySelectorAll('*'))
            for (const at of el.attributes) {
              if (at.name.startsWith('on')) bad.push(el.tagName + ' ' + at.name);
              if (['href', 'src', 'action', 'formaction', 'srcset', 'xlink:href', 'data'].includes(at.name)) {
                const v = at.value.replace(/[\u0000-\u0020\u007f-\u00a0\u200b-\u200f\ufeff]/g, '').toLowerCase();
                if (/^(javascript|data|vbscript):/.test(v)) bad.push(el.tagName + ' ' + at.name + '=' + at.value);
              }
            }
          for (const a of document.querySelectorAll('a[href]'))
            if (a.protocol !== 'http:' && a.protocol !== 'https:') bad.push('A ' + a.href);
          for (const i of document.querySelectorAll('img[src]'))
            if (new URL(i.getAttribute('src'), location.href).origin !== location.origin) bad.push('IMG ' + i.src);
          return bad;
        }
        """;

    [Fact]
    public async Task ScriptAndDataAddressesInEveryMarkdownField_RunOnNoPageThatShowsThem()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var kp = "恶意内容" + suffix;
        var ids = new[] { $"lathe-operator-xss-single-{suffix}", $"lathe-operator-xss-multi-{suffix}", $"lathe-operator-xss-short-{suffix}" };
        string[] Row(string id, string type, string answer, bool options) =>
            [id, "车工", "四级", type, "3", kp, Stem, .. (options ? Options : new[] { "", "", "", "" }), "", "", "", "", answer, Explanation];
        var sheet = XlsxWriter.Write("题库", [BankTemplate.Headers, Row(ids[0], "单选", "B", true), Row(ids[1], "多选", "AB", true),
            Row(ids[2], "简答", "参考答案 [x](javascript:alert('XSS'))", false)]);

        var organizerUser = await app.CreateStaffAsync(Roles.Organizer, "maanshan");
        var organizer = await app.SignedInClientAsync(organizerUser);
        var import = await organizer.PostAsync("/api/banks/import", new MultipartFormDataContent
            { { new ByteArrayContent(sheet), "file", "恶意题目.xlsx" }, { new StringContent("lathe-operator"), "trade" } });
        import.EnsureSuccessStatusCode();

        var dialogs = new List<string>();
        void Watch(IPage page) => page.Dialog += async (_, d) =>
        {
            // The exam's own confirmation before submitting is expected; anything else is a script that should not run.
            if (d.Type == DialogType.Confirm && d.Message.Contains("交卷")) await d.AcceptAsync();
            else { dialogs.Add($"{page.Url}: {d.Type} {d.Message}"); await d.DismissAsync(); }
        };
        async Task NothingRanAsync(IPage page, string where, bool shown = true)
        {
            if (shown) (await page.Locator("main").InnerTextAsync()).ShouldContain(Marker, customMessage: where);
            (await page.EvaluateAsync<string[]>(Check)).ShouldBeEmpty(where);
            dialogs.ShouldBeEmpty(where);
        }

        // The organizer's pages: bank list and the preview of each question.
        var org = await browser.NewPageAsync(app.BaseAddress);
        Watch(org);
        await new LoginPage(org).SignInAsync(organizerUser, "test-pass-123");
        await org.GotoAsync($"/QuestionBank?trade=lathe-operator&kp={Uri.EscapeDataString(kp)}");
        await NothingRanAsync(org, "bank list");
        foreach (var id in ids)
        {
            await org.GotoAsync($"/QuestionBank/Question/{id}");
            await NothingRanAsync(org, "preview " + id);
            (await org.GetByTestId("explanation").InnerTextAsync()).ShouldContain("解析");
        }

        // The worker drills the three questions by knowledge point, answering each (wrongly), then opens the wrong book.
        var (workerUser, _) = await app.CreateWorkerAsync();
        var worker = await browser.NewPageAsync(app.BaseAddress, phone: true);
        Watch(worker);
        await new LoginPage(worker).SignInAsync(workerUser, "test-pass-123");
        await worker.GotoAsync("/Practice?TradeCode=lathe-operator");
        await worker.GetByRole(AriaRole.Radio, new() { Name = "按知识点练习" }).CheckAsync();
        await worker.Locator("#kp").SelectOptionAsync(kp);
        await worker.GetByRole(AriaRole.Button, new() { Name = "开始练习" }).ClickAsync();
        await worker.WaitForURLAsync(u => u.Contains("/Practice/Drill/"));
        for (var i = 0; i < ids.Length; i++)
        {
            await NothingRanAsync(worker, $"drill question {i + 1}");
            var type = await worker.Locator("[data-testid=answer-form] input[name=Type]").GetAttributeAsync("value");
            if (type == nameof(QuestionType.ShortAnswer)) await worker.GetByLabel("作答").FillAsync("不知道");
            else await worker.Locator("[data-testid=answer-form] input[value='D']").CheckAsync();
            await worker.GetByRole(AriaRole.Button, new() { Name = "提交答案" }).ClickAsync();
            await worker.GetByTestId("verdict").WaitForAsync();
            await NothingRanAsync(worker, $"drill feedback {i + 1}");
            if (i < ids.Length - 1)
            {
                await worker.GetByRole(AriaRole.Link, new() { Name = "下一题" }).ClickAsync();
                await worker.GetByTestId("answer-form").WaitForAsync();
            }
        }
        await worker.GotoAsync("/Practice/WrongBook");
        await NothingRanAsync(worker, "wrong book");

        // An exam drawn from those questions: the exam page shows each, the result page reviews them.
        BlueprintCell Cell(QuestionType type) => new("lathe-operator", SkillLevels.Ordered, type, 1, 2, 3, [kp]);
        var examId = await PublishedExamAsync(organizer, new Blueprint([new("一、恶意内容", [Cell(QuestionType.Single), Cell(QuestionType.Multiple), Cell(QuestionType.ShortAnswer)])], Tolerance: 2),
            Settings(DateTime.UtcNow), "恶意内容考试" + suffix);
        await worker.GotoAsync("/Exams");
        await worker.Locator("[data-testid=exam-card]", new() { HasText = "恶意内容考试" + suffix }).GetByRole(AriaRole.Link, new() { Name = "开始考试" }).ClickAsync();
        await worker.GetByLabel("我已阅读考试须知").CheckAsync();
        await worker.GetByRole(AriaRole.Button, new() { Name = "开始考试" }).ClickAsync();
        await worker.WaitForURLAsync("**/Exams/Attempt/**");
        for (var n = 1; n <= 3; n++)
        {
            await worker.GetByRole(AriaRole.Button, new() { Name = $"第 {n} 题", Exact = true }).ClickAsync();
            await Assertions.Expect(worker.GetByTestId("stem")).ToContainTextAsync(Marker);
            await NothingRanAsync(worker, $"exam question {n}");
            var text = worker.Locator("#question textarea");
            if (await text.CountAsync() > 0) await text.FillAsync("不知道");
            else await worker.Locator("#question input[name=answer]").First.CheckAsync();
        }
        // The short answer goes out after the page's typing pause; wait until the server has all three.
        await using (var db = app.Database.NewContext())
            (await EventuallyAsync(() => db.AttemptAnswers.AsNoTracking().CountAsync(a => a.Response != ""), n => n == 3, 30)).ShouldBe(3);
        await Assertions.Expect(worker.GetByTestId("save-state")).ToHaveTextAsync("已全部保存", new() { Timeout = 15_000 });
        await worker.GetByTestId("submit").ClickAsync();
        await worker.WaitForURLAsync("**/Exams/Result/**");
        await NothingRanAsync(worker, "result");

        // Back to the organizer: the marking queue shows the short answer, statistics list the stems.
        await org.GotoAsync($"/Exams/Manage/Marking/{examId}");
        await NothingRanAsync(org, "marking queue");
        await org.GotoAsync($"/Exams/Manage/Statistics/{examId}");
        await NothingRanAsync(org, "statistics");
    }
}
