using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Competition.Engine.Accounts;
using Competition.Engine.Persistence;
using Competition.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Competition.Tests.Integration.Common.PageForms;

namespace Competition.Tests.Integration.Accounts;

/// <summary>Sign-in says nothing about which names exist, and scripts guessing passwords are slowed down.</summary>
public class SignInTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static Task<HttpResponseMessage> ApiLoginAsync(HttpClient client, string user, string password) =>
        client.PostAsJsonAsync("/api/account/login", new { userName = user, password });

    private static Task<HttpResponseMessage> PageLoginAsync(HttpClient client, string user, string password) =>
        PostAsync(client, "/Account/Login", new Dictionary<string, string> { ["UserName"] = user, ["Password"] = password });

    private static async Task<string> FormErrorsAsync(HttpResponseMessage res)
    {
        var html = WebUtility.HtmlDecode(await res.Content.ReadAsStringAsync());
        var start = html.IndexOf("data-testid=\"login-errors\"", StringComparison.Ordinal);
        start.ShouldBeGreaterThan(0, html);
        return html[start..html.IndexOf("</div>", start, StringComparison.Ordinal)];
    }

    [Fact]
    public async Task LoginPage_AnswersAnUnknownNameAWrongPasswordAndALockedAccountAlike()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var user = await app.CreateStaffAsync(Roles.Judge, "maanshan");
        var client = app.NewClient();

        var unknown = await PageLoginAsync(client, "13900000000", "wrong-pass-1");
        var unknownErrors = await FormErrorsAsync(unknown);
        var wrong = await PageLoginAsync(client, user, "wrong-pass-1");
        for (var i = 0; i < 4; i++) await PageLoginAsync(client, user, "wrong-pass-1");
        var locked = await PageLoginAsync(client, user, "test-pass-123");

        foreach (var res in new[] { wrong, locked }) (await FormErrorsAsync(res)).ShouldBe(unknownErrors);
        unknown.StatusCode.ShouldBe(locked.StatusCode);
        unknownErrors.ShouldContain("账号或密码错误");
        (await client.GetAsync("/api/account/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ApiSignIn_AnswersAnUnknownNameAndALockedAccountAlike()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var user = await app.CreateStaffAsync(Roles.Judge, "maanshan");
        var client = app.NewClient();
        for (var i = 0; i < 5; i++) await ApiLoginAsync(client, user, "wrong-pass-1");
        var locked = await ApiLoginAsync(client, user, "test-pass-123");
        var unknown = await ApiLoginAsync(client, "nobody-" + Guid.NewGuid().ToString("N")[..8], "test-pass-123");
        locked.StatusCode.ShouldBe(unknown.StatusCode);
        (await locked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()
            .ShouldBe((await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }
}

/// <summary>Each test runs its own app with low limits, so the counts are its own.</summary>
public class SignInLimitTests
{
    private static async Task ShouldBeTooManyAsync(HttpResponseMessage res)
    {
        res.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        int.Parse(res.Headers.GetValues("Retry-After").Single()).ShouldBeInRange(1, 3600);
    }

    [Fact]
    public async Task ManyFailuresOnOneName_Get429WithRetryAfter_FromAnyAddressAndOnThePage()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite, new() { ["RateLimits:SignInFailuresPerUserPerMinute"] = "3" });
        var user = await app.CreateStaffAsync(Roles.Judge, "maanshan");
        for (var i = 0; i < 3; i++)
            (await app.NewClient().PostAsJsonAsync("/api/account/login", new { userName = user, password = "wrong-pass-1" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var api = await app.NewClient().PostAsJsonAsync("/api/account/login", new { userName = " " + user.ToUpperInvariant(), password = "test-pass-123" });
        await ShouldBeTooManyAsync(api);
        api.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!.ShouldContain("秒后再试");

        var page = await PostAsync(app.NewClient(), "/Account/Login", new Dictionary<string, string> { ["UserName"] = user, ["Password"] = "test-pass-123" });
        await ShouldBeTooManyAsync(page);
        WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()).ShouldContain("秒后再试");

        // Another name is not held up by this one.
        var other = await app.CreateStaffAsync(Roles.Judge, "maanshan");
        (await app.NewClient().PostAsJsonAsync("/api/account/login", new { userName = other, password = "test-pass-123" })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ManyFailuresFromOneAddress_Get429_WhileAWholeRoomSigningInSuccessfullyDoesNot()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite, new() { ["RateLimits:SignInFailuresPerAddressPerHour"] = "3" });
        var users = new List<string>();
        for (var i = 0; i < 5; i++) users.Add(await app.CreateStaffAsync(Roles.Judge, "maanshan"));
        foreach (var user in users)
            (await app.NewClient().PostAsJsonAsync("/api/account/login", new { userName = user, password = "test-pass-123" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        for (var i = 0; i < 3; i++)
            (await app.NewClient().PostAsJsonAsync("/api/account/login", new { userName = $"guess-{i}", password = "wrong-pass-1" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await ShouldBeTooManyAsync(await app.NewClient().PostAsJsonAsync("/api/account/login", new { userName = users[0], password = "test-pass-123" }));
        await ShouldBeTooManyAsync(await PostAsync(app.NewClient(), "/Account/Login", new Dictionary<string, string> { ["UserName"] = users[1], ["Password"] = "test-pass-123" }));
    }

    [Fact]
    public async Task ManyAttemptsFromOneAddress_Get429WithRetryAfter_OnApiPageAndRegistration()
    {
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite, new() { ["RateLimits:SignInPerAddressPerMinute"] = "4" });
        var client = app.NewClient();
        for (var i = 0; i < 4; i++)
            (await client.PostAsJsonAsync("/api/account/login", new { userName = $"guess-{i}", password = "wrong-pass-1" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        await ShouldBeTooManyAsync(await client.PostAsJsonAsync("/api/account/login", new { userName = "guess-5", password = "wrong-pass-1" }));
        var page = await PostAsync(client, "/Account/Login", new Dictionary<string, string> { ["UserName"] = "guess-6", ["Password"] = "wrong-pass-1" });
        await ShouldBeTooManyAsync(page);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        html.ShouldContain("操作过于频繁");
        html.ShouldContain("navbar-brand");
        await ShouldBeTooManyAsync(await client.PostAsJsonAsync("/api/account/register", new { name = "张三", phone = "13912345678", unitId = Guid.NewGuid(), password = "gongren2026" }));
        // Opening the sign-in page is not an attempt.
        (await client.GetAsync("/Account/Login")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

public class PasswordRuleTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory]
    [InlineData("12345678")]
    [InlineData("abcdefgh")]
    [InlineData("abc1234")]
    public async Task Registration_RefusesAPasswordOutsideTheRule_WithTheRulesMessage(string password)
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var unit = await app.SendAsync(new Engine.Organizations.CreateUnit.Command("hefei", "测试单位" + Guid.NewGuid().ToString("N")[..6], Engine.Organizations.UnitKind.Enterprise, Engine.Common.Actor.System));
        var res = await app.NewClient().PostAsJsonAsync("/api/account/register",
            new { name = "张三", phone = "139" + Random.Shared.Next(10_000_000, 99_999_999), unitId = unit, password });
        res.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await res.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("Password")[0].GetString().ShouldBe(PasswordRule.Message);
    }

    [Theory]
    [InlineData("12345678")]
    [InlineData("abcdefgh")]
    public async Task StaffAccountAndIdentity_RefuseAPasswordOutsideTheRule_WithTheRulesMessage(string password)
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var refused = await Should.ThrowAsync<Engine.Common.ValidationException>(() =>
            app.SendAsync(new CreateStaffAccount.Command("staff-" + Guid.NewGuid().ToString("N")[..8], password, "裁判", Roles.Judge, "maanshan")));
        refused.Errors.ShouldHaveSingleItem().Message.ShouldBe(PasswordRule.Message);

        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
        var created = await users.CreateAsync(new AppUser { UserName = "direct-" + Guid.NewGuid().ToString("N")[..8] }, password);
        created.Succeeded.ShouldBeFalse();
        created.Errors.Select(IdentityMessages.Translate).Distinct().ShouldBe([PasswordRule.Message]);
    }
}
