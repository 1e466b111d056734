using System.Threading.Channels;
using Competition.Engine.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Competition.Engine.Exams;

public enum SaveStatus { Stored, Newer, Closed }

public sealed record SaveOutcome(SaveStatus Status, long StoredSequence, DateTime SavedAt);

/// <summary>
/// Group commit for answer saves: saves queue up and one writer stores each batch in a single transaction.
/// A save is acknowledged only after its batch has committed, so an acknowledged answer is never lost, and
/// SQLite's single writer is never fought over by many requests. Each row is written only while its attempt is
/// open (checked in the same statement) and only over an older sequence number. On PostgreSQL the attempt row is
/// share-locked first, so a save cannot slip in between a submit reading the answers and closing the attempt.
/// </summary>
public sealed class AnswerWriter(IServiceScopeFactory scopes, ILogger<AnswerWriter> log) : IAsyncDisposable
{
    private sealed record Pending(Guid AttemptId, int Item, string Response, bool Flagged, long Sequence, DateTime Now, TaskCompletionSource<SaveOutcome> Done);

    private const int MaxBatch = 256;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _gate = new();
    private Task? _loop;

    public Task<SaveOutcome> SaveAsync(Guid attemptId, int item, string response, bool flagged, long sequence, DateTime now)
    {
        lock (_gate) _loop ??= Task.Run(RunAsync);
        var pending = new Pending(attemptId, item, response, flagged, sequence, now, new(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending)) throw new InvalidOperationException("服务正在停止，答案未保存，请稍后重试。");
        return pending.Done.Task;
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var p)) batch.Add(p);
            try { await WriteAsync(batch); }
            catch (Exception ex)
            {
                // Nothing of this batch is acknowledged; the clients keep the answers and send them again.
                log.LogError(ex, "Saving a batch of {Count} answers failed", batch.Count);
                foreach (var p in batch) p.Done.TrySetException(ex);
            }
        }
    }

    private async Task WriteAsync(List<Pending> batch)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CompetitionDbContext>();
        var postgres = db.Database.IsNpgsql();
        var outcomes = new SaveOutcome[batch.Count];
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            var changed = postgres ? await PostgresBatch.UpsertAsync(db, batch.Select(b => (b.AttemptId, b.Item, b.Response, b.Flagged, b.Sequence, b.Now)).ToList()) : null;
            for (var i = 0; i < batch.Count; i++)
            {
                var s = batch[i];
                var rows = changed?[i] ?? await db.Database.ExecuteSqlInterpolatedAsync($"""
                    INSERT INTO "AttemptAnswers" ("AttemptId", "Item", "Response", "Flagged", "Sequence", "SavedAt", "NeedsMarking")
                    SELECT {s.AttemptId}, {s.Item}, {s.Response}, {s.Flagged}, {s.Sequence}, {s.Now}, {false}
                    WHERE EXISTS (SELECT 1 FROM "Attempts" WHERE "Id" = {s.AttemptId} AND "State" IN (1, 2) AND "CloseAt" >= {s.Now})
                    ON CONFLICT ("AttemptId", "Item") DO UPDATE SET "Response" = excluded."Response", "Flagged" = excluded."Flagged",
                        "Sequence" = excluded."Sequence", "SavedAt" = excluded."SavedAt"
                    WHERE "AttemptAnswers"."Sequence" < excluded."Sequence"
                    """);
                outcomes[i] = rows == 1 ? new SaveOutcome(SaveStatus.Stored, s.Sequence, s.Now) : await WhyNotAsync(db, s);
            }
            await tx.CommitAsync();
        }
        for (var i = 0; i < batch.Count; i++) batch[i].Done.TrySetResult(outcomes[i]);
    }

    /// <summary>Nothing was written: a newer (or the same) answer is stored, or the attempt no longer takes answers.</summary>
    private static async Task<SaveOutcome> WhyNotAsync(CompetitionDbContext db, Pending s)
    {
        var stored = await db.AttemptAnswers.AsNoTracking().Where(a => a.AttemptId == s.AttemptId && a.Item == s.Item)
            .Select(a => new { a.Sequence, a.SavedAt }).FirstOrDefaultAsync();
        var open = await db.Attempts.AsNoTracking().AnyAsync(a => a.Id == s.AttemptId && (a.State == AttemptState.InProgress || a.State == AttemptState.Overdue) && a.CloseAt >= s.Now);
        if (!open) return new SaveOutcome(SaveStatus.Closed, stored?.Sequence ?? 0, s.Now);
        return stored!.Sequence == s.Sequence
            ? new SaveOutcome(SaveStatus.Stored, stored.Sequence, stored.SavedAt)   // a retry of a save already stored
            : new SaveOutcome(SaveStatus.Newer, stored.Sequence, stored.SavedAt);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_loop is not null) await _loop;
    }
}
