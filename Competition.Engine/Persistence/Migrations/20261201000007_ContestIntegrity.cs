using Competition.Engine.Judging;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Competition.Engine.Persistence.Migrations;

/// <summary>
/// Contest integrity: the moments a contest actually started, froze and ended (the board freezes at the real moment,
/// not the schedule); the clock's next-due time so it reads only what is due; reveal progress per group; and a slot
/// per item mark, unique per item, so an item never holds more marks than it has judges, even when two arrive at once.
/// </summary>
[DbContext(typeof(CompetitionDbContext))]
[Migration("20261201000007_ContestIntegrity")]
public sealed class ContestIntegrity : Migration
{
    private const int Scheduled = (int)ContestPhase.Scheduled, Running = (int)ContestPhase.Running, Frozen = (int)ContestPhase.Frozen,
        Ended = (int)ContestPhase.Ended;

    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<DateTime>("StartedAt", "Contests", nullable: true);
        m.AddColumn<DateTime>("FrozenAt", "Contests", nullable: true);
        m.AddColumn<DateTime>("EndedAt", "Contests", nullable: true);
        m.AddColumn<DateTime>("NextDueAt", "Contests", nullable: true);
        m.AddColumn<string>("RevealProgress", "Contests", maxLength: 2000, nullable: false, defaultValue: "");
        // Before this, phases kept no moments: the schedule is the best record of when a step was taken (and is what
        // the board used); a contest revealed in part keeps its count for every group ("*").
        m.Sql($$"""
            UPDATE "Contests" SET
              "StartedAt" = CASE WHEN "Phase" >= {{Running}} THEN "StartsAt" END,
              "FrozenAt" = CASE WHEN "Phase" >= {{Frozen}} AND "FreezeAt" IS NOT NULL THEN "FreezeAt" END,
              "EndedAt" = CASE WHEN "Phase" >= {{Ended}} THEN "EndsAt" END,
              "NextDueAt" = CASE "Phase" WHEN {{Scheduled}} THEN "StartsAt" WHEN {{Running}} THEN COALESCE("FreezeAt", "EndsAt") WHEN {{Frozen}} THEN "EndsAt" END,
              "RevealProgress" = CASE WHEN "RevealedSteps" > 0 THEN '{"*":' || "RevealedSteps" || '}' ELSE '' END
            """);
        DropColumn(m, "RevealedSteps", "Contests");
        DropColumn(m, "RevealComplete", "Contests");
        m.CreateIndex("IX_Contests_NextDueAt", "Contests", "NextDueAt");
        m.CreateIndex("IX_Rounds_MarkingLocked_EndsAt", "Rounds", ["MarkingLocked", "EndsAt"]);

        m.AddColumn<int>("Slot", "ItemMarks", nullable: false, defaultValue: 0);
        // Existing marks are numbered in the order they were given; an item already over-full keeps its extra marks
        // (numbered past its judge count) and is shown as needing the chief judge, never as a server error.
        m.Sql("""
            UPDATE "ItemMarks" SET "Slot" = (
              SELECT COUNT(*) FROM "ItemMarks" o
              WHERE o."ContestantId" = "ItemMarks"."ContestantId" AND o."TaskId" = "ItemMarks"."TaskId" AND o."ItemCode" = "ItemMarks"."ItemCode"
                AND (o."MarkedAt" < "ItemMarks"."MarkedAt" OR (o."MarkedAt" = "ItemMarks"."MarkedAt" AND o."Id" <= "ItemMarks"."Id")))
            """);
        m.CreateIndex("IX_ItemMarks_ContestantId_TaskId_ItemCode_Slot", "ItemMarks", ["ContestantId", "TaskId", "ItemCode", "Slot"], unique: true);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropIndex("IX_ItemMarks_ContestantId_TaskId_ItemCode_Slot", "ItemMarks");
        DropColumn(m, "Slot", "ItemMarks");
        m.DropIndex("IX_Rounds_MarkingLocked_EndsAt", "Rounds");
        m.DropIndex("IX_Contests_NextDueAt", "Contests");
        m.AddColumn<int>("RevealedSteps", "Contests", nullable: false, defaultValue: 0);
        m.AddColumn<bool>("RevealComplete", "Contests", nullable: false, defaultValue: false);
        foreach (var column in new[] { "StartedAt", "FrozenAt", "EndedAt", "NextDueAt", "RevealProgress" }) DropColumn(m, column, "Contests");
    }

    /// <summary>EF's SQLite provider refuses DropColumn without a model snapshot; SQLite itself (3.35+) drops an unindexed column.</summary>
    private void DropColumn(MigrationBuilder m, string column, string table)
    {
        if (ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite") m.Sql($"ALTER TABLE \"{table}\" DROP COLUMN \"{column}\";");
        else m.DropColumn(column, table);
    }
}
