using System.Net;
using System.Net.Http.Json;
using Competition.Engine.Accounts;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using Competition.Engine.QuestionBank.Files;
using Competition.Engine.QuestionBank.Sheets;
using Competition.Tests.Infrastructure;
using Competition.Tests.Integration.Common;
using Microsoft.EntityFrameworkCore;

namespace Competition.Tests.Integration.QuestionBank;

/// <summary>
/// The rule between the shipped banks and organizers: the shipped file wins only for questions no organizer has edited.
/// An organizer's correction stays current across restarts, is marked on the bank pages with its history, and the
/// shipped text (when it differs) can be seen and adopted, after which the file's updates apply again.
/// </summary>
public class OrganizerEditTests
{
    private const string Id = "lathe-operator-001";
    private const string Other = "lathe-operator-002";

    private static QuestionContent Shipped(string folder, string id) =>
        BankFolder.Read(folder).Files.SelectMany(f => f.Questions).Single(q => q.Id == id).Content;

    private static async Task ImportCorrectionAsync(HttpClient organizer, QuestionContent corrected)
    {
        var sheet = XlsxWriter.Write("题库", [BankTemplate.Headers, BankRowMapper.ToCells(Id, "lathe-operator", corrected)]);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(sheet), "file", "更正.xlsx" }, { new StringContent("lathe-operator"), "trade" } };
        var res = await organizer.PostAsync("/api/banks/import", form);
        res.StatusCode.ShouldBe(HttpStatusCode.OK, await res.Content.ReadAsStringAsync());
    }

    private static async Task<Question> QuestionAsync(TestDatabase db, string id)
    {
        await using var ctx = db.NewContext();
        return await ctx.Questions.AsNoTracking().SingleAsync(q => q.Id == id);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportedCorrectionOfAShippedQuestion_IsStillCurrentAfterARestart_AndMarkedOnTheBankPages(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var shipped = Shipped(Paths.ShippedBanks, Id);
        var corrected = shipped with { Stem = shipped.Stem + "（组织者更正）" };
        string organizerName;
        await using (var app = AppFactory.StartOn(db))
        {
            organizerName = await app.CreateStaffAsync(Roles.Organizer, "maanshan");
            await ImportCorrectionAsync(await app.SignedInClientAsync(organizerName), corrected);
        }

        // The restart loads the shipped banks again over the same database.
        await using (var app = AppFactory.StartOn(db))
        {
            var q = await app.SendAsync(new GetQuestion.Query(Id, Competition.Engine.Common.Actor.System));
            q.Content.Stem.ShouldBe(corrected.Stem);
            q.LatestVersion.ShouldBe(2);
            q.HeldByOrganizer.ShouldBeTrue();
            q.History!.Select(v => (v.Version, v.SourceTitle, v.By)).ShouldBe([(2, "组织者导入", organizerName), (1, "随附题库", null)]);
            q.ShippedContent!.ComputeHash().ShouldBe(shipped.ComputeHash());   // the text the correction replaced, shown on the question page

            var again = await app.SendAsync(new LoadBanks.Command(Paths.ShippedBanks));
            again.Kept.ShouldBe(1);
            again.KeptIds.ShouldBe([Id]);
            again.Revised.ShouldBe(0);

            var organizer = await app.SignedInClientAsync(organizerName);
            var page = await PageForms.TextAsync(await organizer.GetAsync($"/QuestionBank/Question/{Id}"));
            page.ShouldContain("组织者修订");
            page.ShouldContain("随附题库中的文本（未采用）");
            page.ShouldContain(organizerName);
            var list = await PageForms.TextAsync(await organizer.GetAsync("/QuestionBank?trade=lathe-operator&edited=true"));
            list.ShouldContain("共 1 题");
            list.ShouldContain(Id);
        }
        (await QuestionAsync(db, Id)).CurrentVersion.ShouldBe(2);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ChangedShippedText_IsKeptAsideForAnEditedQuestion_AppliedToOthers_AndFollowedAgainOnceAdopted(DatabaseProvider provider)
    {
        var folder = Directory.CreateTempSubdirectory("banks-").FullName;
        foreach (var f in Directory.GetFiles(Paths.ShippedBanks, "*.yaml")) File.Copy(f, Path.Combine(folder, Path.GetFileName(f)));
        var file = Path.Combine(folder, "lathe-operator.yaml");
        void Rewrite(string id, string suffix)
        {
            var stem = Shipped(folder, id).Stem;
            File.WriteAllText(file, File.ReadAllText(file).Replace("stem: " + stem, "stem: " + stem + suffix));
        }
        var settings = new Dictionary<string, string?> { ["Banks:Folder"] = folder };
        try
        {
            await using var db = await TestDatabase.CreateAsync(provider);
            var original = Shipped(folder, Id);
            string organizerName;
            await using (var app = AppFactory.StartOn(db, settings))
            {
                organizerName = await app.CreateStaffAsync(Roles.Organizer, "maanshan");
                await ImportCorrectionAsync(await app.SignedInClientAsync(organizerName), original with { Stem = "组织者的题干" });
            }

            Rewrite(Id, "（随附题库第二版）");
            Rewrite(Other, "（随附题库第二版）");
            await using (var app = AppFactory.StartOn(db, settings))
            {
                var edited = await app.SendAsync(new GetQuestion.Query(Id, Competition.Engine.Common.Actor.System));
                edited.Content.Stem.ShouldBe("组织者的题干");
                edited.ShippedContent!.Stem.ShouldBe(original.Stem + "（随附题库第二版）");
                (await app.SendAsync(new GetQuestion.Query(Other, Competition.Engine.Common.Actor.System))).Content.Stem.ShouldEndWith("（随附题库第二版）");

                var organizer = await app.SignedInClientAsync(organizerName);
                var adopted = await PageForms.PostAsync(organizer, $"/QuestionBank/Question/{Id}", [], "AdoptShipped");
                adopted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await adopted.Content.ReadAsStringAsync());
                var q = await app.SendAsync(new GetQuestion.Query(Id, Competition.Engine.Common.Actor.System));
                q.Content.Stem.ShouldBe(original.Stem + "（随附题库第二版）");
                q.HeldByOrganizer.ShouldBeFalse();
                q.History![0].ShouldBe(q.History[0] with { Version = 3, Source = QuestionSources.BankFile, By = organizerName });

                // Nothing left to adopt: a rule refusal on the page, not a 500.
                (await PageForms.PostAsync(organizer, $"/QuestionBank/Question/{Id}", [], "AdoptShipped", tokenPage: "/QuestionBank/Import")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
            }

            Rewrite(Id, "（第三版）");
            await using (var app = AppFactory.StartOn(db, settings))
                (await app.SendAsync(new GetQuestion.Query(Id, Competition.Engine.Common.Actor.System))).Content.Stem.ShouldEndWith("（随附题库第二版）（第三版）");
            (await QuestionAsync(db, Id)).CurrentVersion.ShouldBe(4);
        }
        finally { Directory.Delete(folder, true); }
    }
}
