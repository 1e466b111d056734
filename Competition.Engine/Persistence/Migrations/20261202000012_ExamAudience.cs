using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Competition.Engine.Persistence.Migrations;

/// <summary>
/// Exams get an audience (cities, units, trades, each "|a|b|" or empty for no narrowing); questions can be retired, so drills
/// and new papers stop drawing them while papers already drawn keep their version.
/// </summary>
[DbContext(typeof(CompetitionDbContext))]
[Migration("20261202000012_ExamAudience")]
public sealed class ExamAudience : Migration
{
    private static readonly (string Table, string Column)[] Added =
        [("Exams", "AudienceCities"), ("Exams", "AudienceUnits"), ("Exams", "AudienceTrades"), ("Questions", "Retired")];

    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<string>("AudienceCities", "Exams", nullable: false, defaultValue: "");
        m.AddColumn<string>("AudienceUnits", "Exams", nullable: false, defaultValue: "");
        m.AddColumn<string>("AudienceTrades", "Exams", nullable: false, defaultValue: "");
        m.AddColumn<bool>("Retired", "Questions", nullable: false, defaultValue: false);
    }

    // EF's SQLite provider refuses DropColumn without a model snapshot; SQLite itself (3.35+) drops an unindexed column.
    protected override void Down(MigrationBuilder m)
    {
        foreach (var (table, column) in Added)
        {
            if (ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite") m.Sql($"""ALTER TABLE "{table}" DROP COLUMN "{column}";""");
            else m.DropColumn(column, table);
        }
    }
}
