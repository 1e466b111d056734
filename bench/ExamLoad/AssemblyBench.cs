using System.Diagnostics;
using Competition.Engine.Exams;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using Competition.Engine.QuestionBank.Files;
using Microsoft.EntityFrameworkCore;

namespace ExamLoad;

/// <summary>
/// Paper assembly for a 100-question blueprint over a 25,000-question synthetic bank: our in-memory assembler
/// against the same cells drawn by SQL ORDER BY RANDOM() LIMIT n, on the same data in SQLite.
/// </summary>
public static class AssemblyBench
{
    public static async Task RunAsync(string syntheticFolder)
    {
        var bank = BankFolder.Read(syntheticFolder);
        var index = QuestionIndex.Build(bank.Files.SelectMany(f => f.Questions.Select(q => (q.Id, 1, f.Trade!.Code, q.Content))));
        var trades = bank.Files.Select(f => f.Trade!.Code).Take(4).ToArray();
        QuestionType[] types = [QuestionType.Single, QuestionType.Multiple, QuestionType.TrueFalse, QuestionType.FillBlank, QuestionType.ShortAnswer];
        // 4 trades × 5 types, 5 questions per cell over three levels = 100 questions.
        var blueprint = new Blueprint(trades.Select(t => new BlueprintSection(t, types.Select(type =>
            new BlueprintCell(t, [SkillLevel.Level5, SkillLevel.Level4, SkillLevel.Level3], type, 5, 1, 3, [])).ToList())).ToList(), Tolerance: 0.5);
        var assembler = new PaperAssembler(index);
        for (var i = 0; i < 200; i++) assembler.Assemble(blueprint, i);
        var times = new List<double>();
        for (var seed = 1000; seed < 3000; seed++)
        {
            var t = Stopwatch.GetTimestamp();
            var paper = assembler.Assemble(blueprint, seed);
            times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            if (paper.Count != 100) throw new InvalidOperationException("paper incomplete");
        }

        var file = Path.Combine(Path.GetTempPath(), $"assembly-{Guid.NewGuid():N}.db");
        var options = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={file};Pooling=true" };
        var b = new DbContextOptionsBuilder<CompetitionDbContext>();
        options.Configure(b);
        await using (var db = new CompetitionDbContext(b.Options))
        {
            await DatabaseMigrator.MigrateAsync(db);
            await new LoadBanks.Handler(db, TimeProvider.System).Handle(new LoadBanks.Command(syntheticFolder), default);
        }
        var sqlTimes = new List<double>();
        await using (var db = new CompetitionDbContext(b.Options))
        {
            var conn = db.Database.GetDbConnection();
            await conn.OpenAsync();
            async Task<int> DrawBySqlAsync()
            {
                var n = 0;
                foreach (var cell in blueprint.Cells)
                {
                    await using var cmd = conn.CreateCommand();
                    cmd.CommandText = $"""SELECT "Id", "CurrentVersion", "Difficulty" FROM "Questions" WHERE "TradeCode" = $t AND "Type" = $y AND "Level" IN ({string.Join(",", cell.Levels.Select(l => (int)l))}) ORDER BY RANDOM() LIMIT {cell.Count}""";
                    var p1 = cmd.CreateParameter(); p1.ParameterName = "$t"; p1.Value = cell.TradeCode; cmd.Parameters.Add(p1);
                    var p2 = cmd.CreateParameter(); p2.ParameterName = "$y"; p2.Value = (int)cell.Type; cmd.Parameters.Add(p2);
                    await using var r = await cmd.ExecuteReaderAsync();
                    while (await r.ReadAsync()) n++;
                }
                return n;
            }
            for (var i = 0; i < 20; i++) await DrawBySqlAsync();
            for (var i = 0; i < 500; i++)
            {
                var t = Stopwatch.GetTimestamp();
                if (await DrawBySqlAsync() != 100) throw new InvalidOperationException("sql paper incomplete");
                sqlTimes.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
        }
        foreach (var f in new[] { file, file + "-wal", file + "-shm" }) File.Delete(f);
        Report.Line("assembly", $"100-question paper over {index.Count:N0} questions: in-memory median {Percentiles.Of(times, 50):F3} ms, p99 {Percentiles.Of(times, 99):F3} ms " +
            $"(2,000 papers, each within ±{blueprint.Tolerance} of difficulty {blueprint.TargetDifficulty:0.#}) | SQL ORDER BY RANDOM() LIMIT n per cell: median {Percentiles.Of(sqlTimes, 50):F2} ms, p99 {Percentiles.Of(sqlTimes, 99):F2} ms (no difficulty balancing) | target ≤ 1 ms: {(Percentiles.Of(times, 50) <= 1 ? "met" : "MISSED")}");
    }
}

public static class Percentiles
{
    public static double Of(List<double> values, double p)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}

public static class Report
{
    public static void Line(string what, string text) => Console.WriteLine($"[{what}] {text}");
}
