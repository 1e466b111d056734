using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Competition.Engine.Exams;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using Competition.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Competition.Tests.Integration.Exams.ExamScenario;

namespace Competition.Tests.Integration.Exams;

/// <summary>
/// The answer-save protocol over HTTP: server-issued versions, the browser's own id and count, "stored" said only of
/// what is stored. Each test is one of the ways answers used to be lost or frozen.
/// </summary>
public class AnswerProtocolTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private const string Phone = "phone-browser-0001", Pc = "pc-browser-00002";

    private async Task<(AppFactory App, HttpClient Worker, Guid Attempt)> SittingAsync(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var organizer = await app.OrganizerClientAsync();
        var bp = new Blueprint([new("单选题", [Cell(QuestionType.Single, 3)])], Tolerance: 2);
        var examId = await PublishedExamAsync(organizer, bp, Settings(DateTime.UtcNow) with { PassMark = 1 });
        var (user, _) = await app.CreateWorkerAsync();
        var worker = await app.SignedInClientAsync(user);
        return (app, worker, await StartAsync(worker, examId));
    }

    private static async Task<JsonElement> OkAsync(Task<HttpResponseMessage> send)
    {
        var res = await send;
        res.StatusCode.ShouldBe(HttpStatusCode.OK, await res.Content.ReadAsStringAsync());
        return await res.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<AttemptAnswer> StoredAsync(AppFactory app, Guid attempt, int item)
    {
        await using var db = app.Database.NewContext();
        return await db.AttemptAnswers.AsNoTracking().SingleAsync(a => a.AttemptId == attempt && a.Item == item);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheSameCountWithADifferentAnswer_IsNotAcknowledgedAsStored_AndTheStoredAnswerIsReturned(DatabaseProvider provider)
    {
        var (app, worker, attempt) = await SittingAsync(provider);
        (await OkAsync(SaveAsAsync(worker, attempt, 0, "A", 0, Phone, 5))).GetProperty("stored").GetBoolean().ShouldBeTrue();

        var again = await OkAsync(SaveAsAsync(worker, attempt, 0, "B", 0, Phone, 5));
        again.GetProperty("stored").GetBoolean().ShouldBeFalse();
        again.GetProperty("response").GetString().ShouldBe("A");
        (await StoredAsync(app, attempt, 0)).Response.ShouldBe("A");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AHugeCountOrBase_IsRefusedAsInvalid_AndNeverFreezesTheItem(DatabaseProvider provider)
    {
        var (app, worker, attempt) = await SittingAsync(provider);
        (await SaveAsAsync(worker, attempt, 0, "A", 0, Phone, long.MaxValue)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await SaveAsAsync(worker, attempt, 0, "A", long.MaxValue, Phone, 1)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await SaveAsAsync(worker, attempt, 0, "A", 0, "x", 1)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // The largest count allowed does not freeze the item either: another device that saw it answers over it.
        var first = await OkAsync(SaveAsAsync(worker, attempt, 0, "A", 0, Phone, AnswerSaves.MaxWriterSeq));
        first.GetProperty("stored").GetBoolean().ShouldBeTrue();
        var over = await OkAsync(SaveAsAsync(worker, attempt, 0, "C", first.GetProperty("version").GetInt64(), Pc, 1));
        over.GetProperty("stored").GetBoolean().ShouldBeTrue();
        over.GetProperty("version").GetInt64().ShouldBe(2);
        (await StoredAsync(app, attempt, 0)).Response.ShouldBe("C");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AStaleViewOnAnotherDevice_NeverOverwritesANewerAnswer_AndIsToldTheNewerOne(DatabaseProvider provider)
    {
        var (app, worker, attempt) = await SittingAsync(provider);
        // The phone answers; the PC, which saw that answer (version 1), answers over it.
        (await OkAsync(SaveAsAsync(worker, attempt, 1, "A", 0, Phone, 1))).GetProperty("version").GetInt64().ShouldBe(1);
        (await OkAsync(SaveAsAsync(worker, attempt, 1, "B", 1, Pc, 1))).GetProperty("version").GetInt64().ShouldBe(2);

        // The phone still shows version 1 (a stale tab, or a phone whose clock runs ahead): its answer is refused.
        var stale = await OkAsync(SaveAsAsync(worker, attempt, 1, "C", 1, Phone, 2));
        stale.GetProperty("stored").GetBoolean().ShouldBeFalse();
        stale.GetProperty("newer").GetBoolean().ShouldBeTrue();
        stale.GetProperty("version").GetInt64().ShouldBe(2);
        stale.GetProperty("response").GetString().ShouldBe("B");
        // A late retry of the phone's first answer is refused as well.
        (await OkAsync(SaveAsAsync(worker, attempt, 1, "A", 0, Phone, 1))).GetProperty("stored").GetBoolean().ShouldBeFalse();
        (await StoredAsync(app, attempt, 1)).Response.ShouldBe("B");

        // The page reloads the newer answer, and answers on top of it.
        var view = await ViewAsync(worker, attempt);
        view.Items[1].Response.ShouldBe("B");
        view.Items[1].Version.ShouldBe(2);
        (await OkAsync(SaveAsAsync(worker, attempt, 1, "D", view.Items[1].Version, Phone, 3))).GetProperty("stored").GetBoolean().ShouldBeTrue();
        (await StoredAsync(app, attempt, 1)).Response.ShouldBe("D");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ARetryWhoseFirstResponseWasLost_IsAcknowledgedAsStored_EvenAfterSubmitting(DatabaseProvider provider)
    {
        var (app, worker, attempt) = await SittingAsync(provider);
        (await OkAsync(SaveAsAsync(worker, attempt, 2, "A", 0, Phone, 7))).GetProperty("version").GetInt64().ShouldBe(1); // the response is lost

        var retry = await OkAsync(SaveAsAsync(worker, attempt, 2, "A", 0, Phone, 7));
        retry.GetProperty("stored").GetBoolean().ShouldBeTrue();
        retry.GetProperty("version").GetInt64().ShouldBe(1);
        (await StoredAsync(app, attempt, 2)).Version.ShouldBe(1);

        (await worker.PostAsync($"/api/attempts/{attempt}/submit", null)).EnsureSuccessStatusCode();
        (await OkAsync(SaveAsAsync(worker, attempt, 2, "A", 0, Phone, 7))).GetProperty("stored").GetBoolean().ShouldBeTrue();
        var late = await SaveAsAsync(worker, attempt, 2, "B", 1, Phone, 8);
        late.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await late.Content.ReadAsStringAsync()).ShouldContain("已交卷");
        (await StoredAsync(app, attempt, 2)).Response.ShouldBe("A");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheWorkersOwnLaterAnswer_AfterAnUnacknowledgedOne_IsStored_AndTheEarlierOneArrivingLateIsNot(DatabaseProvider provider)
    {
        var (app, worker, attempt) = await SittingAsync(provider);
        // On a bad connection: "A" is stored but its acknowledgement never arrives, so the page still builds on version 0.
        await OkAsync(SaveAsAsync(worker, attempt, 0, "A", 0, Phone, 1));
        var later = await OkAsync(SaveAsAsync(worker, attempt, 0, "B", 0, Phone, 2));
        later.GetProperty("stored").GetBoolean().ShouldBeTrue();
        later.GetProperty("version").GetInt64().ShouldBe(2);
        (await StoredAsync(app, attempt, 0)).Response.ShouldBe("B");

        // Out of order: "D" (count 4) arrives before "C" (count 3); the earlier answer does not overwrite the later.
        await OkAsync(SaveAsAsync(worker, attempt, 1, "D", 0, Phone, 4));
        (await OkAsync(SaveAsAsync(worker, attempt, 1, "C", 0, Phone, 3))).GetProperty("stored").GetBoolean().ShouldBeFalse();
        (await StoredAsync(app, attempt, 1)).Response.ShouldBe("D");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnAttemptThatIsClosed_TakesNoAnswer_AndSaysWhy(DatabaseProvider provider)
    {
        var (app, worker, attempt) = await SittingAsync(provider);
        await OkAsync(SaveAsAsync(worker, attempt, 0, "A", 0, Phone, 1));
        (await worker.PostAsync($"/api/attempts/{attempt}/submit", null)).EnsureSuccessStatusCode();
        var refused = await SaveAsAsync(worker, attempt, 1, "A", 0, Phone, 2);
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("本次作答已交卷");
        var view = await ViewAsync(worker, attempt);
        view.AcceptsAnswers.ShouldBeFalse();
        await using var db = app.Database.NewContext();
        (await db.AttemptAnswers.CountAsync(a => a.AttemptId == attempt)).ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ClosingAnAttempt_DropsItFromMemory_AndALaterLookUpReadsItAgain(DatabaseProvider provider)
    {
        var (app, worker, attempt) = await SittingAsync(provider);
        await OkAsync(SaveAsAsync(worker, attempt, 0, "A", 0, Phone, 1));
        var directory = app.Services.GetRequiredService<AttemptDirectory>();
        var papers = app.Services.GetRequiredService<PaperCache>();
        Guid paperId;
        await using (var db = app.Database.NewContext())
            paperId = await db.Attempts.Where(a => a.Id == attempt).Select(a => a.PaperId).SingleAsync();
        directory.IsCached(attempt).ShouldBeTrue();
        papers.IsCached(paperId).ShouldBeTrue();

        (await worker.PostAsync($"/api/attempts/{attempt}/submit", null)).EnsureSuccessStatusCode();
        directory.IsCached(attempt).ShouldBeFalse();
        papers.IsCached(paperId).ShouldBeFalse();
        // The result page still needs the paper: it is read again.
        (await worker.GetAsync($"/api/attempts/{attempt}/result")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
