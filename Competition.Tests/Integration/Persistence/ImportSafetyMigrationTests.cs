using Competition.Engine.Persistence;
using Competition.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Competition.Tests.Integration.Persistence;

public class ImportSafetyMigrationTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task QuestionsAnOrganizerImported_AreHeldAfterTheUpgrade_ShippedOnesAreNot(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using (var db = test.NewContext())
        {
            await db.GetService<IMigrator>().MigrateAsync("20261121000004_Contests");
            await db.Database.ExecuteSqlRawAsync("INSERT INTO \"Trades\" (\"Code\", \"Name\", \"NameEn\", \"Category\", \"IsSynthetic\") VALUES ('fitter', '钳工', 'Fitter', '机械加工', false)");
            foreach (var (id, source) in new[] { ("fitter-001", "bank-file"), ("fitter-002", "import") })
                await db.Database.ExecuteSqlRawAsync(
                    "INSERT INTO \"Questions\" (\"Id\", \"TradeCode\", \"Level\", \"Type\", \"Difficulty\", \"Stem\", \"KnowledgePoints\", \"ContentJson\", \"ContentHash\", \"CurrentVersion\", \"Source\", \"IsSynthetic\", \"UpdatedAt\") " +
                    "VALUES ({0}, 'fitter', 5, 1, 1, 's', '|k|', '{{}}', 'h', 1, {1}, false, {2})", id, source, DateTime.UtcNow);
        }
        await using (var db = test.NewContext())
        {
            await DatabaseMigrator.MigrateAsync(db);
            var held = await db.Questions.AsNoTracking().OrderBy(q => q.Id).Select(q => new { q.Id, q.HeldByOrganizer, q.ShippedHash }).ToListAsync();
            held.Select(q => (q.Id, q.HeldByOrganizer)).ShouldBe([("fitter-001", false), ("fitter-002", true)]);
            held.ShouldAllBe(q => q.ShippedHash == null);
        }
    }
}
