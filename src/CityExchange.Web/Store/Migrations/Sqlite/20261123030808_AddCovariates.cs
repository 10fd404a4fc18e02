using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityExchange.Web.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddCovariates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CovariateValues",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CovariateValues", x => new { x.Year, x.CityCode, x.Code });
                    table.ForeignKey(
                        name: "FK_CovariateValues_Cities_CityCode",
                        column: x => x.CityCode,
                        principalTable: "Cities",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CovariateValues_CityCode",
                table: "CovariateValues",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_CovariateValues_Year_Code",
                table: "CovariateValues",
                columns: new[] { "Year", "Code" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CovariateValues");
        }
    }
}
