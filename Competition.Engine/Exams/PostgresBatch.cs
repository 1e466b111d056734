using Competition.Engine.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Competition.Engine.Exams;

/// <summary>
/// PostgreSQL answers a batch of saves in one round trip: share-lock the attempts (in id order, as closing
/// locks them, so the two never deadlock), then one conditional upsert per save, each with its own row count.
/// </summary>
internal static class PostgresBatch
{
    private const string Upsert = """
        INSERT INTO "AttemptAnswers" ("AttemptId", "Item", "Response", "Flagged", "Sequence", "SavedAt", "NeedsMarking")
        SELECT $1, $2, $3, $4, $5, $6, false
        WHERE EXISTS (SELECT 1 FROM "Attempts" WHERE "Id" = $1 AND "State" IN (1, 2) AND "CloseAt" >= $6)
        ON CONFLICT ("AttemptId", "Item") DO UPDATE SET "Response" = excluded."Response", "Flagged" = excluded."Flagged",
            "Sequence" = excluded."Sequence", "SavedAt" = excluded."SavedAt"
        WHERE "AttemptAnswers"."Sequence" < excluded."Sequence"
        """;

    public static async Task<int[]> UpsertAsync(CompetitionDbContext db, IReadOnlyList<(Guid Attempt, int Item, string Response, bool Flagged, long Sequence, DateTime Now)> saves)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var batch = new NpgsqlBatch(connection) { Transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction() };
        var locks = new NpgsqlBatchCommand("""SELECT 1 FROM "Attempts" WHERE "Id" = ANY($1) ORDER BY "Id" FOR SHARE""");
        locks.Parameters.Add(new NpgsqlParameter { Value = saves.Select(s => s.Attempt).Distinct().ToArray() });
        batch.BatchCommands.Add(locks);
        foreach (var s in saves)
        {
            var cmd = new NpgsqlBatchCommand(Upsert);
            cmd.Parameters.Add(new NpgsqlParameter { Value = s.Attempt });
            cmd.Parameters.Add(new NpgsqlParameter { Value = s.Item });
            cmd.Parameters.Add(new NpgsqlParameter { Value = s.Response });
            cmd.Parameters.Add(new NpgsqlParameter { Value = s.Flagged });
            cmd.Parameters.Add(new NpgsqlParameter { Value = s.Sequence });
            cmd.Parameters.Add(new NpgsqlParameter { Value = DateTime.SpecifyKind(s.Now, DateTimeKind.Utc) });
            batch.BatchCommands.Add(cmd);
        }
        await batch.ExecuteNonQueryAsync();
        return Enumerable.Range(1, saves.Count).Select(i => batch.BatchCommands[i].RecordsAffected).ToArray();
    }
}
