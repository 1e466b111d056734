using System.Net.Http.Json;
using Competition.Engine.Exams;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using Competition.Engine.QuestionBank.Sheets;
using Competition.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Competition.Tests.Integration.Exams.ExamScenario;

namespace Competition.Tests.Integration.Exams;

public class RemarkTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AKeyCorrection_IsDryRunFirstThenApplied_AndThePaperKeepsTheVersionItShowed(DatabaseProvider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        var organizer = await app.OrganizerClientAsync();
        var bp = new Blueprint([new("单选题", [new BlueprintCell("lathe-operator", [SkillLevel.Level5], QuestionType.Single, 1, 2, 2, [])])], Tolerance: 2);
        var examId = await PublishedExamAsync(organizer, bp, Settings(DateTime.UtcNow) with { PassMark = 1 });
        var (user, _) = await app.CreateWorkerAsync();
        var worker = await app.SignedInClientAsync(user);
        var attempt = await StartAsync(worker, examId);
        string questionId;
        await using (var db = app.Database.NewContext())
            questionId = (await db.Papers.SingleAsync(p => p.ExamId == examId)).Items[0].QuestionId;
        var original = Bank[questionId];
        (await SaveAsync(worker, attempt, 0, original.Answer[0], 1)).EnsureSuccessStatusCode();
        (await worker.PostAsync($"/api/attempts/{attempt}/submit", null)).EnsureSuccessStatusCode();

        // The organizer corrects the key by importing the question with another answer: a new version.
        var otherKey = original.Options.First(o => o.Key != original.Answer[0]).Key;
        var corrected = BankRowMapper.ToCells(questionId, "lathe-operator", original with { Answer = [otherKey] });
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(XlsxWriter.Write("题库", [BankTemplate.Headers, corrected])), "file", "更正.xlsx" },
            { new StringContent("lathe-operator"), "trade" },
        };
        (await organizer.PostAsync("/api/banks/import", form)).EnsureSuccessStatusCode();

        var dry = await (await organizer.PostAsJsonAsync($"/api/exams/{examId}/remark", new { dryRun = true })).Content.ReadFromJsonAsync<RemarkExam.Result>(Json);
        dry!.Applied.ShouldBeFalse();
        var change = dry.Changes.ShouldHaveSingleItem();
        change.OldScore.ShouldBe(2);
        change.NewScore.ShouldBe(0);
        await using (var db = app.Database.NewContext())
            (await db.Attempts.SingleAsync(a => a.Id == attempt)).Score.ShouldBe(2);

        var applied = await (await organizer.PostAsJsonAsync($"/api/exams/{examId}/remark", new { dryRun = false })).Content.ReadFromJsonAsync<RemarkExam.Result>(Json);
        applied!.Applied.ShouldBeTrue();
        await using (var db = app.Database.NewContext())
        {
            (await db.Attempts.SingleAsync(a => a.Id == attempt)).Score.ShouldBe(0);
            (await db.Questions.SingleAsync(q => q.Id == questionId)).CurrentVersion.ShouldBe(2);
            (await db.Papers.SingleAsync(p => p.ExamId == examId)).Items[0].Version.ShouldBe(1);
        }
        var again = await (await organizer.PostAsJsonAsync($"/api/exams/{examId}/remark", new { dryRun = true })).Content.ReadFromJsonAsync<RemarkExam.Result>(Json);
        again!.Changes.ShouldBeEmpty();
    }
}
