using Competition.Engine.Common;
using Competition.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Exams;

/// <summary>
/// Papers never change once drawn, so the items of papers in use are kept in memory: every save asks for its paper.
/// The cache is bounded (least recently used go first) and a paper is dropped when its attempt closes; anything
/// not in memory is simply read again.
/// </summary>
public sealed class PaperCache(int capacity = PaperCache.DefaultCapacity)
{
    /// <summary>About 10 KB a paper of 60 questions: some 100 MB at most, enough for 10,000 candidates sitting at once.</summary>
    public const int DefaultCapacity = 10_000;

    private readonly BoundedCache<Guid, IReadOnlyList<PaperItem>> _papers = new(capacity);

    public int Count => _papers.Count;

    public async Task<IReadOnlyList<PaperItem>> ItemsAsync(CompetitionDbContext db, Guid paperId, CancellationToken ct = default)
    {
        if (_papers.TryGet(paperId, out var items)) return items;
        var json = await db.Papers.AsNoTracking().Where(p => p.Id == paperId).Select(p => p.ItemsJson).FirstOrDefaultAsync(ct)
                   ?? throw new NotFoundException("试卷", paperId);
        items = Parse(json);
        _papers.Set(paperId, items);
        return items;
    }

    /// <summary>
    /// The items of many papers at once (closing, re-marking, statistics): all of them are returned whatever the
    /// cache holds. Papers read here are not added to the cache, so a look at old papers does not push out the
    /// papers of exams being sat.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<PaperItem>>> LoadAsync(CompetitionDbContext db, IEnumerable<Guid> paperIds, CancellationToken ct = default)
    {
        var found = new Dictionary<Guid, IReadOnlyList<PaperItem>>();
        var missing = new List<Guid>();
        foreach (var id in paperIds.Distinct())
            if (_papers.TryGet(id, out var items)) found[id] = items; else missing.Add(id);
        foreach (var chunk in missing.Chunk(1000))
            foreach (var r in await db.Papers.AsNoTracking().Where(p => chunk.Contains(p.Id)).Select(p => new { p.Id, p.ItemsJson }).ToListAsync(ct))
                found[r.Id] = Parse(r.ItemsJson);
        var lost = missing.FirstOrDefault(id => !found.ContainsKey(id));
        if (lost != Guid.Empty) throw new NotFoundException("试卷", lost);
        return found;
    }

    /// <summary>The paper's attempt has closed: saves no longer need it in memory.</summary>
    public bool IsCached(Guid paperId) => _papers.Contains(paperId);

    public void Forget(Guid paperId) => _papers.Remove(paperId);

    private static List<PaperItem> Parse(string json) => System.Text.Json.JsonSerializer.Deserialize<List<PaperItem>>(json)!;
}
