using Competition.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.QuestionBank;

/// <param name="Sealed">Exam-only (仅限考试) as the source says; null when the source does not say, which leaves the flag as it is.</param>
public sealed record IncomingQuestion(string Id, string TradeCode, QuestionContent Content, bool? Sealed = null);

public sealed record SyncResult(int Added, int Revised, int Unchanged);

/// <summary>
/// Writes questions by id and content hash: a new id is added as version 1, a changed content becomes a new
/// version, an unchanged one is left alone. Running it twice over the same input changes nothing.
/// The caller owns the transaction, so a whole import lands or none of it does. The exam-only flag is not content: a
/// change of it alone is applied without a new version and counted as revised.
/// </summary>
public static class QuestionSync
{
    public static async Task<SyncResult> ApplyAsync(CompetitionDbContext db, IReadOnlyList<IncomingQuestion> incoming, string source,
        bool synthetic, DateTime nowUtc, CancellationToken ct)
    {
        var ids = incoming.Select(q => q.Id).ToList();
        var known = new Dictionary<string, (string Hash, string Trade, bool Sealed)>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(2000))
            foreach (var row in await db.Questions.AsNoTracking().Where(q => chunk.Contains(q.Id))
                         .Select(q => new { q.Id, q.ContentHash, q.TradeCode, q.Sealed }).ToListAsync(ct))
                known[row.Id] = (row.ContentHash, row.TradeCode, row.Sealed);

        var added = 0;
        var changed = new List<IncomingQuestion>();
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var q in incoming)
            {
                if (!known.TryGetValue(q.Id, out var k))
                {
                    var question = new Question(q.Id, q.TradeCode, q.Content, source, synthetic, nowUtc);
                    question.SealForExams(q.Sealed ?? false);
                    db.Questions.Add(question);
                    added++;
                }
                else if (k.Hash != q.Content.ComputeHash() || k.Trade != q.TradeCode || q.Sealed is { } s && s != k.Sealed) changed.Add(q);
            }
        }
        finally { db.ChangeTracker.AutoDetectChangesEnabled = autoDetect; }

        foreach (var chunk in changed.Chunk(500))
        {
            var chunkIds = chunk.Select(c => c.Id).ToList();
            var entities = await db.Questions.Where(q => chunkIds.Contains(q.Id)).ToDictionaryAsync(q => q.Id, ct);
            foreach (var c in chunk)
            {
                var entity = entities[c.Id];
                if (c.Sealed is { } s) entity.SealForExams(s);
                if (entity.Revise(c.Content, c.TradeCode, source, nowUtc))
                    db.QuestionVersions.Add(entity.Versions[^1]);
            }
        }
        return new SyncResult(added, changed.Count, incoming.Count - added - changed.Count);
    }

    public static async Task UpsertTradeAsync(CompetitionDbContext db, Files.TradeHeader header, CancellationToken ct)
    {
        var trade = await db.Trades.FindAsync([header.Code], ct);
        if (trade is null) db.Trades.Add(new Trade(header.Code, header.Name, header.NameEn, header.Category, header.IsSynthetic, header.IsSealed));
        else
        {
            if (trade.Name != header.Name || trade.NameEn != header.NameEn || trade.Category != header.Category)
                trade.Describe(header.Name, header.NameEn, header.Category);
            // The bank file is the only place a whole bank is sealed, so it decides both ways.
            if (trade.Sealed != header.IsSealed) trade.SealForExams(header.IsSealed);
        }
    }
}
