using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Competition.Engine.Persistence.Migrations;

/// <summary>Live contests: rounds, contestants, practical tasks with marking schemes, judges, marks, sign-offs and the audit trail.</summary>
[DbContext(typeof(CompetitionDbContext))]
[Migration("20261121000004_Contests")]
public sealed class Contests : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("Contests", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Title = t.Column<string>(maxLength: 200, nullable: false),
            TradeCode = t.Column<string>(maxLength: 64, nullable: false),
            Level = t.Column<int>(nullable: false),
            CityCode = t.Column<string>(maxLength: 32, nullable: false),
            Groups = t.Column<string>(maxLength: 200, nullable: false),
            StartsAt = t.Column<DateTime>(nullable: false),
            FreezeAt = t.Column<DateTime>(nullable: true),
            EndsAt = t.Column<DateTime>(nullable: false),
            Phase = t.Column<int>(nullable: false),
            RevealedSteps = t.Column<int>(nullable: false),
            RevealComplete = t.Column<bool>(nullable: false),
            TieBreaks = t.Column<string>(maxLength: 200, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Contests", x => x.Id));

        m.CreateTable("Rounds", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            ContestId = t.Column<Guid>(nullable: false),
            Kind = t.Column<int>(nullable: false),
            Title = t.Column<string>(maxLength: 100, nullable: false),
            WeightPercent = t.Column<double>(nullable: false),
            StartsAt = t.Column<DateTime>(nullable: false),
            EndsAt = t.Column<DateTime>(nullable: false),
            ExamId = t.Column<Guid>(nullable: true),
            MaxScore = t.Column<double>(nullable: false),
            MarkingLocked = t.Column<bool>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Rounds", x => x.Id);
            t.ForeignKey("FK_Rounds_Contests_ContestId", x => x.ContestId, "Contests", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("Contestants", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            ContestId = t.Column<Guid>(nullable: false),
            Number = t.Column<string>(maxLength: 16, nullable: false),
            Name = t.Column<string>(maxLength: 64, nullable: false),
            UnitName = t.Column<string>(maxLength: 128, nullable: false),
            CityCode = t.Column<string>(maxLength: 32, nullable: false),
            Group = t.Column<string>(maxLength: 32, nullable: false),
            Team = t.Column<string>(maxLength: 64, nullable: true),
            WorkerId = t.Column<Guid>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Contestants", x => x.Id);
            t.ForeignKey("FK_Contestants_Contests_ContestId", x => x.ContestId, "Contests", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("PracticalTasks", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            RoundId = t.Column<Guid>(nullable: false),
            Title = t.Column<string>(maxLength: 200, nullable: false),
            Station = t.Column<string>(maxLength: 32, nullable: false),
            SchemeJson = t.Column<string>(nullable: false),
            MaxScore = t.Column<double>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_PracticalTasks", x => x.Id);
            t.ForeignKey("FK_PracticalTasks_Rounds_RoundId", x => x.RoundId, "Rounds", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("JudgeAssignments", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            ContestId = t.Column<Guid>(nullable: false),
            RoundId = t.Column<Guid>(nullable: false),
            Station = t.Column<string>(maxLength: 32, nullable: false),
            JudgeUserId = t.Column<string>(maxLength: 450, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_JudgeAssignments", x => x.Id));

        m.CreateTable("ItemMarks", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            ContestId = t.Column<Guid>(nullable: false),
            ContestantId = t.Column<Guid>(nullable: false),
            TaskId = t.Column<Guid>(nullable: false),
            ItemCode = t.Column<string>(maxLength: 32, nullable: false),
            JudgeUserId = t.Column<string>(maxLength: 450, nullable: false),
            Value = t.Column<double>(nullable: true),
            MarkedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_ItemMarks", x => x.Id));

        m.CreateTable("MarkAudits", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            ContestId = t.Column<Guid>(nullable: false),
            ContestantId = t.Column<Guid>(nullable: false),
            TaskId = t.Column<Guid>(nullable: false),
            ItemCode = t.Column<string>(maxLength: 32, nullable: false),
            JudgeUserId = t.Column<string>(maxLength: 450, nullable: false),
            OldValue = t.Column<double>(nullable: true),
            NewValue = t.Column<double>(nullable: false),
            By = t.Column<string>(maxLength: 256, nullable: false),
            Reason = t.Column<string>(maxLength: 500, nullable: true),
            At = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_MarkAudits", x => x.Id));

        m.CreateTable("TaskSignOffs", t => new
        {
            ContestantId = t.Column<Guid>(nullable: false),
            TaskId = t.Column<Guid>(nullable: false),
            SignedBy = t.Column<string>(maxLength: 256, nullable: false),
            SignedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_TaskSignOffs", x => new { x.ContestantId, x.TaskId }));

        m.CreateIndex("IX_Rounds_ContestId", "Rounds", "ContestId");
        m.CreateIndex("IX_Contestants_ContestId_Number", "Contestants", ["ContestId", "Number"], unique: true);
        m.CreateIndex("IX_PracticalTasks_RoundId", "PracticalTasks", "RoundId");
        m.CreateIndex("IX_JudgeAssignments_RoundId_Station_JudgeUserId", "JudgeAssignments", ["RoundId", "Station", "JudgeUserId"], unique: true);
        m.CreateIndex("IX_JudgeAssignments_JudgeUserId", "JudgeAssignments", "JudgeUserId");
        m.CreateIndex("IX_ItemMarks_ContestantId_TaskId_ItemCode_JudgeUserId", "ItemMarks", ["ContestantId", "TaskId", "ItemCode", "JudgeUserId"], unique: true);
        m.CreateIndex("IX_ItemMarks_ContestId", "ItemMarks", "ContestId");
        m.CreateIndex("IX_MarkAudits_ContestId_At", "MarkAudits", ["ContestId", "At"]);
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "TaskSignOffs", "MarkAudits", "ItemMarks", "JudgeAssignments", "PracticalTasks", "Contestants", "Rounds", "Contests" })
            m.DropTable(table);
    }
}
