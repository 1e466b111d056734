using System.Net.Http.Json;
using System.Text.Json;
using Competition.Engine.Contests;
using Competition.Engine.Exams;
using Competition.Engine.Judging;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using Competition.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Competition.Tests.Integration.Exams.ExamScenario;

namespace Competition.Tests.Integration.Contests;

public class TheoryRoundTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheTheoryExamCountsThirtyPercent_AndEndingTheContestClosesOpenTheoryAttempts(DatabaseProvider provider)
    {
        var clock = new FakeClock(DateTimeOffset.UtcNow);
        await using var app = await AppFactory.StartAsync(provider, AppFactory.ClockDrivenByTest(), clock);
        var organizer = await app.OrganizerClientAsync("maanshan");
        var now = clock.GetUtcNow().UtcDateTime;
        var bp = new Blueprint([new("单选题", [Cell(QuestionType.Single, 10)])], Tolerance: 2);
        var examId = await PublishedExamAsync(organizer, bp, Settings(now) with { PassMark = 1 }, "钳工竞赛理论");
        IReadOnlyList<SchemeItem> scheme = [new("M1", "符合图纸", ItemKind.MeetsOrNot, 50)];
        var res = await organizer.PostAsJsonAsync("/api/contests", new
        {
            title = "钳工竞赛（理论+实操）", tradeCode = "fitter", level = ContestLevel.CityClass2, groups = new[] { "职工组" },
            startsAt = now.AddMinutes(-5), freezeAt = (DateTime?)null, endsAt = now.AddHours(2), tieBreaks = new[] { TieBreak.HigherPractical, TieBreak.HigherTheory },
            rounds = new[]
            {
                new CreateContest.RoundSpec(RoundKind.Theory, "理论", 30, now.AddMinutes(-5), now.AddHours(1), examId, 10, []),
                new CreateContest.RoundSpec(RoundKind.Practical, "实操", 70, now.AddMinutes(-5), now.AddHours(2), null, 50, [new("锉配", "B1", scheme)]),
            },
        }, ContestScenario.Json);
        res.EnsureSuccessStatusCode();
        var contestId = (await res.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var (sitter, sitterId) = await app.CreateWorkerAsync();
        var (late, lateId) = await app.CreateWorkerAsync();
        foreach (var (number, worker) in new[] { ("T01", sitterId), ("T02", lateId) })
            (await organizer.PostAsJsonAsync($"/api/contests/{contestId}/contestants", new { number, name = number, unitName = "单位", cityCode = "maanshan", group = "职工组", workerId = worker })).EnsureSuccessStatusCode();

        var client = await app.SignedInClientAsync(sitter);
        var attempt = await StartAsync(client, examId);
        IReadOnlyList<PaperItem> paper;
        await using (var db = app.Database.NewContext()) paper = (await db.Papers.SingleAsync(p => p.ExamId == examId && p.WorkerId == sitterId)).Items;
        for (var i = 0; i < 8; i++) await SaveAsync(client, attempt, i, Bank[paper[i].QuestionId].Answer[0], 1);
        (await client.PostAsync($"/api/attempts/{attempt}/submit", null)).EnsureSuccessStatusCode();
        // The result reaches the boards without waiting for a judge's mark.
        var live = (await organizer.GetFromJsonAsync<Competition.Engine.Scoreboards.Board>($"/api/contests/{contestId}/board?group=职工组&jury=true", ContestScenario.Json))!;
        live.Rows.Single(r => r.Number == "T01").Theory.ShouldBe(8);
        var lateAttempt = await StartAsync(await app.SignedInClientAsync(late), examId);

        (await app.SendAsync(new ContestClock.Command())).Changed.ShouldBe(1);   // the contest runs
        (await organizer.PostAsJsonAsync($"/api/contests/{contestId}/phase", new { to = "Ended" })).EnsureSuccessStatusCode();
        // Ending the contest brought the open theory attempt's deadline to now; the attempts job closes it on its next run.
        (await app.SendAsync(new CloseDueAttempts.Command())).Submitted.ShouldBe(1);
        await using (var db = app.Database.NewContext())
            (await db.Attempts.AsNoTracking().Where(a => a.Id == lateAttempt).Select(a => a.State).SingleAsync()).ShouldBe(AttemptState.Submitted);

        var board = (await organizer.GetFromJsonAsync<Competition.Engine.Scoreboards.Board>($"/api/contests/{contestId}/board?group=职工组&jury=true", ContestScenario.Json))!;
        var t01 = board.Rows.Single(r => r.Number == "T01");
        t01.Theory.ShouldBe(8);
        t01.Total.ShouldBe(24);   // 8/10 × 30 %
        board.Rows[0].Number.ShouldBe("T01");
    }
}
