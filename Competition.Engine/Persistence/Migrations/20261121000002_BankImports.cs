using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Competition.Engine.Persistence.Migrations;

/// <summary>Import history: who imported which file into which trade's bank, and what it changed.</summary>
[DbContext(typeof(CompetitionDbContext))]
[Migration("20261121000002_BankImports")]
public sealed class BankImports : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("BankImports", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TradeCode = t.Column<string>(maxLength: 64, nullable: false),
            FileName = t.Column<string>(maxLength: 260, nullable: false),
            Format = t.Column<string>(maxLength: 8, nullable: false),
            Rows = t.Column<int>(nullable: false),
            Added = t.Column<int>(nullable: false),
            Revised = t.Column<int>(nullable: false),
            Unchanged = t.Column<int>(nullable: false),
            ImportedBy = t.Column<string>(maxLength: 256, nullable: false),
            ImportedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_BankImports", x => x.Id));
        m.CreateIndex("IX_BankImports_TradeCode_ImportedAt", "BankImports", ["TradeCode", "ImportedAt"]);
    }

    protected override void Down(MigrationBuilder m) => m.DropTable("BankImports");
}
