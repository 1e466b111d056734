using System.Net.Http.Json;
using Competition.Engine.Exams;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using Competition.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Competition.Tests.Integration.Exams.ExamScenario;

namespace Competition.Tests.Integration.Exams;

/// <summary>The in-memory caches stay within their bounds and read again what they let go, instead of throwing.</summary>
public class CacheTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task BoundedCaches_KeepTheirCapacity_AndLoadWhatTheyDropped(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var organizer = await app.OrganizerClientAsync();
        var examId = await PublishedExamAsync(organizer, Standard, Settings(DateTime.UtcNow));
        var workers = new List<Guid>();
        for (var i = 0; i < 3; i++) workers.Add((await app.CreateWorkerAsync()).WorkerId);
        (await organizer.PostAsJsonAsync($"/api/exams/{examId}/papers", new { workerIds = workers })).EnsureSuccessStatusCode();
        await using var db = app.Database.NewContext();
        var paperIds = await db.Papers.Where(p => p.ExamId == examId).Select(p => p.Id).ToListAsync();
        paperIds.Count.ShouldBe(3);

        var papers = new PaperCache(capacity: 2);
        foreach (var id in paperIds) (await papers.ItemsAsync(db, id)).Count.ShouldBe(10);
        papers.Count.ShouldBe(2);
        papers.IsCached(paperIds[0]).ShouldBeFalse();
        (await papers.ItemsAsync(db, paperIds[0])).Count.ShouldBe(10);   // dropped, read again
        var all = await papers.LoadAsync(db, paperIds);                   // more than it keeps: all returned
        all.Count.ShouldBe(3);
        await Should.ThrowAsync<Competition.Engine.Common.NotFoundException>(() => papers.ItemsAsync(db, Guid.NewGuid()));

        var catalog = new QuestionCatalog(TimeProvider.System, versionCapacity: 2);
        var wanted = all.Values.SelectMany(p => p).Select(i => (i.QuestionId, i.Version)).Distinct().ToList();
        wanted.Count.ShouldBeGreaterThan(2);
        (await catalog.LoadAsync(db, wanted)).Count.ShouldBe(wanted.Count);
        (await catalog.VersionAsync(db, wanted[0].QuestionId, wanted[0].Version)).Content.ShouldNotBeNull();

        var directory = new AttemptDirectory(capacity: 1);
        var (user, _) = await app.CreateWorkerAsync();
        var attempt = await StartAsync(await app.SignedInClientAsync(user), examId);
        (await directory.OwnerAsync(db, attempt, default)).ShouldNotBeNull();
        (await directory.OwnerAsync(db, Guid.NewGuid(), default)).ShouldBeNull();
        directory.Count.ShouldBe(1);
    }
}
