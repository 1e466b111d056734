using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Competition.Engine.Accounts;
using Competition.Engine.Organizations;
using Competition.Engine.Persistence;
using Competition.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Competition.Tests.Integration.Accounts;

public class AccountTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static string NewPhone() => "139" + Random.Shared.Next(10_000_000, 99_999_999);

    private static async Task<Guid> AnyUnitAsync(AppFactory app) =>
        await app.SendAsync(new CreateUnit.Command("hefei", "测试单位" + Guid.NewGuid().ToString("N")[..6], UnitKind.Enterprise, Engine.Common.Actor.System));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task WorkerRegisters_ThenSignsInAsWorker(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var client = app.NewClient();
        var phone = NewPhone();
        var res = await client.PostAsJsonAsync("/api/account/register",
            new { name = "张三", phone, unitId = await AnyUnitAsync(app), password = "gongren2026", tradeCode = "fitter", level = "Level4" });
        res.StatusCode.ShouldBe(HttpStatusCode.Created, await res.Content.ReadAsStringAsync());
        var signedIn = await app.SignedInClientAsync(phone, "gongren2026");
        var me = await signedIn.GetFromJsonAsync<JsonElement>("/api/account/me");
        me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe([Roles.Worker]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Registration_RefusesBadInputFieldByField(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var client = app.NewClient();
        var unit = await AnyUnitAsync(app);
        var res = await client.PostAsJsonAsync("/api/account/register", new { name = "", phone = "12345", unitId = Guid.Empty, password = "short" });
        res.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await res.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty("Name")[0].GetString().ShouldBe("请填写姓名");
        errors.GetProperty("Phone")[0].GetString()!.ShouldContain("11 位");
        errors.GetProperty("UnitId")[0].GetString()!.ShouldContain("单位");
        errors.GetProperty("Password")[0].GetString()!.ShouldContain("8 位");

        var phone = NewPhone();
        (await client.PostAsJsonAsync("/api/account/register", new { name = "李四", phone, unitId = unit, password = "gongren2026" })).EnsureSuccessStatusCode();
        var dup = await client.PostAsJsonAsync("/api/account/register", new { name = "李四", phone, unitId = unit, password = "gongren2026" });
        dup.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await dup.Content.ReadAsStringAsync()).ShouldContain("已注册");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FiveWrongPasswords_LockTheAccount_AndItAnswersAsAnUnknownNameDoes(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var user = await app.CreateStaffAsync(Roles.Judge, "maanshan");
        var client = app.NewClient();
        var unknown = await client.PostAsJsonAsync("/api/account/login", new { userName = "nobody-" + Guid.NewGuid().ToString("N")[..8], password = "wrong-pass-1" });
        unknown.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var unknownBody = await unknown.Content.ReadFromJsonAsync<JsonElement>();
        for (var i = 0; i < 5; i++)
            (await client.PostAsJsonAsync("/api/account/login", new { userName = user, password = "wrong-pass-1" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // Locked: even the right password is refused, with the very answer an unknown name gets.
        var right = await client.PostAsJsonAsync("/api/account/login", new { userName = user, password = "test-pass-123" });
        right.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var body = await right.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("title").GetString().ShouldBe(unknownBody.GetProperty("title").GetString());
        body.GetProperty("detail").GetString().ShouldBe(unknownBody.GetProperty("detail").GetString());
        body.GetProperty("detail").GetString()!.ShouldContain("锁定");
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        (await users.IsLockedOutAsync((await users.FindByNameAsync(user))!)).ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OrganizerOfTongling_CannotChangeMaanshan(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var tongling = await app.OrganizerClientAsync("tongling");
        var name = "铜陵有色" + Guid.NewGuid().ToString("N")[..6];
        (await tongling.PostAsJsonAsync("/api/units", new { cityCode = "tongling", name, kind = "Enterprise" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var denied = await tongling.PostAsJsonAsync("/api/units", new { cityCode = "maanshan", name, kind = "Enterprise" });
        denied.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await denied.Content.ReadAsStringAsync()).ShouldContain("不能修改 maanshan");

        var maanshanUnit = await app.SendAsync(new CreateUnit.Command("maanshan", "马钢" + Guid.NewGuid().ToString("N")[..6], UnitKind.Enterprise, Engine.Common.Actor.System));
        (await tongling.PutAsJsonAsync($"/api/units/{maanshanUnit}", new { name = "改名" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var maanshan = await app.OrganizerClientAsync("maanshan");
        (await maanshan.PutAsJsonAsync($"/api/units/{maanshanUnit}", new { name = "马钢股份" + Guid.NewGuid().ToString("N")[..4] })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task WithoutDemoMode_NoDemoAccountsExist(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        (await users.FindByNameAsync("demo-organizer")).ShouldBeNull();
        (await users.FindByNameAsync("13800000001")).ShouldBeNull();
    }
}

public class DemoAndAdminTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DemoModeAndConfiguredAdmin_CreateTheirAccountsOnceWithFreshPasswords(DatabaseProvider provider)
    {
        var accountsFile = Path.Combine(Path.GetTempPath(), $"demo-{Guid.NewGuid():N}.txt");
        await using var app = await AppFactory.StartAsync(provider, new()
        {
            ["Demo:Enabled"] = "true", ["Demo:AccountsFile"] = accountsFile,
            ["Admin:UserName"] = "city-admin", ["Admin:Password"] = "admin-pass-2026",
        });
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            foreach (var (name, role) in new[] { ("demo-organizer", Roles.Organizer), ("demo-chief", Roles.ChiefJudge), ("demo-judge", Roles.Judge), ("13800000001", Roles.Worker), ("city-admin", Roles.Admin) })
            {
                var user = (await users.FindByNameAsync(name)).ShouldNotBeNull(name);
                (await users.IsInRoleAsync(user, role)).ShouldBeTrue(name);
            }
        }
        var lines = File.ReadAllLines(accountsFile).Where(l => l.Contains("demo-organizer")).ToList();
        var password = lines.ShouldHaveSingleItem().Split(' ', StringSplitOptions.RemoveEmptyEntries)[2];
        password.Length.ShouldBe(10);
        await app.SignedInClientAsync("demo-organizer", password);
        await app.SignedInClientAsync("city-admin", "admin-pass-2026");
        File.Delete(accountsFile);
    }
}
