using Microsoft.Playwright;

namespace Competition.Tests.Browser.Contests;

/// <summary>The words of the contest-day pages (accounts, control, board, sheet, corrections, audit) in the test's language.</summary>
public sealed record DayTexts(bool InEnglish, SetupTexts Setup, string Accounts, string UserName, string Name, string Role, string Create, string JudgeRole,
    string ChiefRole, string Control, string StartNow, string Running, string Projector, string Live, string Pending, string MyContests, string Sheet,
    string SaveCard, string Saved, string Outstanding, string Corrections, string Number, string SignOff, string NewValue, string Reason, string Correct, string Audit)
{
    public static readonly DayTexts Chinese = new(false, SetupTexts.Chinese, "账号", "账号名", "姓名", "角色", "创建", "裁判", "裁判长", "控制", "立即开始", "进行中",
        "投影屏", "实时更新中", "待评", "我的竞赛", "评分表", "保存 {0} 号", "已保存", "待评 {0} 项", "签字确认与更正", "参赛号", "签字确认", "新值", "理由（至少 4 个字）", "更正",
        "评分审计");

    public static readonly DayTexts English = new(true, SetupTexts.English, "Accounts", "User name", "Name", "Role", "Create", "Judge", "Chief judge", "Control",
        "Start now", "Running", "Projector", "Live", "Pending", "My contests", "Marking sheet", "Save No. {0}", "Saved", "To mark: {0}", "Sign-off and corrections",
        "Contestant number", "Sign off", "New value", "Reason (at least 4 characters)", "Correct", "Audit trail");

    public override string ToString() => InEnglish ? "English" : "中文";
}

/// <summary>Home → (English) → 登录, the sign-in form found by its fields whichever language its labels are in.</summary>
public sealed class HomeEntry(IPage page, DayTexts t)
{
    /// <summary>The app's root, the only address typed, then the language switch on the home page.</summary>
    public async Task OpenAsync()
    {
        await page.GotoAsync("/");
        if (!t.InEnglish) return;
        await page.GetByTestId("culture-switch").ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
    }

    /// <summary>现场排行榜 on the home page, open to anyone: the contest's group, on the projector.</summary>
    public async Task ClickProjectorAsync(string title, string group)
    {
        await page.GetByTestId("home-board").Filter(new() { HasText = title })
            .GetByRole(AriaRole.Link, new() { Name = $"{group} · {t.Projector}", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("board-table")).ToBeVisibleAsync();
    }

    public async Task SignInAsync(string user, string password)
    {
        await OpenAsync();
        await page.Locator("#nav").GetByRole(AriaRole.Link, new() { Name = t.Setup.SignIn, Exact = true }).ClickAsync();
        await page.Locator("#UserName").FillAsync(user);
        await page.Locator("#Password").FillAsync(password);
        await LoginPage.SubmitAsync(page, page.Locator("main form button[type=submit]"));
    }
}

/// <summary>账号: an organizer creates a staff account; the generated password is shown once and read off the page.</summary>
public sealed class AccountsPage(IPage page, DayTexts t)
{
    public Task OpenFromNavAsync() =>
        page.Locator("#nav").GetByRole(AriaRole.Link, new() { Name = t.Accounts, Exact = true }).ClickAsync();

    public async Task<string> CreateAsync(string userName, string display, bool chief)
    {
        await page.GetByLabel(t.UserName, new() { Exact = true }).FillAsync(userName);
        await page.GetByLabel(t.Name, new() { Exact = true }).FillAsync(display);
        await page.GetByLabel(t.Role, new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = chief ? t.ChiefRole : t.JudgeRole });
        await page.GetByRole(AriaRole.Button, new() { Name = t.Create, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("shown-password")).ToContainTextAsync(userName);
        return await page.GetByTestId("password").InnerTextAsync();
    }
}

/// <summary>竞赛 → the contest's 控制 page, where the organizer moves the phase.</summary>
public sealed class ControlPage(IPage page, DayTexts t)
{
    public async Task OpenFromNavAsync(string title)
    {
        await page.Locator("#nav").GetByRole(AriaRole.Link, new() { Name = t.Setup.Contests, Exact = true }).ClickAsync();
        await page.GetByTestId("contest-list").Locator("li", new() { HasText = title }).GetByRole(AriaRole.Link, new() { Name = t.Control, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("control-phase")).ToBeVisibleAsync();
    }

    public async Task StartNowAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = t.StartNow, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("control-phase")).ToHaveTextAsync(t.Running);
    }
}

/// <summary>The public board as the projector shows it: one row per contestant number.</summary>
public sealed class ProjectorBoard(IPage page)
{
    // A push travels from the background recompute through SignalR to the page; on a busy machine that can take a while.
    private static readonly LocatorAssertionsToHaveTextOptions Push = new() { Timeout = 60_000 };

    public ILocator Row(string number) => page.Locator($"[data-testid=board-table] tbody tr[data-number='{number}']");

    public Task ExpectTotalAsync(string number, string total) => Assertions.Expect(Row(number).GetByTestId("total")).ToHaveTextAsync(total, Push);

    public Task ExpectPendingAsync(string number, string pending) =>
        Assertions.Expect(Row(number).GetByTestId("practical")).ToContainTextAsync(pending, new() { Timeout = 60_000 });

    public Task ExpectNotPendingAsync(string number) =>
        Assertions.Expect(Row(number).GetByTestId("pending")).ToHaveCountAsync(0, new() { Timeout = 60_000 });
}

/// <summary>签字确认与更正: the chief judge signs a contestant's task off, then corrects one judge's mark with a reason.</summary>
public sealed class CorrectionsPage(IPage page, DayTexts t)
{
    public async Task ChooseAsync(string number)
    {
        await page.GetByLabel(t.Number, new() { Exact = true }).SelectOptionAsync(number);
        await Assertions.Expect(page.GetByTestId("correction-task")).ToBeVisibleAsync();
    }

    /// <summary>The sign-off asks for confirmation in a dialog: the chief judge says yes.</summary>
    public async Task SignOffAsync()
    {
        page.Dialog += Accept;
        await page.GetByRole(AriaRole.Button, new() { Name = t.SignOff, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("signed-off")).ToBeVisibleAsync();
        page.Dialog -= Accept;
    }

    public async Task CorrectAsync(string item, string judge, string value, string reason)
    {
        var row = page.Locator($"[data-testid='correction-row'][data-item='{item}'][data-judge='{judge}']");
        await row.GetByPlaceholder(t.NewValue).FillAsync(value);
        await row.GetByPlaceholder(t.Reason).FillAsync(reason);
        await row.GetByRole(AriaRole.Button, new() { Name = t.Correct, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("corrections-message")).ToContainTextAsync($"{item} → {value}");
        await Assertions.Expect(page.Locator($"[data-testid='correction-row'][data-item='{item}'][data-judge='{judge}']").GetByTestId("current-value")).ToHaveTextAsync(value);
    }

    private static void Accept(object? sender, IDialog dialog) => _ = dialog.AcceptAsync();
}
