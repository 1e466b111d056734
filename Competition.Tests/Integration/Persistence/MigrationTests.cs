using System.Data.Common;
using Competition.Engine.Persistence;
using Competition.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Competition.Tests.Integration.Persistence;

public class MigrationTests
{
    /// <summary>Tables, columns (type and nullability) and indexes as the database reports them.</summary>
    private static async Task<SortedSet<string>> SchemaAsync(CompetitionDbContext db)
    {
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        var sql = db.Database.IsSqlite()
            ? """
              SELECT m.name || '.' || p.name || ':' || lower(p.type) || ':' || p."notnull" || ':' || p.pk FROM sqlite_master m JOIN pragma_table_info(m.name) p
              WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '__EFMigrations%'
              UNION ALL SELECT 'index ' || name || ' on ' || tbl_name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'
              """
            : """
              SELECT table_name || '.' || column_name || ':' || data_type || ':' || coalesce(character_maximum_length::text, '') || ':' || is_nullable || ':' || coalesce(is_identity, '')
              FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '__EFMigrationsHistory'
              UNION ALL SELECT 'index ' || indexname || ' on ' || tablename || ' ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '__EFMigrationsHistory'
              """;
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        var result = new SortedSet<string>(StringComparer.Ordinal);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) result.Add(reader.GetString(0));
        await conn.CloseAsync();
        return result;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MigratingAnEmptyDatabase_GivesTheSchemaTheModelExpects(DatabaseProvider provider)
    {
        await using var migrated = await TestDatabase.CreateAsync(provider);
        await using var created = await TestDatabase.CreateAsync(provider);
        await using var a = migrated.NewContext();
        await using var b = created.NewContext();
        await DatabaseMigrator.MigrateAsync(a);
        await b.Database.EnsureCreatedAsync();

        var fromMigrations = await SchemaAsync(a);
        var fromModel = await SchemaAsync(b);
        fromMigrations.Count.ShouldBeGreaterThan(50);
        fromMigrations.Except(fromModel).ShouldBeEmpty("in migrations, not in model");
        fromModel.Except(fromMigrations).ShouldBeEmpty("in model, not in migrations");
        (await a.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UpgradingFromTheFirstMigration_KeepsExistingRows(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using (var db = test.NewContext())
        {
            await db.GetService<IMigrator>().MigrateAsync("20261121000001_Initial");
            (await db.Database.GetAppliedMigrationsAsync()).ShouldBe(["20261121000001_Initial"]);
            await db.Database.ExecuteSqlRawAsync("INSERT INTO \"Cities\" (\"Code\", \"Name\", \"Province\", \"IsG60\") VALUES ('tongling', '铜陵', '安徽', false)");
            await db.Database.ExecuteSqlRawAsync("INSERT INTO \"Trades\" (\"Code\", \"Name\", \"NameEn\", \"Category\", \"IsSynthetic\") VALUES ('fitter', '钳工', 'Fitter', '机械加工', false)");
        }
        await using (var db = test.NewContext())
        {
            await DatabaseMigrator.MigrateAsync(db);
            (await db.Database.GetAppliedMigrationsAsync()).ShouldBe(db.Database.GetMigrations());
            (await db.Cities.SingleAsync()).Name.ShouldBe("铜陵");
            (await db.Trades.SingleAsync()).Name.ShouldBe("钳工");
            (await db.BankImports.CountAsync()).ShouldBe(0);
        }
    }
}
