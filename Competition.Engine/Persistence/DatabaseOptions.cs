using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using System.Data.Common;

namespace Competition.Engine.Persistence;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>"Database" section: Provider (Sqlite | Postgres) and ConnectionString.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    public string ConnectionString { get; set; } = "Data Source=data/competition.db";

    public void Configure(DbContextOptionsBuilder options)
    {
        if (Provider == DatabaseProvider.Postgres)
            options.UseNpgsql(ConnectionString, o => o.MigrationsHistoryTable("__EFMigrationsHistory"));
        else
        {
            EnsureSqliteFolder(ConnectionString);
            options.UseSqlite(ConnectionString).AddInterceptors(SqlitePragmas.Instance);
        }
        // Migrations are written by hand (no design-time tooling here), so there is no model snapshot to compare.
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var path = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder) && path != ":memory:") Directory.CreateDirectory(folder);
    }
}

/// <summary>
/// Every SQLite connection waits for a busy writer instead of failing, and enforces foreign keys. synchronous=FULL:
/// in WAL mode NORMAL may lose the last commits on a power failure (not on a process crash); an acknowledged answer
/// or mark must survive both, so every commit reaches the disk before it is acknowledged. The answer writer commits
/// up to 256 saves at a time, so the sync is paid per batch, not per answer (figures in bench/ExamLoad).
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();
    private const string Sql = "PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = Sql;
        cmd.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = Sql;
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}

public static class DatabaseRegistration
{
    /// <summary>The options are resolved when first needed, so hosts (and test hosts) may still add configuration after registration.</summary>
    public static IServiceCollection AddCompetitionDatabase(this IServiceCollection services, Func<IServiceProvider, DatabaseOptions> options)
    {
        services.AddSingleton(options);
        // Pooled: a save or a start storm creates thousands of contexts a second.
        services.AddDbContextPool<CompetitionDbContext>((sp, o) => sp.GetRequiredService<DatabaseOptions>().Configure(o));
        return services;
    }
}
