using Competition.Engine.Accounts;
using Competition.Engine.Common;
using Competition.Engine.Exams;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using Competition.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Competition.Tests.Integration.Exams.ExamScenario;

namespace Competition.Tests.Integration.Exams;

/// <summary>
/// Two changes to one attempt's item scores at the same moment both survive. A barrier holds each handler after it
/// has read the attempt and before it writes, so both read the same scores: the race happens every run, no sleeps.
/// </summary>
public class ScoreRaceTests
{
    private static readonly Actor Marker = new("marker", "marker", new HashSet<string> { Roles.Organizer }, "maanshan");

    private sealed record Sitting(AppFactory App, Guid ExamId, Guid Attempt, int Choice, int[] Shorts, string ChoiceQuestion);

    /// <summary>One single-choice question answered right, two short answers waiting for a person; submitted.</summary>
    private static async Task<Sitting> SubmittedAsync(DatabaseProvider provider)
    {
        var app = await AppFactory.StartAsync(provider);
        var organizer = await app.OrganizerClientAsync();
        var bp = new Blueprint(
        [
            new("单选题", [Cell(QuestionType.Single, 1)]),
            new("简答题", [Cell(QuestionType.ShortAnswer, 2, points: 5, target: 3.5)]),
        ], Tolerance: 2);
        var examId = await PublishedExamAsync(organizer, bp, Settings(DateTime.UtcNow) with { PassMark = 1 });
        var (user, _) = await app.CreateWorkerAsync();
        var worker = await app.SignedInClientAsync(user);
        var attempt = await StartAsync(worker, examId);
        var view = await ViewAsync(worker, attempt);
        IReadOnlyList<PaperItem> paper;
        await using (var db = app.Database.NewContext())
            paper = (await db.Papers.SingleAsync(p => p.ExamId == examId)).Items;
        var choice = view.Items.Single(i => i.Type == QuestionType.Single).Index;
        var shorts = view.Items.Where(i => i.Type == QuestionType.ShortAnswer).Select(i => i.Index).ToArray();
        (await SaveAsync(worker, attempt, choice, RightAnswer(view.Items[choice], paper[choice].QuestionId), 1)).EnsureSuccessStatusCode();
        for (var s = 0; s < shorts.Length; s++) (await SaveAsync(worker, attempt, shorts[s], "答：按规程操作。", 2 + s)).EnsureSuccessStatusCode();
        (await worker.PostAsync($"/api/attempts/{attempt}/submit", null)).EnsureSuccessStatusCode();
        return new Sitting(app, examId, attempt, choice, shorts, paper[choice].QuestionId);
    }

    /// <summary>A context whose first save waits at the barrier: by then its handler has read the attempt.</summary>
    private static CompetitionDbContext HeldAtSave(AppFactory app, Barrier barrier)
    {
        var db = app.Database.NewContext();
        var held = false;
        db.SavingChanges += (_, _) =>
        {
            if (held) return;
            held = true;
            if (!barrier.SignalAndWait(TimeSpan.FromMinutes(2))) throw new TimeoutException("the other handler never reached its save");
        };
        return db;
    }

    private static async Task<Attempt> AttemptAsync(AppFactory app, Guid id)
    {
        await using var db = app.Database.NewContext();
        return await db.Attempts.AsNoTracking().SingleAsync(a => a.Id == id);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TwoMarkersAtTheSameMoment_BothMarksAreKept(DatabaseProvider provider)
    {
        var s = await SubmittedAsync(provider);
        await using var _ = s.App;
        var papers = s.App.Services.GetRequiredService<PaperCache>();
        var catalog = s.App.Services.GetRequiredService<QuestionCatalog>();
        var barrier = new Barrier(2);
        await using var db1 = HeldAtSave(s.App, barrier);
        await using var db2 = HeldAtSave(s.App, barrier);

        await Task.WhenAll(
            Task.Run(() => new MarkShortAnswer.Handler(db1, papers, catalog).Handle(new MarkShortAnswer.Command(s.Attempt, s.Shorts[0], 4, Marker), default)),
            Task.Run(() => new MarkShortAnswer.Handler(db2, papers, catalog).Handle(new MarkShortAnswer.Command(s.Attempt, s.Shorts[1], 3, Marker), default)));

        var attempt = await AttemptAsync(s.App, s.Attempt);
        attempt.ItemScores[s.Shorts[0]].ShouldBe(4);
        attempt.ItemScores[s.Shorts[1]].ShouldBe(3);
        attempt.Score.ShouldBe(1 + 4 + 3);
        attempt.PendingMarks.ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AMarkerAndAReMarkAtTheSameMoment_BothChangesAreKept(DatabaseProvider provider)
    {
        var s = await SubmittedAsync(provider);
        await using var _ = s.App;
        // A key correction: the choice question's current version now has another key, so the re-mark changes the score.
        await using (var db = s.App.Database.NewContext())
        {
            var q = await db.Questions.SingleAsync(x => x.Id == s.ChoiceQuestion);
            var content = q.Content;
            q.Revise(content with { Answer = [content.Options.First(o => o.Key != content.Answer[0]).Key] }, q.TradeCode, "更正", DateTime.UtcNow);
            await db.SaveChangesAsync();
        }
        var papers = s.App.Services.GetRequiredService<PaperCache>();
        var catalog = s.App.Services.GetRequiredService<QuestionCatalog>();
        var barrier = new Barrier(2);
        await using var db1 = HeldAtSave(s.App, barrier);
        await using var db2 = HeldAtSave(s.App, barrier);

        var results = await Task.WhenAll(
            Task.Run(async () => (object?)await new MarkShortAnswer.Handler(db1, papers, catalog).Handle(new MarkShortAnswer.Command(s.Attempt, s.Shorts[0], 4, Marker), default)),
            Task.Run(async () => (object?)await new RemarkExam.Handler(db2, papers).Handle(new RemarkExam.Command(s.ExamId, DryRun: false, Marker), default)));

        var attempt = await AttemptAsync(s.App, s.Attempt);
        attempt.ItemScores[s.Choice].ShouldBe(0, "the re-mark's change");
        attempt.ItemScores[s.Shorts[0]].ShouldBe(4, "the marker's change");
        attempt.ItemScores[s.Shorts[1]].ShouldBeNull();
        attempt.Score.ShouldBe(4);
        ((RemarkExam.Result)results[1]!).Applied.ShouldBeTrue();
    }
}
