using Competition.Engine.Accounts;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using MediatR;

namespace Competition.Web.Common;

/// <summary>
/// On every start: migrate, seed cities and roles, load the shipped banks (idempotent by id and hash),
/// create the first admin from configuration, and in demo mode the demo accounts.
/// </summary>
public static class StartupTasks
{
    public static async Task RunAsync(WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var log = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Startup");
        await PrepareAsync(scope.ServiceProvider, app.Configuration, log, app.Environment.ContentRootPath);
    }

    public static async Task PrepareAsync(IServiceProvider sp, IConfiguration config, ILogger log, string? contentRoot = null)
    {
        var db = sp.GetRequiredService<CompetitionDbContext>();
        var mediator = sp.GetRequiredService<IMediator>();
        await DatabaseMigrator.MigrateAsync(db);
        await mediator.Send(new Engine.Organizations.SeedCities.Command());
        await mediator.Send(new EnsureRoles.Command());

        if (config.GetValue("Banks:LoadOnStart", true))
        {
            var folder = BankFolderLocator.Find(config, contentRoot);
            if (folder is null) log.LogWarning("No question-banks folder found; set Banks:Folder to load the shipped banks.");
            else
            {
                var loaded = await mediator.Send(new LoadBanks.Command(folder));
                log.LogInformation("Banks from {Folder}: {Trades} trades, {Questions} questions ({Added} added, {Revised} revised, {Unchanged} unchanged, {Kept} kept as edited by organizers)",
                    folder, loaded.Trades, loaded.Questions, loaded.Added, loaded.Revised, loaded.Unchanged, loaded.Kept);
                if (loaded.Kept > 0)
                    log.LogWarning("Kept the organizers' edits of {Kept} shipped questions whose text in the bank files differs: {Ids}. " +
                                   "The bank pages mark them 组织者修订 and show the shipped text, which an organizer can adopt.",
                        loaded.Kept, string.Join(", ", (loaded.KeptIds ?? []).Take(20)) + (loaded.Kept > 20 ? ", …" : ""));
            }
        }

        var adminUser = config["Admin:UserName"];
        var adminPassword = config["Admin:Password"];
        if (!string.IsNullOrWhiteSpace(adminUser) && !string.IsNullOrWhiteSpace(adminPassword))
        {
            var admin = await mediator.Send(new CreateStaffAccount.Command(adminUser, adminPassword, "系统管理员", Roles.Admin));
            if (admin.Created) log.LogInformation("Admin account {User} created from configuration", adminUser);
        }

        if (config.GetValue("Demo:Enabled", false)) await SeedDemoAsync(mediator, config, log);
    }

    private static async Task SeedDemoAsync(IMediator mediator, IConfiguration config, ILogger log)
    {
        var accounts = await mediator.Send(new SeedDemoAccounts.Command());
        var lines = accounts.Select(a => $"  {a.Role,-11} {a.UserName,-16} {a.Password ?? "(已存在，密码见首次启动时的输出或 data/demo-accounts.txt)"}  {a.Description}").ToList();
        var text = "演示账号 (demo accounts):\n" + string.Join("\n", lines);
        Console.WriteLine(text);
        if (accounts.Any(a => a.Password is not null))
        {
            var file = config["Demo:AccountsFile"] ?? Path.Combine("data", "demo-accounts.txt");
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            await File.AppendAllTextAsync(file, $"# {DateTime.UtcNow:u}\n{string.Join("\n", lines.Where(l => !l.Contains("已存在")))}\n");
        }
        log.LogWarning("Demo mode is on: demo accounts exist. Never enable Demo:Enabled in production.");
    }
}
