using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Competition.Engine.Persistence.Migrations;

/// <summary>
/// An organizer's edit keeps precedence over the shipped banks: questions remember whether an organizer's import wrote
/// their current text and the shipped text it differs from; versions remember who imported them. Questions whose
/// current version came from an import are held from now on (before, the next start replaced them with the file's text).
/// </summary>
[DbContext(typeof(CompetitionDbContext))]
[Migration("20261201000008_ImportSafety")]
public sealed class ImportSafety : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<bool>("HeldByOrganizer", "Questions", nullable: false, defaultValue: false);
        m.AddColumn<string>("ShippedContentJson", "Questions", nullable: true);
        m.AddColumn<string>("ShippedHash", "Questions", maxLength: 64, nullable: true);
        m.AddColumn<string>("CreatedBy", "QuestionVersions", maxLength: 256, nullable: true);
        m.Sql("UPDATE \"Questions\" SET \"HeldByOrganizer\" = TRUE WHERE \"Source\" = 'import'");
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropColumn("CreatedBy", "QuestionVersions");
        m.DropColumn("ShippedHash", "Questions");
        m.DropColumn("ShippedContentJson", "Questions");
        m.DropColumn("HeldByOrganizer", "Questions");
    }
}
