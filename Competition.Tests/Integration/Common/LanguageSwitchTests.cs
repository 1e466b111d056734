using System.Net;
using Competition.Engine.Persistence;
using Competition.Tests.Infrastructure;

namespace Competition.Tests.Integration.Common;

public class LanguageSwitchTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static async Task<string> PageAsync(HttpClient client, string path) => WebUtility.HtmlDecode(await client.GetStringAsync(path));

    [Fact]
    public async Task ABrowserAskingForEnglish_StillGetsChinese_UntilTheUserSwitches_ThenEveryPageIsEnglish_UntilSwitchedBack()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var client = app.NewClient();
        // Many phones and kiosks send English: the language is the user's choice, not the browser's.
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US,en;q=0.9");
        var home = await PageAsync(client, "/");
        home.ShouldContain("<html lang=\"zh-CN\">");
        home.ShouldContain(">登录</a>");

        var switched = await client.GetAsync("/culture/en?returnUrl=%2FAccount%2FLogin");
        switched.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        switched.Headers.Location!.OriginalString.ShouldBe("/Account/Login");
        home = await PageAsync(client, "/");
        home.ShouldContain("<html lang=\"en\">");
        home.ShouldContain(">Sign in</a>");
        home.ShouldContain(">中文</a>");

        (await client.GetAsync("/culture/zh-CN?returnUrl=/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PageAsync(client, "/")).ShouldContain(">登录</a>");
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task ASwitchLink_NeverLeavesTheSite(string returnUrl)
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var res = await app.NewClient().GetAsync("/culture/en?returnUrl=" + Uri.EscapeDataString(returnUrl));
        res.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        res.Headers.Location!.OriginalString.ShouldBe("/");
    }

    [Fact]
    public async Task AnUnknownLanguage_IsNotFound()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        (await app.NewClient().GetAsync("/culture/fr")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
