using CityExchange.Web.Store;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CityExchange.Web.Tests.Infrastructure;

/// <summary>A database of a test factory's own: a temp SQLite file, or a fresh PostgreSQL database dropped at dispose.</summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public abstract DatabaseProvider Provider { get; }

    public abstract string ConnectionString { get; }

    /// <summary>Points the app at this database (registrations stay as the app made them; only options change).</summary>
    public abstract void Configure(IWebHostBuilder builder);

    /// <summary>A fresh DbContext on the database, for asserting what is stored.</summary>
    public abstract CityExchangeDbContext CreateDbContext();

    public abstract ValueTask DisposeAsync();

    /// <summary>A new database of the provider; PostgreSQL needs <see cref="PostgresServer"/> to be available.</summary>
    public static TestDatabase Create(DatabaseProvider provider) =>
        provider == DatabaseProvider.Postgres ? new PostgresTestDatabase() : new SqliteTestDatabase();
}

public sealed class SqliteTestDatabase : TestDatabase
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"cityexchange-tests-{Guid.NewGuid():N}.db");

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override string ConnectionString => new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString();

    public override void Configure(IWebHostBuilder builder) => builder.ConfigureServices(services =>
        services.ConfigureDbContext<SqliteCityExchangeDbContext>(options => options.UseSqlite(ConnectionString)));

    public override CityExchangeDbContext CreateDbContext() =>
        new SqliteCityExchangeDbContext(new DbContextOptionsBuilder<SqliteCityExchangeDbContext>().UseSqlite(ConnectionString).Options);

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(Path + suffix);
        }

        return ValueTask.CompletedTask;
    }
}

public sealed class PostgresTestDatabase : TestDatabase
{
    private readonly string _name = $"cityex_test_{Guid.NewGuid():N}";
    private bool _created;

    public PostgresTestDatabase()
    {
        ConnectionString = new NpgsqlConnectionStringBuilder(PostgresServer.RequireConnectionString()) { Database = _name }.ToString();
    }

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public override string ConnectionString { get; }

    public override void Configure(IWebHostBuilder builder)
    {
        EnsureCreated();
        builder.UseSetting("Database:Provider", nameof(DatabaseProvider.Postgres));
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting($"ConnectionStrings:{StoreSetup.ConnectionStringName}", ConnectionString);
    }

    public override CityExchangeDbContext CreateDbContext() =>
        new PostgresCityExchangeDbContext(new DbContextOptionsBuilder<PostgresCityExchangeDbContext>().UseNpgsql(ConnectionString).Options);

    public override async ValueTask DisposeAsync()
    {
        if (!_created)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(PostgresServer.RequireConnectionString());
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>Creates the (empty) database; the app does it when pointed at it, a test that migrates by hand calls it first.</summary>
    public void EnsureCreated()
    {
        if (_created)
        {
            return;
        }

        using var connection = new NpgsqlConnection(PostgresServer.RequireConnectionString());
        connection.Open();
        using var create = new NpgsqlCommand($"CREATE DATABASE \"{_name}\"", connection);
        create.ExecuteNonQuery();
        _created = true;
    }
}

/// <summary>
/// The PostgreSQL server the tests may use: <c>CITYEX_POSTGRES</c> (an Npgsql connection string with rights to create
/// databases; <c>scripts/start-postgres.sh</c> prints one). Without it, PostgreSQL tests are skipped — unless
/// <c>CITYEX_REQUIRE_POSTGRES=1</c> (as in CI), when they fail.
/// </summary>
public static class PostgresServer
{
    public const string Variable = "CITYEX_POSTGRES";
    public const string RequireVariable = "CITYEX_REQUIRE_POSTGRES";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    /// <summary>Call first in every PostgreSQL test: skips it when no server is configured and none is required.</summary>
    public static void SkipIfUnavailable()
    {
        if (ConnectionString is null && Required)
        {
            throw new InvalidOperationException($"{RequireVariable}=1 but {Variable} is not set: start a server with scripts/start-postgres.sh.");
        }

        Skip.If(ConnectionString is null, $"No PostgreSQL server configured: set {Variable} (e.g. export {Variable}=\"$(scripts/start-postgres.sh)\") to run this test.");
    }

    public static string RequireConnectionString() =>
        ConnectionString ?? throw new InvalidOperationException($"Set {Variable} to a PostgreSQL connection string.");
}
