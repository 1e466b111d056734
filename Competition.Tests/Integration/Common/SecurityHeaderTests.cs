using Competition.Engine.Persistence;
using Competition.Tests.Infrastructure;
using static Competition.Tests.Integration.Common.PageForms;

namespace Competition.Tests.Integration.Common;

public class SecurityHeaderTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/Account/Login")]
    [InlineData("/no-such-page")]
    [InlineData("/api/trades")]
    [InlineData("/css/site.css")]
    public async Task EveryResponse_CarriesAPolicyWithoutInlineScriptAndTheOtherHeaders(string url)
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var res = await app.NewClient().SendAsync(BrowserGet(url));
        var csp = res.Headers.GetValues("Content-Security-Policy").Single();
        var directives = csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d.Split(' ')[1..]);
        directives["script-src"].ShouldBe(["'self'"]);
        directives["object-src"].ShouldBe(["'none'"]);
        directives["base-uri"].ShouldBe(["'self'"]);
        directives["frame-ancestors"].ShouldBe(["'none'"]);
        directives["form-action"].ShouldBe(["'self'"]);
        directives["connect-src"].ShouldContain("'self'");
        directives["default-src"].ShouldBe(["'self'"]);
        res.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        res.Headers.GetValues("Referrer-Policy").Single().ShouldBe("strict-origin-when-cross-origin");
        res.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
    }
}
