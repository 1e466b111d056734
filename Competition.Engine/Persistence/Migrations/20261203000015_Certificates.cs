using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Competition.Engine.Persistence.Migrations;

/// <summary>Certificates: one per award line of a public result version, found by its verification code; revocable with a reason.</summary>
[DbContext(typeof(CompetitionDbContext))]
[Migration("20261203000015_Certificates")]
public sealed class Certificates : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("Certificates", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Code = t.Column<string>(maxLength: 10, nullable: false),
            VersionId = t.Column<Guid>(nullable: false),
            ContestId = t.Column<Guid>(nullable: false),
            Group = t.Column<string>(maxLength: 64, nullable: false),
            Number = t.Column<string>(maxLength: 32, nullable: false),
            Name = t.Column<string>(maxLength: 64, nullable: false),
            Unit = t.Column<string>(maxLength: 128, nullable: false),
            Award = t.Column<int>(nullable: false),
            Rank = t.Column<int>(nullable: true),
            IssuedAt = t.Column<DateTime>(nullable: false),
            RevokedAt = t.Column<DateTime>(nullable: true),
            RevokedBy = t.Column<string>(maxLength: 64, nullable: true),
            RevokeReason = t.Column<string>(maxLength: 200, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Certificates", x => x.Id);
            t.ForeignKey("FK_Certificates_ResultVersions_VersionId", x => x.VersionId, "ResultVersions", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_Certificates_Code", "Certificates", "Code", unique: true);
        m.CreateIndex("IX_Certificates_VersionId", "Certificates", "VersionId");
        m.CreateIndex("IX_Certificates_ContestId", "Certificates", "ContestId");
    }

    protected override void Down(MigrationBuilder m) => m.DropTable("Certificates");
}
