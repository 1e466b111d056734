// Exam load benchmarks (issue 3). Run: dotnet run -c Release --project bench/ExamLoad [-- --quick] [--http-only] [--sqlite-only] [--save-clients N]
// 1. paper assembly over a 25,000-question synthetic bank vs SQL ORDER BY RANDOM() LIMIT n;
// 2. SQLite synchronous=FULL against NORMAL: the cost of an acknowledged answer surviving a power failure;
// 3. per provider (SQLite, PostgreSQL): start storm, sustained saves with a lost-answer count, 3,000 simultaneous deadlines.
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using Competition.Engine.QuestionBank.Files;
using Competition.Tests.Infrastructure;
using ExamLoad;

var quick = args.Contains("--quick");
// --save-clients N: how many browsers save at once (closed loop: each waits for its acknowledgement before the next save).
var clientsAt = Array.IndexOf(args, "--save-clients");
var saveClients = clientsAt >= 0 && clientsAt + 1 < args.Length ? int.Parse(args[clientsAt + 1]) : 32;
var skipAssembly = args.Contains("--http-only");
// Saves are acknowledged only once on disk: the private PostgreSQL cluster keeps its durable defaults here (tests run it
// without fsync), as SQLite runs synchronous=FULL. --pg-no-fsync measures without, for comparison.
if (!args.Contains("--pg-no-fsync")) Environment.SetEnvironmentVariable("COMPETITION_PG_DURABLE", "1");
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; server and load generator share the machine over loopback");
if (args.Contains("--durability-only")) { DurabilityBench.Run(commits: quick ? 300 : 2000); return; }
var synthetic = Path.Combine(Path.GetTempPath(), "competition-bench-synth-25000");
if (!File.Exists(Path.Combine(synthetic, "lathe-operator.yaml")))
    SynthesizeBank.Write(BankFolder.Read(Paths.ShippedBanks).Files.Select(f => f.Trade!).ToList(), 25_000, synthetic);
if (!skipAssembly)
{
    await AssemblyBench.RunAsync(synthetic);
    DurabilityBench.Run(commits: quick ? 300 : 2000);
}

var providers = args.Contains("--sqlite-only") ? [DatabaseProvider.Sqlite] : new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };
foreach (var provider in providers)
    await new HttpBench(provider, candidates: quick ? 300 : 3000, stormSeconds: quick ? 6 : 60, saveSeconds: quick ? 5 : 30, saveConcurrency: saveClients).RunAsync();
