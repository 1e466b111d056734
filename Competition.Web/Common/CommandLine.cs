using Competition.Engine.Common;
using Competition.Engine.QuestionBank;
using Competition.Engine.QuestionBank.Files;
using MediatR;

namespace Competition.Web.Common;

/// <summary>
/// The command-line verbs: `banks validate [folder]`, `banks import FILE --trade CODE`,
/// `banks synth --questions N --out FOLDER`, `admin create --user NAME --password PASSWORD`.
/// </summary>
public static class CommandLine
{
    public static bool IsVerb(string[] args) => args.Length > 0 && args[0] is "banks" or "admin";

    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            return (args[0], args.ElementAtOrDefault(1)) switch
            {
                ("banks", "validate") => Validate(args.ElementAtOrDefault(2) is { } f && !f.StartsWith("--") ? UserPath(f) : null),
                ("banks", "import") => await ImportAsync(args),
                ("banks", "synth") => Synth(args),
                ("admin", "create") => await CreateAdminAsync(args),
                _ => Usage(),
            };
        }
        catch (ValidationException ex)
        {
            foreach (var e in ex.Errors) Console.Error.WriteLine($"{e.Field}: {e.Message}");
            return 2;
        }
    }

    private static int Usage()
    {
        Console.Error.WriteLine("""
            usage:
              banks validate [folder]                    check every bank file (default: the shipped question-banks/)
              banks import FILE --trade CODE             import an .xlsx or .csv sheet into a trade's bank (all or nothing)
              banks synth --questions N --out FOLDER     write a synthetic bank across the trades for load work
              admin create --user NAME --password PASS   create an admin account
            """);
        return 2;
    }

    private static string? Option(string[] args, string name) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    /// <summary>
    /// `dotnet run --project Competition.Web` runs in the project folder; paths the user typed are meant relative
    /// to the shell's folder, which the shell passes on as PWD.
    /// </summary>
    private static string UserPath(string path)
    {
        var shell = Environment.GetEnvironmentVariable("PWD");
        return Path.GetFullPath(Path.IsPathRooted(path) || string.IsNullOrEmpty(shell) ? path : Path.Combine(shell, path));
    }

    private static IConfiguration Configuration(string[] args) => new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json", optional: true)
        .AddJsonFile($"appsettings.{Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? "Production"}.json", optional: true)
        .AddEnvironmentVariables()
        .AddCommandLine(args.Where(a => a.Contains('=')).ToArray())
        .Build();

    private static int Validate(string? folder)
    {
        folder ??= BankFolderLocator.Find(Configuration([]));
        if (folder is null) { Console.Error.WriteLine("question-banks folder not found; pass it: banks validate FOLDER"); return 2; }
        var bank = BankFolder.Read(folder);
        foreach (var s in bank.Summaries) Console.WriteLine(s);
        Console.WriteLine($"total: {bank.Files.Count} trades, {bank.QuestionCount} questions, {bank.Errors.Count} errors");
        foreach (var e in bank.Errors) Console.Error.WriteLine(e);
        return bank.IsValid ? 0 : 1;
    }

    private static int Synth(string[] args)
    {
        if (!int.TryParse(Option(args, "--questions"), out var n) || n < 1 || Option(args, "--out") is not { } outFolder)
        {
            Console.Error.WriteLine("usage: banks synth --questions N --out FOLDER");
            return 2;
        }
        var shipped = BankFolderLocator.Find(Configuration([]));
        var full = UserPath(outFolder);
        if (shipped is not null && full.StartsWith(Path.GetFullPath(shipped), StringComparison.Ordinal))
        {
            Console.Error.WriteLine("synthetic banks must not be written into question-banks/; choose another --out folder");
            return 2;
        }
        var trades = shipped is null ? [] : BankFolder.Read(shipped).Files.Select(f => f.Trade).OfType<TradeHeader>().ToList();
        if (trades.Count == 0) { Console.Error.WriteLine("no trades found in question-banks/"); return 2; }
        var result = SynthesizeBank.Write(trades, n, full);
        Console.WriteLine($"wrote {result.Questions} synthetic questions in {result.Files} files to {full}");
        return 0;
    }

    private static async Task<int> ImportAsync(string[] args)
    {
        var file = args.ElementAtOrDefault(2) is { } typed && !typed.StartsWith("--") ? UserPath(typed) : null;
        var trade = Option(args, "--trade");
        if (file is null || trade is null) { Console.Error.WriteLine("usage: banks import FILE --trade CODE"); return 2; }
        if (!File.Exists(file)) { Console.Error.WriteLine($"{file}: file not found"); return 2; }
        await using var sp = await PreparedServicesAsync(args);
        using var scope = sp.CreateScope();
        await using var stream = File.OpenRead(file);
        var result = await scope.ServiceProvider.GetRequiredService<IMediator>()
            .Send(new ImportBank.Command(stream, Path.GetFileName(file), stream.Length, trade, Actor.System));
        if (!result.Accepted)
        {
            Console.Error.WriteLine($"{file}: import refused, nothing was written ({result.TotalProblems} problems):");
            foreach (var p in result.Problems) Console.Error.WriteLine($"{file}: {p}");
            if (result.Unlisted > 0) Console.Error.WriteLine($"{file}: {Engine.QuestionBank.Sheets.ImportProblems.UnlistedText(result.Unlisted)}");
            return 1;
        }
        Console.WriteLine($"{file}: imported {result.Rows} questions into {trade} ({result.Added} added, {result.Revised} revised, {result.Unchanged} unchanged)");
        return 0;
    }

    private static async Task<int> CreateAdminAsync(string[] args)
    {
        var user = Option(args, "--user");
        var password = Option(args, "--password");
        if (user is null || password is null) { Console.Error.WriteLine("usage: admin create --user NAME --password PASSWORD"); return 2; }
        await using var sp = await PreparedServicesAsync(args, loadBanks: false);
        using var scope = sp.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<IMediator>()
            .Send(new Engine.Accounts.CreateStaffAccount.Command(user, password, "系统管理员", Engine.Accounts.Roles.Admin));
        Console.WriteLine(result.Created ? $"admin {user} created" : $"account {user} already exists; nothing changed");
        return 0;
    }

    /// <summary>The engine's services over the configured database, migrated and seeded as on a web start.</summary>
    private static async Task<ServiceProvider> PreparedServicesAsync(string[] args, bool loadBanks = true)
    {
        var config = Configuration(args);
        var services = new ServiceCollection();
        services.AddSingleton(config);
        services.AddLogging(l => l.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
        services.AddCompetitionCore(config);
        var sp = services.BuildServiceProvider();
        using var scope = sp.CreateScope();
        var overrides = new ConfigurationBuilder().AddConfiguration(config)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Banks:LoadOnStart"] = loadBanks ? "true" : "false", ["Demo:Enabled"] = "false" }).Build();
        await StartupTasks.PrepareAsync(scope.ServiceProvider, overrides, sp.GetRequiredService<ILoggerFactory>().CreateLogger("cli"));
        return sp;
    }
}
