using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Competition.Engine.Persistence.Migrations;

/// <summary>Exams (blueprints, papers, attempts, answers) and drills (sessions, per-question records, wrong-answer book).</summary>
[DbContext(typeof(CompetitionDbContext))]
[Migration("20261121000003_ExamsAndPractice")]
public sealed class ExamsAndPractice : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("Exams", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Title = t.Column<string>(maxLength: 200, nullable: false),
            CityCode = t.Column<string>(maxLength: 32, nullable: false),
            BlueprintJson = t.Column<string>(nullable: false),
            DurationMinutes = t.Column<int>(nullable: false),
            OpensAt = t.Column<DateTime>(nullable: false),
            ClosesAt = t.Column<DateTime>(nullable: false),
            AttemptsAllowed = t.Column<int>(nullable: false),
            PassMark = t.Column<double>(nullable: false),
            MaxScore = t.Column<double>(nullable: false),
            Overdue = t.Column<int>(nullable: false),
            GraceMinutes = t.Column<int>(nullable: false),
            ShuffleQuestions = t.Column<bool>(nullable: false),
            ShuffleOptions = t.Column<bool>(nullable: false),
            Review = t.Column<int>(nullable: false),
            MultipleScoring = t.Column<int>(nullable: false),
            IsPractice = t.Column<bool>(nullable: false),
            Status = t.Column<int>(nullable: false),
            CreatedBy = t.Column<string>(maxLength: 256, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Exams", x => x.Id));

        m.CreateTable("Papers", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            ExamId = t.Column<Guid>(nullable: false),
            WorkerId = t.Column<Guid>(nullable: true),
            AttemptNo = t.Column<int>(nullable: false),
            Seed = t.Column<int>(nullable: false),
            ItemsJson = t.Column<string>(nullable: false),
            MeanDifficulty = t.Column<double>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Papers", x => x.Id);
            t.ForeignKey("FK_Papers_Exams_ExamId", x => x.ExamId, "Exams", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("Attempts", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            ExamId = t.Column<Guid>(nullable: false),
            WorkerId = t.Column<Guid>(nullable: false),
            PaperId = t.Column<Guid>(nullable: false),
            AttemptNo = t.Column<int>(nullable: false),
            State = t.Column<int>(nullable: false),
            StartedAt = t.Column<DateTime>(nullable: false),
            Deadline = t.Column<DateTime>(nullable: false),
            CloseAt = t.Column<DateTime>(nullable: false),
            SubmittedAt = t.Column<DateTime>(nullable: true),
            Score = t.Column<double>(nullable: true),
            MaxScore = t.Column<double>(nullable: false),
            PendingMarks = t.Column<int>(nullable: false),
            ItemScoresJson = t.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Attempts", x => x.Id);
            t.ForeignKey("FK_Attempts_Exams_ExamId", x => x.ExamId, "Exams", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_Attempts_Papers_PaperId", x => x.PaperId, "Papers", "Id", onDelete: ReferentialAction.Restrict);
        });

        m.CreateTable("AttemptAnswers", t => new
        {
            AttemptId = t.Column<Guid>(nullable: false),
            Item = t.Column<int>(nullable: false),
            Response = t.Column<string>(nullable: false),
            Flagged = t.Column<bool>(nullable: false),
            Sequence = t.Column<long>(nullable: false),
            SavedAt = t.Column<DateTime>(nullable: false),
            Awarded = t.Column<double>(nullable: true),
            NeedsMarking = t.Column<bool>(nullable: false),
            MarkedBy = t.Column<string>(maxLength: 256, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AttemptAnswers", x => new { x.AttemptId, x.Item });
            t.ForeignKey("FK_AttemptAnswers_Attempts_AttemptId", x => x.AttemptId, "Attempts", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("PracticeSessions", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            WorkerId = t.Column<Guid>(nullable: false),
            UnitId = t.Column<Guid>(nullable: false),
            CityCode = t.Column<string>(maxLength: 32, nullable: false),
            TradeCode = t.Column<string>(maxLength: 64, nullable: false),
            Level = t.Column<int>(nullable: true),
            Mode = t.Column<int>(nullable: false),
            KnowledgePoint = t.Column<string>(maxLength: 128, nullable: true),
            StartedAt = t.Column<DateTime>(nullable: false),
            LastActivityAt = t.Column<DateTime>(nullable: false),
            Answered = t.Column<int>(nullable: false),
            Correct = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_PracticeSessions", x => x.Id));

        m.CreateTable("PracticeRecords", t => new
        {
            WorkerId = t.Column<Guid>(nullable: false),
            QuestionId = t.Column<string>(maxLength: 80, nullable: false),
            TradeCode = t.Column<string>(maxLength: 64, nullable: false),
            Level = t.Column<int>(nullable: false),
            KnowledgePoints = t.Column<string>(nullable: false),
            Seen = t.Column<int>(nullable: false),
            Correct = t.Column<int>(nullable: false),
            LastCorrect = t.Column<bool>(nullable: false),
            LastAnsweredAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_PracticeRecords", x => new { x.WorkerId, x.QuestionId }));

        m.CreateTable("WrongBookEntries", t => new
        {
            WorkerId = t.Column<Guid>(nullable: false),
            QuestionId = t.Column<string>(maxLength: 80, nullable: false),
            TradeCode = t.Column<string>(maxLength: 64, nullable: false),
            AddedAt = t.Column<DateTime>(nullable: false),
            WrongCount = t.Column<int>(nullable: false),
            FirstRightDay = t.Column<DateOnly>(nullable: true),
            MasteredAt = t.Column<DateTime>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_WrongBookEntries", x => new { x.WorkerId, x.QuestionId }));

        m.CreateIndex("IX_AttemptAnswers_NeedsMarking", "AttemptAnswers", "NeedsMarking");
        m.CreateIndex("IX_Attempts_PaperId", "Attempts", "PaperId");
        m.CreateIndex("IX_Attempts_State_Deadline", "Attempts", ["State", "Deadline"]);
        m.CreateIndex("IX_Attempts_ExamId_WorkerId_AttemptNo", "Attempts", ["ExamId", "WorkerId", "AttemptNo"], unique: true);
        m.CreateIndex("IX_Exams_Status_OpensAt", "Exams", ["Status", "OpensAt"]);
        m.CreateIndex("IX_Papers_ExamId_WorkerId_AttemptNo", "Papers", ["ExamId", "WorkerId", "AttemptNo"]);
        m.CreateIndex("IX_PracticeRecords_WorkerId_TradeCode", "PracticeRecords", ["WorkerId", "TradeCode"]);
        m.CreateIndex("IX_PracticeSessions_StartedAt", "PracticeSessions", "StartedAt");
        m.CreateIndex("IX_PracticeSessions_WorkerId_StartedAt", "PracticeSessions", ["WorkerId", "StartedAt"]);
        m.CreateIndex("IX_WrongBookEntries_WorkerId_MasteredAt", "WrongBookEntries", ["WorkerId", "MasteredAt"]);
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "AttemptAnswers", "Attempts", "Papers", "Exams", "PracticeSessions", "PracticeRecords", "WrongBookEntries" })
            m.DropTable(table);
    }
}
