using System.Net;
using System.Net.Http.Json;
using Competition.Engine.Accounts;
using Competition.Engine.Common;
using Competition.Engine.Persistence;
using Competition.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Competition.Tests.Integration.Accounts;

/// <summary>The account rules an organizer's accounts page relies on: own city only, never admins, never locking oneself.</summary>
public class AccountManagementTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static async Task<Actor> ActorAsync(AppFactory app, string role, string? city)
    {
        var name = await app.CreateStaffAsync(role, city);
        using var scope = app.Services.CreateScope();
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(name))!;
        return new Actor(user.Id, name, new HashSet<string> { role }, city);
    }

    private static string NewName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..18];

    private static async Task<HttpStatusCode> SignInAsync(AppFactory app, string user, string password) =>
        (await app.NewClient().PostAsJsonAsync("/api/account/login", new { userName = user, password })).StatusCode;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Organizer_CreatesJudgeChiefAndOrganizerOfOwnCity_WithAGeneratedPasswordThatSignsIn(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var organizer = await ActorAsync(app, Roles.Organizer, "maanshan");
        foreach (var role in new[] { Roles.Judge, Roles.ChiefJudge, Roles.Organizer })
        {
            var name = NewName("acct");
            var created = await app.SendAsync(new CreateAccount.Command(name, "王裁判", role, "maanshan", organizer));
            PasswordRule.IsMet(created.Password).ShouldBeTrue(created.Password);
            (await SignInAsync(app, name, created.Password)).ShouldBe(HttpStatusCode.OK);
        }
        var taken = await Should.ThrowAsync<ValidationException>(() => app.SendAsync(new CreateAccount.Command(organizer.UserName, "重名", Roles.Judge, "maanshan", organizer)));
        taken.Errors.ShouldContain(e => e.Message.Contains("已存在"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Organizer_IsRefusedAnotherCitysAndAdminAccounts_WithTheRule(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var organizer = await ActorAsync(app, Roles.Organizer, "maanshan");
        var otherJudge = await app.CreateStaffAsync(Roles.Judge, "wuhu");
        var admin = await app.CreateStaffAsync(Roles.Admin);

        (await Should.ThrowAsync<ForbiddenException>(() => app.SendAsync(new CreateAccount.Command(NewName("x"), "外市", Roles.Judge, "wuhu", organizer))))
            .Message.ShouldContain("只能为本市（maanshan）创建账号");
        (await Should.ThrowAsync<ForbiddenException>(() => app.SendAsync(new CreateAccount.Command(NewName("x"), "管理员", Roles.Admin, null, organizer))))
            .Message.ShouldContain("只有管理员可以创建管理员账号");
        (await Should.ThrowAsync<ForbiddenException>(() => app.SendAsync(new ResetPassword.Command(otherJudge, organizer))))
            .Message.ShouldContain("属于 wuhu");
        (await Should.ThrowAsync<ForbiddenException>(() => app.SendAsync(new SetAccountLock.Command(otherJudge, true, organizer))))
            .Message.ShouldContain("只能锁定本市");
        (await Should.ThrowAsync<ForbiddenException>(() => app.SendAsync(new ResetPassword.Command(admin, organizer))))
            .Message.ShouldContain("管理员账号");
        (await Should.ThrowAsync<RuleViolationException>(() => app.SendAsync(new SetAccountLock.Command(organizer.UserName, true, organizer))))
            .Message.ShouldContain("不能锁定自己的账号");
        (await SignInAsync(app, otherJudge, "test-pass-123")).ShouldBe(HttpStatusCode.OK);   // nothing changed

        var worker = await ActorAsync(app, Roles.Judge, "maanshan");
        await Should.ThrowAsync<ForbiddenException>(() => app.SendAsync(new ListAccounts.Query(worker)));
        await Should.ThrowAsync<ForbiddenException>(() => app.SendAsync(new CreateAccount.Command(NewName("x"), "裁判", Roles.Judge, "maanshan", worker)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Organizer_ListsOwnCitysStaffOnly_AdminListsAll(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var organizer = await ActorAsync(app, Roles.Organizer, "maanshan");
        var admin = await ActorAsync(app, Roles.Admin, null);
        var mine = await app.CreateStaffAsync(Roles.ChiefJudge, "maanshan");
        var theirs = await app.CreateStaffAsync(Roles.Judge, "hefei");
        var worker = await app.CreateWorkerAsync("maanshan");

        var seen = (await app.SendAsync(new ListAccounts.Query(organizer))).Select(r => r.UserName).ToList();
        seen.ShouldContain(mine);
        seen.ShouldContain(organizer.UserName);
        seen.ShouldNotContain(theirs);
        seen.ShouldNotContain(admin.UserName);
        seen.ShouldNotContain(worker.UserName);
        var all = await app.SendAsync(new ListAccounts.Query(admin));
        all.Select(r => r.UserName).ShouldContain(theirs);
        all.Single(r => r.UserName == admin.UserName).IsSelf.ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ResetAndLock_ChangeWhoCanSignIn(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var organizer = await ActorAsync(app, Roles.Organizer, "maanshan");
        var judge = await app.CreateStaffAsync(Roles.Judge, "maanshan");

        var reset = await app.SendAsync(new ResetPassword.Command(judge, organizer));
        PasswordRule.IsMet(reset.Password).ShouldBeTrue();
        (await SignInAsync(app, judge, "test-pass-123")).ShouldBe(HttpStatusCode.Unauthorized);
        (await SignInAsync(app, judge, reset.Password)).ShouldBe(HttpStatusCode.OK);

        await app.SendAsync(new SetAccountLock.Command(judge, true, organizer));
        (await app.SendAsync(new ListAccounts.Query(organizer))).Single(r => r.UserName == judge).Locked.ShouldBeTrue();
        (await SignInAsync(app, judge, reset.Password)).ShouldBe(HttpStatusCode.Unauthorized);
        await app.SendAsync(new SetAccountLock.Command(judge, false, organizer));
        (await SignInAsync(app, judge, reset.Password)).ShouldBe(HttpStatusCode.OK);
        (await app.SendAsync(new ListAccounts.Query(organizer))).Single(r => r.UserName == judge).Locked.ShouldBeFalse();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Organizer_FindsAndResetsAWorkerOfOwnCity_ButNeverAnotherCitys(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var organizer = await ActorAsync(app, Roles.Organizer, "maanshan");
        var mine = await app.CreateWorkerAsync("maanshan");
        var theirs = await app.CreateWorkerAsync("hefei");

        var found = await app.SendAsync(new FindWorkerAccounts.Query(mine.UserName, organizer));
        found.Rows.Single().UserName.ShouldBe(mine.UserName);
        found.Rows.Single().CityCode.ShouldBe("maanshan");
        (await app.SendAsync(new FindWorkerAccounts.Query(theirs.UserName, organizer))).Rows.ShouldBeEmpty();
        (await app.SendAsync(new FindWorkerAccounts.Query("  ", organizer))).Rows.ShouldBeEmpty();

        var reset = await app.SendAsync(new ResetPassword.Command(mine.UserName, organizer));
        (await SignInAsync(app, mine.UserName, "test-pass-123")).ShouldBe(HttpStatusCode.Unauthorized);
        (await SignInAsync(app, mine.UserName, reset.Password)).ShouldBe(HttpStatusCode.OK);
        await app.SendAsync(new SetAccountLock.Command(mine.UserName, true, organizer));
        (await app.SendAsync(new FindWorkerAccounts.Query(mine.UserName, organizer))).Rows.Single().Locked.ShouldBeTrue();
        (await SignInAsync(app, mine.UserName, reset.Password)).ShouldBe(HttpStatusCode.Unauthorized);

        (await Should.ThrowAsync<ForbiddenException>(() => app.SendAsync(new ResetPassword.Command(theirs.UserName, organizer))))
            .Message.ShouldContain("只能重置密码本市（maanshan）职工的账号");
        (await Should.ThrowAsync<ForbiddenException>(() => app.SendAsync(new SetAccountLock.Command(theirs.UserName, true, organizer))))
            .Message.ShouldContain("单位属于 hefei");
        (await SignInAsync(app, theirs.UserName, "test-pass-123")).ShouldBe(HttpStatusCode.OK);   // untouched

        var admin = await ActorAsync(app, Roles.Admin, null);
        (await app.SendAsync(new FindWorkerAccounts.Query(theirs.UserName, admin))).Rows.Single().CityCode.ShouldBe("hefei");
        var judge = await ActorAsync(app, Roles.Judge, "maanshan");
        await Should.ThrowAsync<ForbiddenException>(() => app.SendAsync(new FindWorkerAccounts.Query(mine.UserName, judge)));
    }
}
