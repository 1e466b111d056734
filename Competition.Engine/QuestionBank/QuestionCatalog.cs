using Competition.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.QuestionBank;

/// <summary>
/// The real (non-synthetic) bank in memory for paper assembly, and question versions by (id, version) for
/// showing and marking papers. Versions never change, so the ones in use are cached (bounded: the least recently
/// used go first, and anything not in memory is read again); the index is rebuilt when the bank's stamp (count and
/// latest change) moves, checked at most every few seconds.
/// </summary>
public sealed class QuestionCatalog(TimeProvider clock, int versionCapacity = QuestionCatalog.DefaultVersionCapacity)
{
    /// <summary>Every version of a 25,000-question bank a few times over (a rendered version is a few KB).</summary>
    public const int DefaultVersionCapacity = 50_000;

    public sealed record Rendered(QuestionContent Content, string StemHtml, IReadOnlyDictionary<string, string> OptionHtml, string ExplanationHtml);

    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(5);
    private readonly Common.BoundedCache<(string, int), Rendered> _versions = new(versionCapacity);
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
            // Retired questions are not drawn for new papers; papers already drawn read their versions below, retired or not.
            var real = db.Questions.AsNoTracking().Where(q => !q.IsSynthetic && !q.Retired);
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
        if (_versions.TryGet((questionId, version), out var cached)) return cached;
        var json = await db.QuestionVersions.AsNoTracking().Where(v => v.QuestionId == questionId && v.Version == version)
            .Select(v => v.ContentJson).FirstOrDefaultAsync(ct) ?? throw new Common.NotFoundException("题目版本", $"{questionId} v{version}");
        var rendered = Render(QuestionContent.FromCanonicalJson(json));
        _versions.Set((questionId, version), rendered);
        return rendered;
    }

    /// <summary>
    /// Many versions in one query per 500 questions (showing a paper, closing thousands of attempts at once). Every
    /// wanted version is returned, whatever the cache could keep; a version that does not exist is a not-found.
    /// </summary>
    public async Task<IReadOnlyDictionary<(string Id, int Version), Rendered>> LoadAsync(CompetitionDbContext db, IEnumerable<(string Id, int Version)> wanted, CancellationToken ct = default)
    {
        var found = new Dictionary<(string Id, int Version), Rendered>();
        var missing = new List<(string Id, int Version)>();
        foreach (var w in wanted.Distinct())
            if (_versions.TryGet(w, out var r)) found[w] = r; else missing.Add(w);
        foreach (var group in missing.GroupBy(m => m.Id).Chunk(500))
        {
            var ids = group.Select(g => g.Key).ToList();
            var rows = await db.QuestionVersions.AsNoTracking().Where(v => ids.Contains(v.QuestionId))
                .Select(v => new { v.QuestionId, v.Version, v.ContentJson }).ToListAsync(ct);
            var want = group.SelectMany(g => g).ToHashSet();
            foreach (var row in rows.Where(r => want.Contains((r.QuestionId, r.Version))))
            {
                var rendered = Render(QuestionContent.FromCanonicalJson(row.ContentJson));
                _versions.Set((row.QuestionId, row.Version), rendered);
                found[(row.QuestionId, row.Version)] = rendered;
            }
        }
        var lost = missing.FirstOrDefault(m => !found.ContainsKey(m));
        if (lost.Id is not null) throw new Common.NotFoundException("题目版本", $"{lost.Id} v{lost.Version}");
        return found;
    }

    private static Rendered Render(QuestionContent c) => new(c, MarkdownRenderer.ToHtml(c.Stem),
        c.Options.ToDictionary(o => o.Key, o => MarkdownRenderer.ToInlineHtml(o.Text)), MarkdownRenderer.ToHtml(c.Explanation));
}
