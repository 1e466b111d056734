using System.Collections.Concurrent;
using Competition.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Exams;

/// <summary>Papers never change once drawn, so their items are kept in memory after the first read.</summary>
public sealed class PaperCache
{
    private readonly ConcurrentDictionary<Guid, IReadOnlyList<PaperItem>> _papers = new();

    public async Task<IReadOnlyList<PaperItem>> ItemsAsync(CompetitionDbContext db, Guid paperId, CancellationToken ct = default)
    {
        if (_papers.TryGetValue(paperId, out var items)) return items;
        var json = await db.Papers.AsNoTracking().Where(p => p.Id == paperId).Select(p => p.ItemsJson).FirstAsync(ct);
        return _papers[paperId] = System.Text.Json.JsonSerializer.Deserialize<List<PaperItem>>(json)!;
    }

    public async Task PreloadAsync(CompetitionDbContext db, IEnumerable<Guid> paperIds, CancellationToken ct = default)
    {
        foreach (var chunk in paperIds.Distinct().Where(id => !_papers.ContainsKey(id)).Chunk(1000))
        {
            var rows = await db.Papers.AsNoTracking().Where(p => chunk.Contains(p.Id)).Select(p => new { p.Id, p.ItemsJson }).ToListAsync(ct);
            foreach (var r in rows) _papers.TryAdd(r.Id, System.Text.Json.JsonSerializer.Deserialize<List<PaperItem>>(r.ItemsJson)!);
        }
    }

    public IReadOnlyList<PaperItem> Cached(Guid paperId) => _papers[paperId];
}
