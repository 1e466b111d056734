using Competition.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.QuestionBank;

/// <param name="Sealed">Exam-only (仅限考试) as the source says; null when the source does not say, which leaves the flag as it is.</param>
public sealed record IncomingQuestion(string Id, string TradeCode, QuestionContent Content, bool? Sealed = null);

/// <param name="Kept">Shipped questions an organizer has edited whose shipped text differs: the organizer's text stayed.</param>
public sealed record SyncResult(int Added, int Revised, int Unchanged, int Kept = 0, IReadOnlyList<string>? KeptIds = null);

/// <summary>
/// Writes questions by id and content hash: a new id is added as version 1, a changed content becomes a new
/// version, an unchanged one is left alone. Running it twice over the same input changes nothing.
/// The shipped banks (source "bank-file") never overwrite an organizer's edit: see <see cref="Question.OfferShipped"/>.
/// The caller owns the transaction, so a whole import lands or none of it does. The exam-only flag is not content: a
/// change of it alone is applied without a new version and counted as revised.
/// </summary>
public static class QuestionSync
{
    public static async Task<SyncResult> ApplyAsync(CompetitionDbContext db, IReadOnlyList<IncomingQuestion> incoming, string source,
        bool synthetic, DateTime nowUtc, CancellationToken ct, string? by = null)
    {
        var ids = incoming.Select(q => q.Id).ToList();
        var known = new Dictionary<string, (string Hash, string Trade, bool Held, string? ShippedHash, bool Sealed)>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(2000))
            foreach (var row in await db.Questions.AsNoTracking().Where(q => chunk.Contains(q.Id))
                         .Select(q => new { q.Id, q.ContentHash, q.TradeCode, q.HeldByOrganizer, q.ShippedHash, q.Sealed }).ToListAsync(ct))
                known[row.Id] = (row.ContentHash, row.TradeCode, row.HeldByOrganizer, row.ShippedHash, row.Sealed);

        var shipped = source == QuestionSources.BankFile;
        var added = 0;
        var kept = new List<string>();
        var changed = new List<IncomingQuestion>();
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var q in incoming)
            {
                if (!known.TryGetValue(q.Id, out var k))
                {
                    var question = new Question(q.Id, q.TradeCode, q.Content, source, synthetic, nowUtc, by);
                    question.SealForExams(q.Sealed ?? false);
                    db.Questions.Add(question);
                    added++;
                    continue;
                }
                var hash = q.Content.ComputeHash();
                var sealChange = q.Sealed is { } s && s != k.Sealed;
                if (shipped && k.Held)
                {
                    // The organizer's text stays; the question is only loaded to remember a new shipped text or to end the hold.
                    if (hash != k.Hash) kept.Add(q.Id);
                    if (hash == k.Hash || hash != k.ShippedHash || sealChange) changed.Add(q);
                }
                else if (k.Hash != hash || k.Trade != q.TradeCode || sealChange) changed.Add(q);
            }
        }
        finally { db.ChangeTracker.AutoDetectChangesEnabled = autoDetect; }

        var revised = 0;
        foreach (var chunk in changed.Chunk(500))
        {
            var chunkIds = chunk.Select(c => c.Id).ToList();
            var entities = await db.Questions.Where(q => chunkIds.Contains(q.Id)).ToDictionaryAsync(q => q.Id, ct);
            foreach (var c in chunk)
            {
                var entity = entities[c.Id];
                var versions = entity.Versions.Count;
                var sealedChanged = c.Sealed is { } s && entity.SealForExams(s);
                var outcome = shipped ? entity.OfferShipped(c.Content, c.TradeCode, nowUtc)
                    : entity.Revise(c.Content, c.TradeCode, source, nowUtc, by) ? ShippedOffer.Revised : ShippedOffer.Unchanged;
                if (outcome == ShippedOffer.Revised) db.QuestionVersions.Add(entity.Versions[versions]);
                if (outcome == ShippedOffer.Revised || sealedChanged && !kept.Contains(c.Id)) revised++;
            }
        }
        return new SyncResult(added, revised, incoming.Count - added - revised - kept.Count, kept.Count, kept);
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
