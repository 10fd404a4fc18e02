using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CityExchange.Web.Store;

/// <summary>
/// Lets <c>dotnet ef migrations add X --context SqliteCityExchangeDbContext -o Store/Migrations/Sqlite</c> build the
/// model without starting the app (nothing connects to a database).
/// </summary>
internal sealed class SqliteDesignTimeDbContextFactory : IDesignTimeDbContextFactory<SqliteCityExchangeDbContext>
{
    public SqliteCityExchangeDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCityExchangeDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>
/// Lets <c>dotnet ef migrations add X --context PostgresCityExchangeDbContext -o Store/Migrations/Postgres</c> and
/// <c>dotnet ef migrations script --idempotent --context PostgresCityExchangeDbContext</c> run without a server.
/// </summary>
internal sealed class PostgresDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgresCityExchangeDbContext>
{
    public PostgresCityExchangeDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresCityExchangeDbContext>().UseNpgsql("Host=localhost;Database=cityexchange").Options);
}
