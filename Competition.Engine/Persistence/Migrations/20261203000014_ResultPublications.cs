using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Competition.Engine.Persistence.Migrations;

/// <summary>Published results: immutable versions with their content hash, sign-offs and 公示 period, and the objections to them.</summary>
[DbContext(typeof(CompetitionDbContext))]
[Migration("20261203000014_ResultPublications")]
public sealed class ResultPublications : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("ResultVersions", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            ContestId = t.Column<Guid>(nullable: false),
            Number = t.Column<int>(nullable: false),
            State = t.Column<int>(nullable: false),
            ContentJson = t.Column<string>(nullable: false),
            ContentHash = t.Column<string>(maxLength: 64, nullable: false),
            RuleJson = t.Column<string>(nullable: false),
            CreatedBy = t.Column<string>(maxLength: 64, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            CorrectionReason = t.Column<string>(maxLength: 500, nullable: true),
            SupersedesId = t.Column<Guid>(nullable: true),
            ChiefJudgeSignature = t.Column<string>(maxLength: 64, nullable: true),
            ChiefJudgeSignedAt = t.Column<DateTime>(nullable: true),
            OrganizerSignature = t.Column<string>(maxLength: 64, nullable: true),
            OrganizerSignedAt = t.Column<DateTime>(nullable: true),
            NoticeStartsAt = t.Column<DateTime>(nullable: true),
            NoticeEndsAt = t.Column<DateTime>(nullable: true),
            NoticeWorkingDays = t.Column<int>(nullable: false),
            FinalizedAt = t.Column<DateTime>(nullable: true),
            SupersededAt = t.Column<DateTime>(nullable: true),
            RowVersion = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ResultVersions", x => x.Id);
            t.ForeignKey("FK_ResultVersions_Contests_ContestId", x => x.ContestId, "Contests", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_ResultVersions_ContestId_Number", "ResultVersions", ["ContestId", "Number"], unique: true);

        m.CreateTable("ResultObjections", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            VersionId = t.Column<Guid>(nullable: false),
            Name = t.Column<string>(maxLength: 64, nullable: false),
            Contact = t.Column<string>(maxLength: 64, nullable: true),
            Reason = t.Column<string>(maxLength: 1000, nullable: false),
            FiledAt = t.Column<DateTime>(nullable: false),
            Answer = t.Column<string>(maxLength: 1000, nullable: true),
            AnsweredBy = t.Column<string>(maxLength: 64, nullable: true),
            AnsweredAt = t.Column<DateTime>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ResultObjections", x => x.Id);
            t.ForeignKey("FK_ResultObjections_ResultVersions_VersionId", x => x.VersionId, "ResultVersions", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_ResultObjections_VersionId", "ResultObjections", "VersionId");
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("ResultObjections");
        m.DropTable("ResultVersions");
    }
}
