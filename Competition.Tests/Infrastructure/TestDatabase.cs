using Competition.Engine.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Competition.Tests.Infrastructure;

/// <summary>A fresh, empty database of either provider: a temp SQLite file or a new database in the test cluster.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _sqliteFile;
    private readonly string? _pgName;

    private TestDatabase(DatabaseOptions options, string? sqliteFile, string? pgName)
    {
        Options = options;
        _sqliteFile = sqliteFile;
        _pgName = pgName;
    }

    public DatabaseOptions Options { get; }
    public DatabaseProvider Provider => Options.Provider;

    public static IEnumerable<object[]> Providers => [[DatabaseProvider.Sqlite], [DatabaseProvider.Postgres]];

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"competition-test-{Guid.NewGuid():N}.db");
            return new TestDatabase(new DatabaseOptions { Provider = provider, ConnectionString = $"Data Source={file};Pooling=false" }, file, null);
        }
        var name = "t_" + Guid.NewGuid().ToString("N")[..16];
        await using (var conn = new NpgsqlConnection(PostgresCluster.AdminConnectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        var cs = new NpgsqlConnectionStringBuilder(PostgresCluster.AdminConnectionString) { Database = name }.ConnectionString;
        return new TestDatabase(new DatabaseOptions { Provider = provider, ConnectionString = cs }, null, name);
    }

    public CompetitionDbContext NewContext()
    {
        var b = new DbContextOptionsBuilder<CompetitionDbContext>();
        Options.Configure(b);
        return new CompetitionDbContext(b.Options);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFile is not null)
            foreach (var f in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" }) File.Delete(f);
        if (_pgName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(PostgresCluster.AdminConnectionString);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_pgName} WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
    }
}
