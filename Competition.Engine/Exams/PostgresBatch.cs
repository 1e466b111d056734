using Competition.Engine.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Competition.Engine.Exams;

/// <summary>
/// PostgreSQL answers a batch of saves in one round trip: share-lock the attempts (in id order, as closing
/// locks them, so the two never deadlock), then one conditional upsert per save (<see cref="AnswerSaves.UpsertSql"/>),
/// each returning the version it stored, or nothing.
/// </summary>
internal static class PostgresBatch
{
    private const string Lock = """SELECT count(*) FROM (SELECT 1 FROM "Attempts" WHERE "Id" = ANY($1) ORDER BY "Id" FOR SHARE) locked""";

    public static async Task<long?[]> UpsertAsync(CompetitionDbContext db, IReadOnlyList<(AnswerSave Save, DateTime Now)> saves)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var batch = new NpgsqlBatch(connection) { Transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction() };
        var locks = new NpgsqlBatchCommand(Lock);
        locks.Parameters.Add(new NpgsqlParameter { Value = saves.Select(s => s.Save.AttemptId).Distinct().ToArray() });
        batch.BatchCommands.Add(locks);
        foreach (var (s, now) in saves)
        {
            var cmd = new NpgsqlBatchCommand(AnswerSaves.UpsertSql);
            cmd.Parameters.Add(new NpgsqlParameter { Value = s.AttemptId });
            cmd.Parameters.Add(new NpgsqlParameter { Value = s.Item });
            cmd.Parameters.Add(new NpgsqlParameter { Value = s.Response });
            cmd.Parameters.Add(new NpgsqlParameter { Value = s.Flagged });
            cmd.Parameters.Add(new NpgsqlParameter { Value = s.Base });
            cmd.Parameters.Add(new NpgsqlParameter { Value = s.Writer });
            cmd.Parameters.Add(new NpgsqlParameter { Value = s.WriterSeq });
            cmd.Parameters.Add(new NpgsqlParameter { Value = DateTime.SpecifyKind(now, DateTimeKind.Utc) });
            batch.BatchCommands.Add(cmd);
        }
        var versions = new long?[saves.Count];
        await using var reader = await batch.ExecuteReaderAsync();
        for (var i = -1; i < saves.Count; i++)
        {
            if (i >= 0 && await reader.ReadAsync()) versions[i] = reader.GetInt64(0);
            if (i < saves.Count - 1) await reader.NextResultAsync();
        }
        return versions;
    }
}
