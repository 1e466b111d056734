using Competition.Engine.Accounts;
using Competition.Engine.Common;
using Competition.Engine.Exams;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using Competition.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Competition.Tests.Integration.Exams.ExamScenario;

namespace Competition.Tests.Integration.QuestionBank;

/// <summary>Issue 8: an organizer edits a question (a new version that drawn papers do not take) and retires it (no longer drawn).</summary>
public class QuestionEditTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static readonly Actor Organizer = new("org", "organizer-edit", new HashSet<string> { Roles.Organizer }, "maanshan");

    private static EditQuestion.Command Edit(GetQuestion.Result q, string stem, int baseVersion) => new(q.Id, q.Content.Level, q.Content.Difficulty, stem,
        q.Content.Options.Select(o => o.Text).ToList(), string.Concat(q.Content.Answer), q.Content.Explanation, string.Join("、", q.Content.KnowledgePoints), baseVersion, Organizer);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EditingAQuestionOnAPaper_MakesANewVersion_WhileTheDrawnPaperKeepsShowingTheOldOne(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var organizer = await app.OrganizerClientAsync("maanshan");
        var exam = await PublishedExamAsync(organizer, Standard, Settings(DateTime.UtcNow), "改题前抽好的试卷");
        var worker = await app.SignedInClientAsync((await app.CreateWorkerAsync("maanshan")).UserName);
        var attempt = await StartAsync(worker, exam);
        PaperItem item;
        await using (var db = app.Database.NewContext())
        {
            var paperId = await db.Attempts.Where(a => a.Id == attempt).Select(a => a.PaperId).SingleAsync();
            item = (await db.Papers.SingleAsync(p => p.Id == paperId)).Items.First();
        }
        var index = 0;
        var before = await app.SendAsync(new GetQuestion.Query(item.QuestionId, Organizer));
        before.LatestVersion.ShouldBe(item.Version);

        var edited = await app.SendAsync(Edit(before, before.Content.Stem + "（已更正的题干）", before.LatestVersion));
        edited.Changed.ShouldBeTrue();
        edited.Version.ShouldBe(item.Version + 1);
        var after = await app.SendAsync(new GetQuestion.Query(item.QuestionId, Organizer));
        after.Content.Stem.ShouldEndWith("（已更正的题干）");
        after.History!.First().SourceTitle.ShouldBe("组织者编辑");
        after.HeldByOrganizer.ShouldBeTrue();

        // The worker's paper names version v: it still shows the stem as drawn.
        var view = await ViewAsync(worker, attempt);
        view.Items[index].StemHtml.ShouldNotContain("已更正的题干");
        await using (var db = app.Database.NewContext())
        {
            var paperId = await db.Attempts.Where(a => a.Id == attempt).Select(a => a.PaperId).SingleAsync();
            (await db.Papers.SingleAsync(p => p.Id == paperId)).Items.First().Version.ShouldBe(item.Version);
        }
        // The question page's usage names the paper by its version.
        var usage = await app.SendAsync(new GetQuestionUsage.Query(item.QuestionId, Organizer));
        usage.PapersByVersion.GetValueOrDefault(item.Version).ShouldBeGreaterThanOrEqualTo(1);
        usage.Exams.ShouldContain(e => e.ExamId == exam);

        // An edit from a form that showed an older version is refused rather than overwriting the newer one.
        var stale = await Should.ThrowAsync<RuleViolationException>(() => app.SendAsync(Edit(before, "过期的修改", before.LatestVersion)));
        stale.Message.ShouldContain("重新打开编辑页");
        var invalid = await Should.ThrowAsync<ValidationException>(() => app.SendAsync(Edit(after, "", after.LatestVersion)));
        invalid.Errors.ShouldContain(e => e.Field == "stem");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ARetiredQuestion_IsNotDrawnForNewPapers_StaysVisible_AndComesBackWhenRestored(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        const string id = "welder-002";
        var catalog = app.Services.GetRequiredService<QuestionCatalog>();
        async Task<bool> DrawableAsync()
        {
            await using var db = app.Database.NewContext();
            var q = await db.Questions.AsNoTracking().SingleAsync(x => x.Id == id);
            var index = await catalog.IndexAsync(db);
            return index.Cell(q.TradeCode, q.Level, q.Type).ToArray().Any(e => e.Id == id);
        }
        (await DrawableAsync()).ShouldBeTrue();

        await app.SendAsync(new RetireQuestion.Command(id, true, Organizer));
        (await DrawableAsync()).ShouldBeFalse();
        var shown = await app.SendAsync(new GetQuestion.Query(id, Organizer));
        shown.Retired.ShouldBeTrue();
        var listed = await app.SendAsync(new SearchQuestions.Query(Organizer, TradeCode: "welder", Text: id));
        listed.Rows.Single(r => r.Id == id).Retired.ShouldBeTrue();

        await app.SendAsync(new RetireQuestion.Command(id, false, Organizer));
        (await DrawableAsync()).ShouldBeTrue();
        (await app.SendAsync(new GetQuestion.Query(id, Organizer))).Retired.ShouldBeFalse();

        var worker = new Actor("w", "worker", new HashSet<string> { Roles.Worker }, null, Guid.NewGuid());
        await Should.ThrowAsync<ForbiddenException>(() => app.SendAsync(new RetireQuestion.Command(id, true, worker)));
    }
}
