using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Competition.Engine.Persistence.Migrations;

/// <summary>
/// Drills in sets: a session's chosen size and its self-assessed short answers (对 / 部分对 / 错), the last self-assessment of
/// each question for progress, and the worker's last wrong answer kept with the 错题本 entry for review.
/// </summary>
[DbContext(typeof(CompetitionDbContext))]
[Migration("20261202000013_DrillSets")]
public sealed class DrillSets : Migration
{
    private static readonly (string Table, string Column)[] Counters =
        [("PracticeSessions", "PersonMarked"), ("PracticeSessions", "SelfRight"), ("PracticeSessions", "SelfPartly"), ("PracticeSessions", "SelfWrong")];

    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<int>("SetSize", "PracticeSessions", nullable: true);
        foreach (var (table, column) in Counters) m.AddColumn<int>(column, table, nullable: false, defaultValue: 0);
        m.AddColumn<int>("SelfAssessment", "PracticeRecords", nullable: true);
        m.AddColumn<string>("LastResponse", "WrongBookEntries", nullable: true);
    }

    // EF's SQLite provider refuses DropColumn without a model snapshot; SQLite itself (3.35+) drops an unindexed column.
    protected override void Down(MigrationBuilder m)
    {
        (string Table, string Column)[] all = [("PracticeSessions", "SetSize"), .. Counters, ("PracticeRecords", "SelfAssessment"), ("WrongBookEntries", "LastResponse")];
        foreach (var (table, column) in all)
        {
            if (ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite") m.Sql($"""ALTER TABLE "{table}" DROP COLUMN "{column}";""");
            else m.DropColumn(column, table);
        }
    }
}
