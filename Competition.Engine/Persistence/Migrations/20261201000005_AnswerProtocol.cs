using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Competition.Engine.Persistence.Migrations;

/// <summary>
/// The answer-save protocol: an answer's version is issued by the server (the client-numbered "Sequence" becomes
/// "Version"), and each answer records the browser that wrote it and that browser's own count. Attempts get a row
/// version so concurrent changes to their item scores are detected.
/// </summary>
[DbContext(typeof(CompetitionDbContext))]
[Migration("20261201000005_AnswerProtocol")]
public sealed class AnswerProtocol : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.RenameColumn("Sequence", "AttemptAnswers", "Version");
        // Old numbers came from client clocks (or worse); the answers stored are what counts, each now at version 1.
        m.Sql("""UPDATE "AttemptAnswers" SET "Version" = 1""");
        m.AddColumn<string>("Writer", "AttemptAnswers", maxLength: 64, nullable: true);
        m.AddColumn<long>("WriterSeq", "AttemptAnswers", nullable: false, defaultValue: 0L);
        m.AddColumn<int>("RowVersion", "Attempts", nullable: false, defaultValue: 0);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropColumn("RowVersion", "Attempts");
        m.DropColumn("WriterSeq", "AttemptAnswers");
        m.DropColumn("Writer", "AttemptAnswers");
        m.RenameColumn("Version", "AttemptAnswers", "Sequence");
    }
}
