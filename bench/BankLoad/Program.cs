// Bank load benchmark: time and memory to read, validate and index the shipped banks and a 25,000-question
// synthetic bank, plus (for information) writing them into a fresh SQLite database.
// Run: dotnet run -c Release --project bench/BankLoad
using System.Diagnostics;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using Competition.Engine.QuestionBank.Files;
using Microsoft.EntityFrameworkCore;

var root = FindRoot();
var shipped = Path.Combine(root, "question-banks");
var synthetic = Path.Combine(Path.GetTempPath(), "competition-bench-synth-25000");
if (!File.Exists(Path.Combine(synthetic, "lathe-operator.yaml")))
{
    var trades = BankFolder.Read(shipped).Files.Select(f => f.Trade!).ToList();
    SynthesizeBank.Write(trades, 25_000, synthetic);
}

Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}");
Console.WriteLine("phase: read + validate every file, then build the in-memory index (median of 7 runs after 2 warm-ups)");
Measure("shipped banks", shipped, targetMs: 1000);
Measure("synthetic 25,000", synthetic, targetMs: 3000);
await MeasureDatabaseAsync("shipped banks", shipped);
await MeasureDatabaseAsync("synthetic 25,000", synthetic);

static void Measure(string name, string folder, double targetMs)
{
    for (var i = 0; i < 2; i++) LoadAndIndex(folder);
    var times = new List<double>();
    long allocated = 0;
    QuestionIndex? index = null;
    for (var i = 0; i < 7; i++)
    {
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(true);
        var sw = Stopwatch.StartNew();
        index = LoadAndIndex(folder);
        times.Add(sw.Elapsed.TotalMilliseconds);
        allocated = GC.GetTotalAllocatedBytes(true) - before;
    }
    index = null;
    GC.Collect(2, GCCollectionMode.Forced, true, true);
    var baseline = GC.GetTotalMemory(true);
    index = LoadAndIndex(folder);
    var retained = GC.GetTotalMemory(true) - baseline;
    times.Sort();
    var median = times[times.Count / 2];
    Console.WriteLine($"{name,-18} {index.Count,6} questions {index.CellCount,5} cells | median {median,7:F1} ms  min {times[0],7:F1} ms  max {times[^1],7:F1} ms | " +
                      $"allocated {allocated / 1048576.0,6:F1} MiB  index retained {retained / 1048576.0,5:F1} MiB | target ≤ {targetMs:F0} ms: {(median <= targetMs ? "met" : $"MISSED by {median - targetMs:F0} ms")}");
    GC.KeepAlive(index);
}

static QuestionIndex LoadAndIndex(string folder)
{
    var bank = BankFolder.Read(folder);
    if (!bank.IsValid) throw new InvalidOperationException(string.Join("\n", bank.Errors.Take(10)));
    return QuestionIndex.Build(bank.Files.SelectMany(f => f.Questions.Select(q => (q.Id, 1, f.Trade!.Code, q.Content))));
}

static async Task MeasureDatabaseAsync(string name, string folder)
{
    var file = Path.Combine(Path.GetTempPath(), $"bench-{Guid.NewGuid():N}.db");
    var options = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={file};Pooling=false" };
    var b = new DbContextOptionsBuilder<CompetitionDbContext>();
    options.Configure(b);
    await using (var db = new CompetitionDbContext(b.Options)) await DatabaseMigrator.MigrateAsync(db);
    double first, second;
    await using (var db = new CompetitionDbContext(b.Options))
    {
        var sw = Stopwatch.StartNew();
        await new LoadBanks.Handler(db, TimeProvider.System).Handle(new LoadBanks.Command(folder), default);
        first = sw.Elapsed.TotalMilliseconds;
    }
    await using (var db = new CompetitionDbContext(b.Options))
    {
        var sw = Stopwatch.StartNew();
        var r = await new LoadBanks.Handler(db, TimeProvider.System).Handle(new LoadBanks.Command(folder), default);
        second = sw.Elapsed.TotalMilliseconds;
        if (r.Unchanged != r.Questions) throw new InvalidOperationException("second load was not idempotent");
    }
    Console.WriteLine($"{name,-18} into SQLite (information, no target): first start {first,7:F0} ms (insert)  next start {second,7:F0} ms (hash check, nothing written)");
    foreach (var f in new[] { file, file + "-wal", file + "-shm" }) File.Delete(f);
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "Competition.sln"))) return dir.FullName;
    throw new InvalidOperationException("run from inside the repository");
}
