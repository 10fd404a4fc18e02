using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityExchange.Web.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Cities",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    NameZh = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ProvinceZh = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ProvinceEn = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    RegionZh = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RegionEn = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    EastWest = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    NorthSouth = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cities", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "DataYears",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataYears", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "Domains",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    NameZh = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Domains", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "Imports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    User = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Rows = table.Column<int>(type: "INTEGER", nullable: false),
                    Values = table.Column<int>(type: "INTEGER", nullable: false),
                    Errors = table.Column<int>(type: "INTEGER", nullable: false),
                    RestoredFromId = table.Column<long>(type: "INTEGER", nullable: true),
                    Snapshot = table.Column<byte[]>(type: "BLOB", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Imports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PublishedScores",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Social = table.Column<double>(type: "REAL", nullable: true),
                    Culture = table.Column<double>(type: "REAL", nullable: true),
                    Trade = table.Column<double>(type: "REAL", nullable: true),
                    Politics = table.Column<double>(type: "REAL", nullable: true),
                    OverallRank = table.Column<int>(type: "INTEGER", nullable: true),
                    SocialRank = table.Column<int>(type: "INTEGER", nullable: true),
                    CultureRank = table.Column<int>(type: "INTEGER", nullable: true),
                    TradeRank = table.Column<int>(type: "INTEGER", nullable: true),
                    PoliticsRank = table.Column<int>(type: "INTEGER", nullable: true),
                    Cluster = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublishedScores", x => new { x.Year, x.CityCode });
                    table.ForeignKey(
                        name: "FK_PublishedScores_Cities_CityCode",
                        column: x => x.CityCode,
                        principalTable: "Cities",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PublishedScores_DataYears_Year",
                        column: x => x.Year,
                        principalTable: "DataYears",
                        principalColumn: "Year",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Indicators",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Domain = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    NameZh = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Polarity = table.Column<int>(type: "INTEGER", nullable: false),
                    DefinitionZh = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    TypicalSourceZh = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Indicators", x => x.Code);
                    table.ForeignKey(
                        name: "FK_Indicators_Domains_Domain",
                        column: x => x.Domain,
                        principalTable: "Domains",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorValues",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IndicatorCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: false),
                    SourceNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorValues", x => new { x.Year, x.CityCode, x.IndicatorCode });
                    table.ForeignKey(
                        name: "FK_IndicatorValues_Cities_CityCode",
                        column: x => x.CityCode,
                        principalTable: "Cities",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IndicatorValues_DataYears_Year",
                        column: x => x.Year,
                        principalTable: "DataYears",
                        principalColumn: "Year",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IndicatorValues_Indicators_IndicatorCode",
                        column: x => x.IndicatorCode,
                        principalTable: "Indicators",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Imports_Year_CreatedAt",
                table: "Imports",
                columns: new[] { "Year", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_Domain",
                table: "Indicators",
                column: "Domain");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorValues_CityCode_Year",
                table: "IndicatorValues",
                columns: new[] { "CityCode", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorValues_IndicatorCode",
                table: "IndicatorValues",
                column: "IndicatorCode");

            migrationBuilder.CreateIndex(
                name: "IX_PublishedScores_CityCode",
                table: "PublishedScores",
                column: "CityCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Imports");

            migrationBuilder.DropTable(
                name: "IndicatorValues");

            migrationBuilder.DropTable(
                name: "PublishedScores");

            migrationBuilder.DropTable(
                name: "Indicators");

            migrationBuilder.DropTable(
                name: "Cities");

            migrationBuilder.DropTable(
                name: "DataYears");

            migrationBuilder.DropTable(
                name: "Domains");
        }
    }
}
