using System.Collections.Concurrent;
using Competition.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.QuestionBank;

/// <summary>
/// The real (non-synthetic) bank in memory for paper assembly, and question versions by (id, version) for
/// showing and marking papers. Versions never change, so they are cached for good; the index is rebuilt when
/// the bank's stamp (count and latest change) moves, checked at most every few seconds.
/// </summary>
public sealed class QuestionCatalog(TimeProvider clock)
{
    public sealed record Rendered(QuestionContent Content, string StemHtml, IReadOnlyDictionary<string, string> OptionHtml, string ExplanationHtml);

    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<(string, int), Rendered> _versions = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private QuestionIndex? _index;
    private (int Count, DateTime Latest) _stamp;
    private DateTime _checkedAt = DateTime.MinValue;

    public void Invalidate() => _checkedAt = DateTime.MinValue;

    public async Task<QuestionIndex> IndexAsync(CompetitionDbContext db, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (_index is not null && now - _checkedAt < CheckEvery) return _index;
        await _gate.WaitAsync(ct);
        try
        {
            if (_index is not null && now - _checkedAt < CheckEvery) return _index;
            var real = db.Questions.AsNoTracking().Where(q => !q.IsSynthetic);
            var stamp = (await real.CountAsync(ct), await real.MaxAsync(q => (DateTime?)q.UpdatedAt, ct) ?? DateTime.MinValue);
            if (_index is null || stamp != _stamp)
            {
                var rows = await real.Select(q => new { q.Id, q.CurrentVersion, q.TradeCode, q.ContentJson }).ToListAsync(ct);
                _index = QuestionIndex.Build(rows.Select(r => (r.Id, r.CurrentVersion, r.TradeCode, QuestionContent.FromCanonicalJson(r.ContentJson))));
                _stamp = stamp;
            }
            _checkedAt = now;
            return _index;
        }
        finally { _gate.Release(); }
    }

    public async Task<Rendered> VersionAsync(CompetitionDbContext db, string questionId, int version, CancellationToken ct = default)
    {
        if (_versions.TryGetValue((questionId, version), out var cached)) return cached;
        var json = await db.QuestionVersions.AsNoTracking().Where(v => v.QuestionId == questionId && v.Version == version)
            .Select(v => v.ContentJson).FirstOrDefaultAsync(ct) ?? throw new Common.NotFoundException("题目版本", $"{questionId} v{version}");
        return _versions[(questionId, version)] = Render(QuestionContent.FromCanonicalJson(json));
    }

    /// <summary>Loads many versions in one query (closing thousands of attempts at once).</summary>
    public async Task PreloadAsync(CompetitionDbContext db, IEnumerable<(string Id, int Version)> wanted, CancellationToken ct = default)
    {
        var missing = wanted.Distinct().Where(w => !_versions.ContainsKey(w)).ToList();
        foreach (var group in missing.GroupBy(m => m.Id).Chunk(500))
        {
            var ids = group.Select(g => g.Key).ToList();
            var rows = await db.QuestionVersions.AsNoTracking().Where(v => ids.Contains(v.QuestionId))
                .Select(v => new { v.QuestionId, v.Version, v.ContentJson }).ToListAsync(ct);
            foreach (var r in rows) _versions.TryAdd((r.QuestionId, r.Version), Render(QuestionContent.FromCanonicalJson(r.ContentJson)));
        }
    }

    public Rendered Cached(string questionId, int version) => _versions[(questionId, version)];

    private static Rendered Render(QuestionContent c) => new(c, MarkdownRenderer.ToHtml(c.Stem),
        c.Options.ToDictionary(o => o.Key, o => MarkdownRenderer.ToInlineHtml(o.Text)), MarkdownRenderer.ToHtml(c.Explanation));
}
