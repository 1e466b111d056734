using System.Globalization;
using Competition.Engine.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Competition.Engine.Exams;

/// <summary>
/// SQLite runs the batch's upserts (<see cref="AnswerSaves.UpsertSql"/>) as one prepared statement inside the
/// writer's IMMEDIATE transaction, which already holds the only write lock, so no closing can slip in between.
/// Values are bound as EF stores them (Guid as upper-case text, times as text), so the statement sees EF's rows.
/// </summary>
internal static class SqliteBatch
{
    public static async Task<long?[]> UpsertAsync(CompetitionDbContext db, IReadOnlyList<(AnswerSave Save, DateTime Now)> saves)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
        cmd.CommandText = AnswerSaves.UpsertSql;
        // The command compiles its statement once and reuses it for every save of the batch.
        var p = Enumerable.Range(1, 8).Select(i => cmd.Parameters.Add(new SqliteParameter { ParameterName = "$" + i })).ToArray();
        var versions = new long?[saves.Count];
        for (var i = 0; i < saves.Count; i++)
        {
            var (s, now) = saves[i];
            p[0].Value = s.AttemptId.ToString().ToUpperInvariant();
            p[1].Value = s.Item;
            p[2].Value = s.Response;
            p[3].Value = s.Flagged;
            p[4].Value = s.Base;
            p[5].Value = s.Writer;
            p[6].Value = s.WriterSeq;
            p[7].Value = now.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture);
            await using var reader = await cmd.ExecuteReaderAsync();
            if (await reader.ReadAsync()) versions[i] = reader.GetInt64(0);
        }
        return versions;
    }
}
