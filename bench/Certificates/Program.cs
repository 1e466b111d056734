// Issue 9's figures: 1,000 certificates as PDFs (time and peak memory; target ≤ 30 s on 2 cores) and awards for a contest
// of 5,000 contestants (target ≤ 100 ms). Runs the engine's own code with no database: PDF rendering and the award rule
// are pure, and the database part of a batch (one query for the certificates) is small beside them.
using System.Diagnostics;
using System.IO.Compression;
using Competition.Engine.Rankings;

static CertificateData Data(int i) => new(CertificateCode.New(), $"选手{i:0000}", $"马鞍山第{i % 97 + 1}机械厂", "2026 年马鞍山市职工职业技能大赛车工决赛",
    i % 2 == 0 ? "职工组" : "学生组", (i % 3) switch { 0 => "一等奖", 1 => "二等奖", _ => "三等奖" }, new DateTime(2026, 12, 3), "马鞍山市总工会",
    2, "3f5a9c0e1b7d2468ace013579bdf02468ace13579bdf02468ace13579bdf0246", "https://jingsai.example.cn/Results/Verify/7K3M9QX2TZ");

Console.WriteLine($"Certificates bench — {Environment.ProcessorCount} cores, .NET {Environment.Version}");
for (var i = 0; i < 5; i++) CertificatePdf.Render(Data(i));   // warm-up: fonts loaded, JIT done
GC.Collect();
var rssBefore = Process.GetCurrentProcess().WorkingSet64;

// 1,000 certificates, one PDF each, into a zip in memory: what GET /api/results/{id}/certificates.zip does.
var sw = Stopwatch.StartNew();
var allocated = GC.GetTotalAllocatedBytes(true);
long pdfBytes = 0;
using var zipStream = new MemoryStream();
using (var zip = new ZipArchive(zipStream, ZipArchiveMode.Create, leaveOpen: true))
{
    var pdfs = CertificatePdf.RenderEach(Enumerable.Range(0, 1000).Select(Data).ToList());
    for (var i = 0; i < pdfs.Length; i++)
    {
        pdfBytes += pdfs[i].Length;
        using var entry = zip.CreateEntry($"{i:0000}.pdf", CompressionLevel.Fastest).Open();
        entry.Write(pdfs[i]);
    }
}
sw.Stop();
var process = Process.GetCurrentProcess();
process.Refresh();
Console.WriteLine($"1,000 certificate PDFs → zip: {sw.Elapsed.TotalSeconds:0.00} s ({sw.Elapsed.TotalMilliseconds / 1000:0.0} ms each), " +
    $"PDFs {pdfBytes / 1000 / 1024.0:0.0} KiB each, zip {zipStream.Length / 1024.0 / 1024:0.0} MiB");
Console.WriteLine($"  memory: peak working set {process.PeakWorkingSet64 / 1024.0 / 1024:0} MiB (before the batch {rssBefore / 1024.0 / 1024:0} MiB), " +
    $"allocated {(GC.GetTotalAllocatedBytes(true) - allocated) / 1024.0 / 1024:0} MiB, managed heap now {GC.GetTotalMemory(false) / 1024.0 / 1024:0} MiB");

// Awards for 5,000 contestants: ranking with the platform's rule, then the default 10/20/30 % allocation with 优胜奖.
var random = new Random(9);
var results = Enumerable.Range(0, 5000).Select(i => new EntryResult(Guid.NewGuid(), $"选手{i}",
    i % 97 == 0 ? EntryStatus.Absent : i % 211 == 0 ? EntryStatus.Disqualified : EntryStatus.Finished,
    Math.Round(random.NextDouble() * 60 + 40, 1))).ToList();   // one decimal: many ties, at boundaries too
var rule = AwardRule.Default with { HonorableMention = true };
AwardAllocator.Allocate(RankedEntries.From(results, []), rule);   // warm-up
var times = new List<double>();
AwardOutcome? outcome = null;
for (var run = 0; run < 21; run++)
{
    sw.Restart();
    outcome = AwardAllocator.Allocate(RankedEntries.From(results, []), rule);
    times.Add(sw.Elapsed.TotalMilliseconds);
}
times.Sort();
var counts = outcome!.Entries.GroupBy(e => e.Award).OrderBy(g => g.Key).Select(g => $"{g.Key.Name()} {g.Count()}");
Console.WriteLine($"Awards for 5,000 contestants (rank + allocate): median {times[10]:0.0} ms, max {times[^1]:0.0} ms over 21 runs — {string.Join("、", counts)}");
