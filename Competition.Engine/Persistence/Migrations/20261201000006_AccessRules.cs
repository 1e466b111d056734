using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Competition.Engine.Persistence.Migrations;

/// <summary>
/// Access rules: exam-only (sealed) questions and banks, which drills never serve; and the indexes the access checks
/// read on every drill step and exam start (a worker's open attempts, a worker's contests, the contests of an exam).
/// </summary>
[DbContext(typeof(CompetitionDbContext))]
[Migration("20261201000006_AccessRules")]
public sealed class AccessRules : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<bool>("Sealed", "Questions", nullable: false, defaultValue: false);
        m.AddColumn<bool>("Sealed", "Trades", nullable: false, defaultValue: false);
        m.CreateIndex("IX_Attempts_WorkerId_State", "Attempts", ["WorkerId", "State"]);
        m.CreateIndex("IX_Contestants_WorkerId", "Contestants", "WorkerId");
        m.CreateIndex("IX_Rounds_ExamId", "Rounds", "ExamId");
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropIndex("IX_Rounds_ExamId", "Rounds");
        m.DropIndex("IX_Contestants_WorkerId", "Contestants");
        m.DropIndex("IX_Attempts_WorkerId_State", "Attempts");
        m.DropColumn("Sealed", "Trades");
        m.DropColumn("Sealed", "Questions");
    }
}
