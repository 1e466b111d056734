using System.Threading.Channels;
using Competition.Engine.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Competition.Engine.Exams;

/// <summary>
/// Group commit for answer saves: saves queue up and one writer stores each batch in a single transaction.
/// A save is acknowledged only after its batch has committed (with SQLite's synchronous=FULL, so it is on disk),
/// so an acknowledged answer is never lost, and SQLite's single writer is never fought over by many requests.
/// What is written, and what is refused, is <see cref="AnswerSaves"/>' rule; each row is written only while its
/// attempt takes answers (<see cref="AnswerAcceptance"/>, checked in the same statement). On PostgreSQL the attempt
/// rows are share-locked first, so a save cannot slip in between a submit reading the answers and closing the attempt.
/// </summary>
public sealed class AnswerWriter(IServiceScopeFactory scopes, ILogger<AnswerWriter> log) : IAsyncDisposable
{
    private sealed record Pending(AnswerSave Save, DateTime Now, TaskCompletionSource<SaveOutcome> Done);

    private const int MaxBatch = 256;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _gate = new();
    private Task? _loop;

    public Task<SaveOutcome> SaveAsync(AnswerSave save, DateTime now)
    {
        lock (_gate) _loop ??= Task.Run(RunAsync);
        var pending = new Pending(save, now, new(TaskCreationOptions.RunContinuationsAsynchronously));
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
        var saves = batch.Select(p => (p.Save, p.Now)).ToList();
        var outcomes = new SaveOutcome[batch.Count];
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            // Each save is judged at the moment it was received, not when its batch happens to run.
            var versions = db.Database.IsNpgsql() ? await PostgresBatch.UpsertAsync(db, saves) : await SqliteBatch.UpsertAsync(db, saves);
            for (var i = 0; i < batch.Count; i++)
                outcomes[i] = versions[i] is { } v ? new SaveOutcome(SaveStatus.Stored, v, batch[i].Now) : await WhyNotAsync(db, batch[i].Save, batch[i].Now);
            await tx.CommitAsync();
        }
        for (var i = 0; i < batch.Count; i++) batch[i].Done.TrySetResult(outcomes[i]);
    }

    /// <summary>Nothing was written: read what is stored and whether the attempt still takes answers (the rare path).</summary>
    private static async Task<SaveOutcome> WhyNotAsync(CompetitionDbContext db, AnswerSave s, DateTime now)
    {
        var stored = await db.AttemptAnswers.AsNoTracking().Where(a => a.AttemptId == s.AttemptId && a.Item == s.Item)
            .Select(a => new AnswerSaves.StoredAnswer(a.Version, a.Writer, a.WriterSeq, a.Response, a.Flagged, a.SavedAt)).FirstOrDefaultAsync();
        var accepting = await db.Attempts.AsNoTracking().Where(a => a.Id == s.AttemptId).Where(AnswerAcceptance.Accepts(now)).AnyAsync();
        return AnswerSaves.WhyNotWritten(s, stored, accepting, now);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_loop is not null) await _loop;
    }
}
