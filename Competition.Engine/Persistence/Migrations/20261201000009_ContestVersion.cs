using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Competition.Engine.Persistence.Migrations;

/// <summary>Contests get a row version, so the clock job and a person's "do it now" cannot overwrite each other's phase.</summary>
[DbContext(typeof(CompetitionDbContext))]
[Migration("20261201000009_ContestVersion")]
public sealed class ContestVersion : Migration
{
    protected override void Up(MigrationBuilder m) => m.AddColumn<int>("RowVersion", "Contests", nullable: false, defaultValue: 0);

    // EF's SQLite provider refuses DropColumn without a model snapshot; SQLite itself (3.35+) drops an unindexed column.
    protected override void Down(MigrationBuilder m)
    {
        if (ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite") m.Sql("""ALTER TABLE "Contests" DROP COLUMN "RowVersion";""");
        else m.DropColumn("RowVersion", "Contests");
    }
}
