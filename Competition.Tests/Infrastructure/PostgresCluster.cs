using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Competition.Tests.Infrastructure;

/// <summary>
/// A private PostgreSQL cluster for this test run: initdb into a temp folder, a free loopback port, started
/// once per process and removed when the process exits. COMPETITION_TEST_PG points at an existing server instead.
/// Tests run it without fsync (nothing to keep); COMPETITION_PG_DURABLE=1 keeps PostgreSQL's durable defaults, for
/// benchmarks whose figures must include the cost of an acknowledged commit reaching the disk.
/// </summary>
public static class PostgresCluster
{
    private static readonly Lazy<string> Server = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    public static bool Durable => Environment.GetEnvironmentVariable("COMPETITION_PG_DURABLE") == "1";

    /// <summary>Connection string to the cluster's "postgres" database.</summary>
    public static string AdminConnectionString => Server.Value;

    private static string Start()
    {
        var external = Environment.GetEnvironmentVariable("COMPETITION_TEST_PG");
        if (!string.IsNullOrWhiteSpace(external)) return external;

        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin")).FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            : null;
        if (bin is null) throw new InvalidOperationException("PostgreSQL server binaries not found under /usr/lib/postgresql; run .ci/test.sh, which installs them.");

        var root = Path.Combine(Path.GetTempPath(), "competition-pg-" + Guid.NewGuid().ToString("N")[..8]);
        var data = Path.Combine(root, "data");
        Directory.CreateDirectory(root);
        var asRoot = Environment.UserName == "root";
        if (asRoot) Run("chown", $"-R postgres:postgres {root}");
        var port = FreePort();
        Pg(asRoot, Path.Combine(bin, "initdb"), $"-D {data} -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync");
        Pg(asRoot, Path.Combine(bin, "pg_ctl"),
            $"-D {data} -l {root}/log.txt -w -t 60 -o \"-p {port} -k {root} -c listen_addresses=127.0.0.1{(Durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off")} -c max_connections=300\" start");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Pg(asRoot, Path.Combine(bin, "pg_ctl"), $"-D {data} -m immediate -w stop"); Directory.Delete(root, true); }
            catch { /* the temp folder is cleaned by the OS if stopping fails */ }
        };
        return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=50";
    }

    private static void Pg(bool asRoot, string exe, string args)
    {
        if (asRoot) Run("runuser", $"-u postgres -- {exe} {args}");
        else Run(exe, args);
    }

    private static void Run(string exe, string args)
    {
        var psi = new ProcessStartInfo("/bin/sh", ["-c", $"{exe} {args}"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{exe} {args} failed ({p.ExitCode}): {stderr.Result}{stdout.Result}");
    }

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}
