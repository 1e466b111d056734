using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace ExamLoad;

/// <summary>
/// The cost of SQLite's synchronous=FULL against NORMAL (WAL mode) on this machine's disk, without HTTP: commits of
/// one answer and of a batch of 64 (the answer writer commits whatever queued up, up to 256), timed per commit.
/// FULL syncs the WAL at every commit, so an acknowledged answer survives a power failure; NORMAL may lose the last
/// commits then (not on a process crash).
/// </summary>
public static class DurabilityBench
{
    public static void Run(int commits)
    {
        foreach (var batch in new[] { 1, 64 })
        {
            var figures = new Dictionary<string, (double PerCommitMs, double P99Ms, double RowsPerSecond)>();
            foreach (var mode in new[] { "NORMAL", "FULL" })
                figures[mode] = Measure(mode, batch, commits);
            var (n, f) = (figures["NORMAL"], figures["FULL"]);
            Report.Line($"sqlite durability, {batch} per commit",
                $"NORMAL {n.PerCommitMs:F2} ms a commit (p99 {n.P99Ms:F2}) = {n.RowsPerSecond:N0} answers/s | FULL {f.PerCommitMs:F2} ms (p99 {f.P99Ms:F2}) = " +
                $"{f.RowsPerSecond:N0} answers/s | FULL costs {f.PerCommitMs - n.PerCommitMs:F2} ms a commit");
        }
    }

    private static (double, double, double) Measure(string mode, int batch, int commits)
    {
        var file = Path.Combine(Path.GetTempPath(), $"competition-durability-{Guid.NewGuid():N}.db");
        try
        {
            using var c = new SqliteConnection($"Data Source={file};Pooling=false");
            c.Open();
            Exec(c, $"PRAGMA journal_mode=WAL; PRAGMA synchronous={mode};");
            Exec(c, """CREATE TABLE "A" ("AttemptId" TEXT NOT NULL, "Item" INTEGER NOT NULL, "Response" TEXT NOT NULL, "Version" INTEGER NOT NULL, PRIMARY KEY ("AttemptId", "Item"))""");
            using var cmd = c.CreateCommand();
            cmd.CommandText = """
                INSERT INTO "A" VALUES ($1, $2, $3, 1) ON CONFLICT ("AttemptId", "Item") DO UPDATE SET "Response" = excluded."Response", "Version" = "A"."Version" + 1
                """;
            var p = Enumerable.Range(1, 3).Select(i => cmd.Parameters.Add(new SqliteParameter { ParameterName = "$" + i })).ToArray();
            var rng = new Random(1);
            var times = new List<double>(commits);
            var total = Stopwatch.StartNew();
            for (var k = 0; k < commits; k++)
            {
                var t = Stopwatch.GetTimestamp();
                using var tx = c.BeginTransaction();
                cmd.Transaction = tx;
                for (var i = 0; i < batch; i++)
                {
                    p[0].Value = $"ATTEMPT-{rng.Next(3000)}";
                    p[1].Value = rng.Next(60);
                    p[2].Value = "ABCD"[rng.Next(4)].ToString();
                    cmd.ExecuteNonQuery();
                }
                tx.Commit();
                times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
            return (times.Average(), Percentiles.Of(times, 99), commits * batch / total.Elapsed.TotalSeconds);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var f in new[] { file, file + "-wal", file + "-shm" }) File.Delete(f);
        }
    }

    private static void Exec(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
