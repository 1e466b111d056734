using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Competition.Engine.Persistence.Migrations;

/// <summary>
/// Accounts (Identity schema v1), organizations and the question bank. Written by hand and provider-neutral:
/// no store types, so SQLite and PostgreSQL each map the CLR types; identity columns carry both providers' annotations.
/// </summary>
[DbContext(typeof(CompetitionDbContext))]
[Migration("20261121000001_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("AspNetRoles", t => new
        {
            Id = t.Column<string>(nullable: false),
            Name = t.Column<string>(maxLength: 256, nullable: true),
            NormalizedName = t.Column<string>(maxLength: 256, nullable: true),
            ConcurrencyStamp = t.Column<string>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_AspNetRoles", x => x.Id));

        m.CreateTable("AspNetUsers", t => new
        {
            Id = t.Column<string>(nullable: false),
            DisplayName = t.Column<string>(maxLength: 64, nullable: false),
            CityCode = t.Column<string>(maxLength: 32, nullable: true),
            WorkerId = t.Column<Guid>(nullable: true),
            UserName = t.Column<string>(maxLength: 256, nullable: true),
            NormalizedUserName = t.Column<string>(maxLength: 256, nullable: true),
            Email = t.Column<string>(maxLength: 256, nullable: true),
            NormalizedEmail = t.Column<string>(maxLength: 256, nullable: true),
            EmailConfirmed = t.Column<bool>(nullable: false),
            PasswordHash = t.Column<string>(nullable: true),
            SecurityStamp = t.Column<string>(nullable: true),
            ConcurrencyStamp = t.Column<string>(nullable: true),
            PhoneNumber = t.Column<string>(nullable: true),
            PhoneNumberConfirmed = t.Column<bool>(nullable: false),
            TwoFactorEnabled = t.Column<bool>(nullable: false),
            LockoutEnd = t.Column<DateTimeOffset>(nullable: true),
            LockoutEnabled = t.Column<bool>(nullable: false),
            AccessFailedCount = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_AspNetUsers", x => x.Id));

        m.CreateTable("AspNetRoleClaims", t => new
        {
            Id = t.Column<int>(nullable: false)
                .Annotation("Sqlite:Autoincrement", true)
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
            RoleId = t.Column<string>(nullable: false),
            ClaimType = t.Column<string>(nullable: true),
            ClaimValue = t.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
            t.ForeignKey("FK_AspNetRoleClaims_AspNetRoles_RoleId", x => x.RoleId, "AspNetRoles", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("AspNetUserClaims", t => new
        {
            Id = t.Column<int>(nullable: false)
                .Annotation("Sqlite:Autoincrement", true)
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
            UserId = t.Column<string>(nullable: false),
            ClaimType = t.Column<string>(nullable: true),
            ClaimValue = t.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
            t.ForeignKey("FK_AspNetUserClaims_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("AspNetUserLogins", t => new
        {
            LoginProvider = t.Column<string>(nullable: false),
            ProviderKey = t.Column<string>(nullable: false),
            ProviderDisplayName = t.Column<string>(nullable: true),
            UserId = t.Column<string>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
            t.ForeignKey("FK_AspNetUserLogins_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("AspNetUserRoles", t => new
        {
            UserId = t.Column<string>(nullable: false),
            RoleId = t.Column<string>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
            t.ForeignKey("FK_AspNetUserRoles_AspNetRoles_RoleId", x => x.RoleId, "AspNetRoles", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_AspNetUserRoles_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("AspNetUserTokens", t => new
        {
            UserId = t.Column<string>(nullable: false),
            LoginProvider = t.Column<string>(nullable: false),
            Name = t.Column<string>(nullable: false),
            Value = t.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
            t.ForeignKey("FK_AspNetUserTokens_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("Cities", t => new
        {
            Code = t.Column<string>(maxLength: 32, nullable: false),
            Name = t.Column<string>(maxLength: 64, nullable: false),
            Province = t.Column<string>(maxLength: 32, nullable: false),
            IsG60 = t.Column<bool>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Cities", x => x.Code));

        m.CreateTable("Units", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            CityCode = t.Column<string>(maxLength: 32, nullable: false),
            Name = t.Column<string>(maxLength: 128, nullable: false),
            Kind = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Units", x => x.Id);
            t.ForeignKey("FK_Units_Cities_CityCode", x => x.CityCode, "Cities", "Code", onDelete: ReferentialAction.Restrict);
        });

        m.CreateTable("Workers", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Name = t.Column<string>(maxLength: 64, nullable: false),
            UnitId = t.Column<Guid>(nullable: false),
            Phone = t.Column<string>(maxLength: 20, nullable: true),
            EmployeeNumber = t.Column<string>(maxLength: 32, nullable: true),
            TradeCode = t.Column<string>(maxLength: 64, nullable: true),
            Level = t.Column<int>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Workers", x => x.Id);
            t.ForeignKey("FK_Workers_Units_UnitId", x => x.UnitId, "Units", "Id", onDelete: ReferentialAction.Restrict);
        });

        m.CreateTable("Trades", t => new
        {
            Code = t.Column<string>(maxLength: 64, nullable: false),
            Name = t.Column<string>(maxLength: 64, nullable: false),
            NameEn = t.Column<string>(maxLength: 128, nullable: false),
            Category = t.Column<string>(maxLength: 64, nullable: false),
            IsSynthetic = t.Column<bool>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Trades", x => x.Code));

        m.CreateTable("Questions", t => new
        {
            Id = t.Column<string>(maxLength: 80, nullable: false),
            TradeCode = t.Column<string>(maxLength: 64, nullable: false),
            Level = t.Column<int>(nullable: false),
            Type = t.Column<int>(nullable: false),
            Difficulty = t.Column<int>(nullable: false),
            Stem = t.Column<string>(nullable: false),
            KnowledgePoints = t.Column<string>(nullable: false),
            ContentJson = t.Column<string>(nullable: false),
            ContentHash = t.Column<string>(maxLength: 64, nullable: false),
            CurrentVersion = t.Column<int>(nullable: false),
            Source = t.Column<string>(maxLength: 32, nullable: false),
            IsSynthetic = t.Column<bool>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Questions", x => x.Id);
            t.ForeignKey("FK_Questions_Trades_TradeCode", x => x.TradeCode, "Trades", "Code", onDelete: ReferentialAction.Restrict);
        });

        m.CreateTable("QuestionVersions", t => new
        {
            QuestionId = t.Column<string>(maxLength: 80, nullable: false),
            Version = t.Column<int>(nullable: false),
            ContentJson = t.Column<string>(nullable: false),
            ContentHash = t.Column<string>(maxLength: 64, nullable: false),
            Source = t.Column<string>(maxLength: 32, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_QuestionVersions", x => new { x.QuestionId, x.Version });
            t.ForeignKey("FK_QuestionVersions_Questions_QuestionId", x => x.QuestionId, "Questions", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateIndex("IX_AspNetRoleClaims_RoleId", "AspNetRoleClaims", "RoleId");
        m.CreateIndex("RoleNameIndex", "AspNetRoles", "NormalizedName", unique: true);
        m.CreateIndex("IX_AspNetUserClaims_UserId", "AspNetUserClaims", "UserId");
        m.CreateIndex("IX_AspNetUserLogins_UserId", "AspNetUserLogins", "UserId");
        m.CreateIndex("IX_AspNetUserRoles_RoleId", "AspNetUserRoles", "RoleId");
        m.CreateIndex("EmailIndex", "AspNetUsers", "NormalizedEmail");
        m.CreateIndex("UserNameIndex", "AspNetUsers", "NormalizedUserName", unique: true);
        m.CreateIndex("IX_Questions_TradeCode_Level_Type", "Questions", ["TradeCode", "Level", "Type"]);
        m.CreateIndex("IX_Units_CityCode_Name", "Units", ["CityCode", "Name"], unique: true);
        m.CreateIndex("IX_Workers_UnitId", "Workers", "UnitId");
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "AspNetRoleClaims", "AspNetUserClaims", "AspNetUserLogins", "AspNetUserRoles", "AspNetUserTokens",
                     "AspNetRoles", "AspNetUsers", "QuestionVersions", "Questions", "Trades", "Workers", "Units", "Cities" })
            m.DropTable(table);
    }
}
