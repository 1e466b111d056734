using Competition.Engine.Accounts;
using Competition.Engine.Persistence;
using Competition.Engine.Rankings;
using Competition.Tests.Infrastructure;
using Competition.Tests.Integration.Contests;
using Competition.Tests.Integration.Rankings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Competition.Tests.Browser.Rankings;

/// <summary>
/// A phone "scans" a certificate: it opens the very address the certificate's QR code encodes (made by the same
/// function) on the real server, without signing in, and sees the award, the person and that the certificate is valid.
/// </summary>
public class CertificateVerifyTests(BrowserSession browser) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task Phone_OpensTheQrAddress_SeesTheAwardValid()
    {
        var today = DateTime.UtcNow.Date.AddDays(2);
        var tuesday = today.AddDays(((int)DayOfWeek.Tuesday - (int)today.DayOfWeek + 7) % 7);
        var clock = new FakeClock(new DateTimeOffset(tuesday.AddHours(2), TimeSpan.Zero));
        await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite, AppFactory.ClockDrivenByTest(), clock);
        var s = await ContestScenario.CreateAsync(app, clock.GetUtcNow().UtcDateTime);
        var organizer = await ResultPublicationTests.ActorAsync(app, await app.CreateStaffAsync(Roles.Organizer, "maanshan"), Roles.Organizer, "maanshan");
        var chief = await ResultPublicationTests.ActorAsync(app, s.Chief, Roles.ChiefJudge, "maanshan");
        await ResultPublicationTests.FinalizeAsync(app, s);
        var v1 = await app.SendAsync(new DraftResults.Command(s.ContestId, AwardRule.ByCount(1, 1, 1), null, organizer));
        await app.SendAsync(new SignResults.Command(v1.VersionId, v1.ContentHash, SignResults.As.ChiefJudge, chief));
        await app.SendAsync(new SignResults.Command(v1.VersionId, v1.ContentHash, SignResults.As.Organizer, organizer));
        await app.SendAsync(new StartPublicNotice.Command(v1.VersionId, 5, organizer));
        string code;
        await using (var db = app.Database.NewContext())
            code = await db.Certificates.Where(c => c.VersionId == v1.VersionId && c.Number == "A003").Select(c => c.Code).SingleAsync();
        var qrPayload = CertificateFiles.VerifyUrl(app.BaseAddress.ToString(), code);

        var page = await browser.NewPageAsync(app.BaseAddress, phone: true);
        await page.GotoAsync(qrPayload);
        await Assertions.Expect(page.GetByTestId("verify-award")).ToHaveTextAsync("一等奖");
        await Assertions.Expect(page.GetByTestId("verify-name")).ToHaveTextAsync("王五");
        await Assertions.Expect(page.GetByTestId("verify-standing")).ToContainTextAsync("有效");
        await Assertions.Expect(page.GetByTestId("verify-hash")).ToHaveTextAsync(v1.ContentHash);
        // Phone-sized: nothing wider than the screen (the 64-character hash wraps).
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
        if (Environment.GetEnvironmentVariable("CERTIFICATE_SCREENSHOTS") is { Length: > 0 } folder)
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "certs-verify-phone.png"), FullPage = true });
    }
}
