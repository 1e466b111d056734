// Scoreboard fan-out benchmark (issue 4): from a judge's mark to the pushed board arriving at N SignalR viewers
// (Node with @microsoft/signalr) on loopback, for N = 1,000 and 5,000. Run: dotnet run -c Release --project bench/Scoreboard
using System.Diagnostics;
using System.Text.Json;
using Competition.Engine.Persistence;
using Competition.Tests.Infrastructure;
using Competition.Tests.Integration.Contests;

var sizes = args.Length > 0 ? args.Select(int.Parse).ToArray() : [1000, 5000];
Console.WriteLine($"machine: {Environment.ProcessorCount} cores; app (Kestrel) and the Node viewers share the machine over loopback");
foreach (var n in sizes)
{
    await using var app = await AppFactory.StartAsync(DatabaseProvider.Sqlite, new() { ["Logging:LogLevel:Default"] = "Error" });
    var s = await ContestScenario.CreateAsync(app, DateTime.UtcNow);
    var script = Path.Combine(Paths.RepoRoot, "bench", "Scoreboard", "viewers.mjs");
    var psi = new ProcessStartInfo("bash", ["-c", $"ulimit -n 65536 2>/dev/null; exec node '{script}' '{app.BaseAddress.ToString().TrimEnd('/')}' {s.ContestId} {ContestScenario.Group} {n}"])
        { RedirectStandardInput = true, RedirectStandardOutput = true };
    using var node = Process.Start(psi)!;
    var ready = JsonDocument.Parse((await node.StandardOutput.ReadLineAsync())!).RootElement;
    var marks = 20;
    var numbers = s.Contestants.Keys.ToArray();
    for (var i = 0; i < marks; i++)
    {
        await node.StandardInput.WriteLineAsync($"mark {DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}");
        await node.StandardInput.FlushAsync();
        (await s.MarkAsync(s.Judges[i % 3], numbers[i % numbers.Length], ("J1", i % 4))).EnsureSuccessStatusCode();
        await Task.Delay(1000);
    }
    await node.StandardInput.WriteLineAsync("report");
    await node.StandardInput.FlushAsync();
    var r = JsonDocument.Parse((await node.StandardOutput.ReadLineAsync())!).RootElement;
    await node.WaitForExitAsync();
    var p99 = r.GetProperty("p99").GetDouble();
    Console.WriteLine($"[board fan-out] {r.GetProperty("viewers").GetInt32():N0} viewers (connected in {ready.GetProperty("connectSeconds").GetDouble():F1} s), {marks} marks 1 s apart: " +
        $"{r.GetProperty("received").GetInt32():N0} of {r.GetProperty("expected").GetInt32():N0} updates arrived; mark → update p50 {r.GetProperty("p50").GetDouble():F0} ms, " +
        $"p99 {p99:F0} ms, max {r.GetProperty("max").GetDouble():F0} ms | target p99 ≤ 1000 ms at 5,000: {(n < 5000 ? "n/a" : p99 <= 1000 ? "met" : "MISSED")}");
}
