using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityExchange.Web.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ImportYearZeroIsNoYear : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Hand-written, data only: a rejected upload without a readable year was recorded as year 0, and is now
            // recorded with no year. Separate from ImportYearOptionalAndOriginalFile because SQLite rebuilds the table
            // to make the column nullable only at the end of that migration.
            migrationBuilder.Sql("UPDATE \"Imports\" SET \"Year\" = NULL WHERE \"Year\" = 0;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE \"Imports\" SET \"Year\" = 0 WHERE \"Year\" IS NULL;");
        }
    }
}
