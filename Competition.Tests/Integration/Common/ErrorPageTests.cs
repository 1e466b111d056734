using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Competition.Engine.Accounts;
using Competition.Engine.Organizations;
using Competition.Engine.Persistence;
using Competition.Tests.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using static Competition.Tests.Integration.Common.PageForms;
using static Competition.Tests.Integration.Exams.ExamScenario;

namespace Competition.Tests.Integration.Common;

public class ErrorPageTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private const string LayoutMark = "navbar-brand";

    private static async Task<string> HtmlAsync(HttpResponseMessage res, HttpStatusCode status)
    {
        // Razor encodes Chinese as character references; compare what a reader sees.
        var body = WebUtility.HtmlDecode(await res.Content.ReadAsStringAsync());
        res.StatusCode.ShouldBe(status, body);
        res.Content.Headers.ContentType!.MediaType.ShouldBe("text/html", body);
        body.ShouldContain(LayoutMark);
        body.ShouldContain("data-testid=\"error-page\"");
        return body;
    }

    [Fact]
    public async Task MissingPage_ForABrowser_IsAnHtmlPageInTheLayoutWith404()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var body = await HtmlAsync(await app.NewClient().SendAsync(BrowserGet("/no-such-page")), HttpStatusCode.NotFound);
        body.ShouldContain("页面不存在");
    }

    [Fact]
    public async Task EngineRefusalOnAPage_IsAnHtmlPageWithTheEnginesMessageAndStatus()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var organizer = await app.OrganizerClientAsync();
        var exam = await PublishedExamAsync(organizer, Standard, Settings(DateTime.UtcNow));
        var (owner, _) = await app.CreateWorkerAsync();
        var attempt = await StartAsync(await app.SignedInClientAsync(owner), exam);
        var (other, _) = await app.CreateWorkerAsync();
        var otherClient = await app.SignedInClientAsync(other);

        (await HtmlAsync(await otherClient.SendAsync(BrowserGet($"/Exams/Result/{attempt}")), HttpStatusCode.Forbidden)).ShouldContain("这不是您的作答");
        (await HtmlAsync(await otherClient.SendAsync(BrowserGet($"/Exams/Result/{Guid.NewGuid()}")), HttpStatusCode.NotFound)).ShouldContain("不存在");
    }

    [Fact]
    public async Task PageOfAnotherRole_EndsOnTheAccessDeniedPageWith403()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var judge = await app.SignedInClientAsync(await app.CreateStaffAsync(Roles.Judge, "maanshan"));
        var res = await judge.SendAsync(BrowserGet("/QuestionBank"));
        res.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var denied = await judge.SendAsync(BrowserGet(res.Headers.Location!.ToString()));
        denied.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await denied.Content.ReadAsStringAsync()).ShouldContain(LayoutMark);
    }

    [Fact]
    public async Task FormPostWithoutToken_IsAnHtmlPageWith400()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var request = new HttpRequestMessage(HttpMethod.Post, "/Account/Login") { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "x", ["Password"] = "y" }) };
        request.Headers.Accept.ParseAdd("text/html");
        (await HtmlAsync(await app.NewClient().SendAsync(request), HttpStatusCode.BadRequest)).ShouldContain("请求无效");
    }

    [Fact]
    public async Task ApiErrors_StayProblemDetails()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var client = app.NewClient();
        var missing = await client.GetAsync("/api/no-such-thing");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        missing.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        var (worker, _) = await app.CreateWorkerAsync();
        var refused = await (await app.SignedInClientAsync(worker)).GetAsync($"/api/attempts/{Guid.NewGuid()}");
        refused.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!.ShouldContain("不存在");
    }

    /// <summary>A fault nobody planned for: the units list throws. Run in Development, where stack traces used to show.</summary>
    [Fact]
    public async Task Fault_InDevelopment_IsAnHtmlPageForBrowsersAndProblemDetailsForApis_NeverAStackTrace()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        await using var faulty = app.WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Development");
            b.ConfigureTestServices(s => s.AddTransient<IRequestHandler<ListUnits.Query, IReadOnlyList<ListUnits.Row>>, Broken>());
        });
        var client = faulty.CreateClient();

        var page = await client.SendAsync(BrowserGet("/Account/Register"));
        var html = await HtmlAsync(page, HttpStatusCode.InternalServerError);
        html.ShouldContain("服务器出错了");
        html.ShouldNotContain(Broken.Secret);
        html.ShouldNotContain("Competition.Tests");
        html.ShouldNotContain("   at ");

        var api = await client.GetAsync("/api/units");
        api.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        api.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var json = await api.Content.ReadAsStringAsync();
        json.ShouldNotContain(Broken.Secret);
        json.ShouldNotContain("Competition.Tests");
    }

    private sealed class Broken : IRequestHandler<ListUnits.Query, IReadOnlyList<ListUnits.Row>>
    {
        public const string Secret = "connection string Password=hunter2";
        public Task<IReadOnlyList<ListUnits.Row>> Handle(ListUnits.Query request, CancellationToken ct) => throw new InvalidOperationException(Secret);
    }
}
