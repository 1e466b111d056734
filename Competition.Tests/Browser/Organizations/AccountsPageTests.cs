using System.Net;
using System.Net.Http.Json;
using Competition.Engine.Accounts;
using Competition.Engine.Persistence;
using Competition.Tests.Browser.Judging;
using Competition.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Competition.Tests.Browser.Organizations;

public class AccountsPageTests(BrowserSession browser) : IClassFixture<BrowserSession>
{
    private static async Task<HttpStatusCode> SignInAsync(AppFactory app, string user, string password) =>
        (await app.NewClient().PostAsJsonAsync("/api/account/login", new { userName = user, password })).StatusCode;

    private static async Task<string> CreateAsync(IPage page, string userName, string display, string roleLabel,
        string nameLabel = "账号名", string displayLabel = "姓名", string roleField = "角色", string create = "创建")
    {
        await page.GetByLabel(nameLabel, new() { Exact = true }).FillAsync(userName);
        await page.GetByLabel(displayLabel, new() { Exact = true }).FillAsync(display);
        await page.GetByLabel(roleField, new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = roleLabel });
        await page.GetByRole(AriaRole.Button, new() { Name = create, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("shown-password")).ToContainTextAsync(userName);
        return await page.GetByTestId("password").InnerTextAsync();
    }

    [Fact]
    public async Task Organizer_CreatesThreeJudgeAccounts_AndResetsOnesPassword()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        var organizer = await app.CreateStaffAsync(Roles.Organizer, "maanshan");
        var page = await browser.NewPageAsync(app.BaseAddress);
        page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        await new HomeSignIn(page).SignInAsync(organizer);
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "账号", Exact = true }).ClickAsync();

        var tag = Guid.NewGuid().ToString("N")[..5];
        var judges = new Dictionary<string, string>();
        foreach (var i in new[] { 1, 2, 3 })
        {
            var name = $"caipan{i}-{tag}";
            judges[name] = await CreateAsync(page, name, $"裁判{i}", "裁判");
            PasswordRule.IsMet(judges[name]).ShouldBeTrue();
            await Assertions.Expect(page.Locator($"[data-testid='account-row'][data-account='{name}']")).ToContainTextAsync("裁判");
        }
        foreach (var (name, password) in judges) (await SignInAsync(app, name, password)).ShouldBe(HttpStatusCode.OK);

        var first = judges.Keys.First();
        await page.Locator($"[data-testid='account-row'][data-account='{first}']").GetByRole(AriaRole.Button, new() { Name = "重置密码" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("shown-password")).ToContainTextAsync($"已重置 {first} 的密码");
        var reset = await page.GetByTestId("password").InnerTextAsync();
        reset.ShouldNotBe(judges[first]);
        (await SignInAsync(app, first, judges[first])).ShouldBe(HttpStatusCode.Unauthorized);
        (await SignInAsync(app, first, reset)).ShouldBe(HttpStatusCode.OK);

        // Reloading the answer neither resets again nor shows the password again.
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("shown-password")).ToHaveCountAsync(0);
        (await SignInAsync(app, first, reset)).ShouldBe(HttpStatusCode.OK);

        // The password is not kept anywhere for a later look.
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "账号", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("shown-password")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("accounts")).ToContainTextAsync(first);

        // An account name already taken is refused with the reason, on the form.
        await page.GetByLabel("账号名", new() { Exact = true }).FillAsync(first);
        await page.GetByLabel("姓名", new() { Exact = true }).FillAsync("重名");
        await page.GetByRole(AriaRole.Button, new() { Name = "创建", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("accounts-errors")).ToContainTextAsync("已存在");

        var second = judges.Keys.Skip(1).First();
        await page.Locator($"[data-testid='account-row'][data-account='{second}']").GetByRole(AriaRole.Button, new() { Name = "锁定" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("accounts-message")).ToContainTextAsync($"已锁定 {second}");
        await Assertions.Expect(page.Locator($"[data-testid='account-row'][data-account='{second}']")).ToContainTextAsync("已锁定");
        (await SignInAsync(app, second, judges[second])).ShouldBe(HttpStatusCode.Unauthorized);
        // Organizers do not lock themselves: their own row has no lock button.
        await Assertions.Expect(page.Locator($"[data-testid='account-row'][data-account='{organizer}']").GetByRole(AriaRole.Button, new() { Name = "锁定" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Organizer_InEnglish_CreatesAChiefJudgeAccount()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        var organizer = await app.CreateStaffAsync(Roles.Organizer, "maanshan");
        var page = await browser.NewPageAsync(app.BaseAddress);
        var home = new HomeSignIn(page);
        await home.SignInAsync(organizer);
        await home.SwitchToEnglishAsync();
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Accounts", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Accounts");
        var name = "chief-" + Guid.NewGuid().ToString("N")[..6];
        await page.GetByLabel("User name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Chief Li");
        await page.GetByLabel("Role", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Chief judge" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Create", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("shown-password")).ToContainTextAsync($"Account {name} created.");
        var password = await page.GetByTestId("password").InnerTextAsync();
        (await SignInAsync(app, name, password)).ShouldBe(HttpStatusCode.OK);
        await Assertions.Expect(page.Locator($"[data-testid='account-row'][data-account='{name}']")).ToContainTextAsync("Chief judge");
    }

    [Fact]
    public async Task Organizer_FindsAWorkerWhoForgotThePassword_AndResetsIt_TheSearchStaysOnThePage()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite);
        var organizer = await app.CreateStaffAsync(Roles.Organizer, "maanshan");
        var worker = await app.CreateWorkerAsync("maanshan");
        var page = await browser.NewPageAsync(app.BaseAddress);
        page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        await new HomeSignIn(page).SignInAsync(organizer);
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "账号", Exact = true }).ClickAsync();

        await page.GetByLabel("查找职工").FillAsync(worker.UserName);
        await page.GetByTestId("worker-search").GetByRole(AriaRole.Button, new() { Name = "查找" }).ClickAsync();
        var row = page.Locator($"[data-testid='worker-row'][data-account='{worker.UserName}']");
        await Assertions.Expect(row).ToContainTextAsync("正常");
        await row.GetByRole(AriaRole.Button, new() { Name = "重置密码" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("shown-password")).ToContainTextAsync($"已重置 {worker.UserName} 的密码");
        var password = await page.GetByTestId("password").InnerTextAsync();
        (await SignInAsync(app, worker.UserName, password)).ShouldBe(HttpStatusCode.OK);
        await Assertions.Expect(page.GetByLabel("查找职工")).ToHaveValueAsync(worker.UserName);   // the organizer stays on the worker found

        await page.GetByLabel("查找职工").FillAsync("无此人" + Guid.NewGuid().ToString("N")[..6]);
        await page.GetByTestId("worker-search").GetByRole(AriaRole.Button, new() { Name = "查找" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("workers-none")).ToBeVisibleAsync();
    }
}
