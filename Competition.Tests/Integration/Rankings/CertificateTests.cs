using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Competition.Engine.Accounts;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank.Sheets;
using Competition.Engine.Rankings;
using Competition.Tests.Infrastructure;
using Competition.Tests.Integration.Contests;
using Microsoft.EntityFrameworkCore;

namespace Competition.Tests.Integration.Rankings;

/// <summary>
/// Certificates on both databases: the 公示 issues one per award line; the public verification page says valid, then
/// superseded once a correction's 公示 starts, and revoked with the reason; the files are for the contest's own organizers.
/// </summary>
public class CertificateTests
{
    private static async Task<string> VerifyPageAsync(HttpClient anonymous, string code, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var res = await anonymous.GetAsync($"/Results/Verify/{code}");
        res.StatusCode.ShouldBe(expected);
        return WebUtility.HtmlDecode(await res.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Notice_IssuesCertificates_VerifiedThenSupersededThenRevoked_FilesForTheCityOnly(DatabaseProvider provider)
    {
        var today = DateTime.UtcNow.Date.AddDays(2);
        var tuesday = today.AddDays(((int)DayOfWeek.Tuesday - (int)today.DayOfWeek + 7) % 7);
        var clock = new FakeClock(new DateTimeOffset(tuesday.AddHours(2), TimeSpan.Zero));
        await using var app = await AppFactory.StartAsync(provider, AppFactory.ClockDrivenByTest(), clock);
        var s = await ContestScenario.CreateAsync(app, clock.GetUtcNow().UtcDateTime);
        var organizer = await ResultPublicationTests.ActorAsync(app, await app.CreateStaffAsync(Roles.Organizer, "maanshan"), Roles.Organizer, "maanshan");
        var chief = await ResultPublicationTests.ActorAsync(app, s.Chief, Roles.ChiefJudge, "maanshan");
        await ResultPublicationTests.FinalizeAsync(app, s);

        var v1 = await app.SendAsync(new DraftResults.Command(s.ContestId, AwardRule.ByCount(1, 1, 1), null, organizer));
        await app.SendAsync(new SignResults.Command(v1.VersionId, v1.ContentHash, SignResults.As.ChiefJudge, chief));
        await app.SendAsync(new SignResults.Command(v1.VersionId, v1.ContentHash, SignResults.As.Organizer, organizer));
        await using (var db = app.Database.NewContext())
            (await db.Certificates.CountAsync(c => c.ContestId == s.ContestId)).ShouldBe(0);   // a draft has none
        (await s.Organizer.GetAsync($"/api/results/{s.ContestId}/certificates.zip")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        await app.SendAsync(new StartPublicNotice.Command(v1.VersionId, 5, organizer));

        List<Certificate> first;
        await using (var db = app.Database.NewContext())
            first = await db.Certificates.Where(c => c.VersionId == v1.VersionId).OrderBy(c => c.Number).ToListAsync();
        first.Select(c => (c.Number, c.Name, c.Award, c.Rank)).ShouldBe([("A001", "张三", Award.Second, (int?)2), ("A002", "李四", Award.Second, 2), ("A003", "王五", Award.First, 1)]);
        first.ShouldAllBe(c => CertificateCode.Normalize(c.Code) == c.Code);
        first.Select(c => c.Code).Distinct().Count().ShouldBe(3);
        var wang = first.Single(c => c.Number == "A003");

        // Anyone, without signing in: the award, the person, the version and its hash; typed codes are forgiven.
        var anonymous = app.NewClient();
        var page = await VerifyPageAsync(anonymous, wang.Code);
        page.ShouldContain("一等奖");
        page.ShouldContain("王五");
        page.ShouldContain(v1.ContentHash);
        page.ShouldContain("data-standing=\"Valid\"");
        (await VerifyPageAsync(anonymous, wang.Code.ToLowerInvariant().Insert(5, "-"))).ShouldContain("王五");
        (await VerifyPageAsync(anonymous, "ZZZZZZZZZZ", HttpStatusCode.NotFound)).ShouldContain("没有找到验证码为 ZZZZZZZZZZ 的证书");

        // The files: the city's organizer gets them, another city's organizer is refused.
        var pdf = await s.Organizer.GetByteArrayAsync($"/api/certificates/{wang.Code}.pdf");
        Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-");
        var zipBytes = await s.Organizer.GetByteArrayAsync($"/api/results/{s.ContestId}/certificates.zip");
        using (var zip = new ZipArchive(new MemoryStream(zipBytes)))
        {
            zip.Entries.Count.ShouldBe(3);
            zip.Entries.ShouldContain(e => e.Name.Contains("A003") && e.Name.Contains("王五") && e.Name.Contains("一等奖"));
            using var entry = new MemoryStream();
            await zip.Entries[0].Open().CopyToAsync(entry);
            Encoding.ASCII.GetString(entry.ToArray(), 0, 5).ShouldBe("%PDF-");
        }
        var xlsx = await s.Organizer.GetByteArrayAsync($"/api/results/{s.ContestId}/awards.xlsx");
        var table = SheetReader.Read(new MemoryStream(xlsx), "表彰名单.xlsx", xlsx.Length);
        table.Headers.ShouldBe(ExportResults.Headers);
        table.Rows.Select(r => (r[1], r[3], r[6])).ShouldBe([("王五", "钳工", "一等奖"), ("张三", "钳工", "二等奖"), ("李四", "钳工", "二等奖")]);
        var stranger = await app.OrganizerClientAsync("hefei");
        foreach (var path in new[] { $"/api/certificates/{wang.Code}.pdf", $"/api/results/{s.ContestId}/certificates.zip", $"/api/results/{s.ContestId}/results.xlsx" })
            (await stranger.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, path);
        (await stranger.PostAsJsonAsync($"/api/certificates/{wang.Code}/revoke", new { reason = "试图撤销别市的证书" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // A correction's 公示: version 1's certificates stay and say which version replaced them; version 2 has its own.
        var v2 = await app.SendAsync(new DraftResults.Command(s.ContestId, AwardRule.ByCount(1, 2, 0), "按异议复核，调整二等奖名额", organizer));
        await app.SendAsync(new SignResults.Command(v2.VersionId, v2.ContentHash, SignResults.As.ChiefJudge, chief));
        await app.SendAsync(new SignResults.Command(v2.VersionId, v2.ContentHash, SignResults.As.Organizer, organizer));
        await app.SendAsync(new StartPublicNotice.Command(v2.VersionId, 5, organizer));
        page = await VerifyPageAsync(anonymous, wang.Code);
        page.ShouldContain("已被第 2 版更正取代");
        page.ShouldContain("data-standing=\"Superseded\"");
        page.ShouldContain(v1.ContentHash);
        Certificate wang2;
        await using (var db = app.Database.NewContext())
        {
            (await db.Certificates.CountAsync(c => c.ContestId == s.ContestId)).ShouldBe(6);
            wang2 = await db.Certificates.SingleAsync(c => c.VersionId == v2.VersionId && c.Number == "A003");
        }
        (await VerifyPageAsync(anonymous, wang2.Code)).ShouldContain("data-standing=\"Valid\"");
        using (var zip = new ZipArchive(new MemoryStream(await s.Organizer.GetByteArrayAsync($"/api/results/{s.ContestId}/certificates.zip"))))
            zip.Entries.Count.ShouldBe(3);   // the current version's only

        // Revoked, with the reason on the verification page; the reason is required and a second revocation refused.
        (await s.Organizer.PostAsJsonAsync($"/api/certificates/{wang2.Code}/revoke", new { reason = "" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await s.Organizer.PostAsJsonAsync($"/api/certificates/{wang2.Code}/revoke", new { reason = "经查实操作品系他人代做，取消获奖资格" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await s.Organizer.PostAsJsonAsync($"/api/certificates/{wang2.Code}/revoke", new { reason = "再撤一次" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        page = await VerifyPageAsync(anonymous, wang2.Code);
        page.ShouldContain("已撤销：经查实操作品系他人代做，取消获奖资格");
        page.ShouldContain("data-standing=\"Revoked\"");
    }
}
