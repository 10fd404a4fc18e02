using CityExchange.Web.Store;
using CityExchange.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityExchange.Web.Tests.Providers;

/// <summary>
/// What the per-year serialisation relies on for SQLite: EF Core's BeginTransaction on Microsoft.Data.Sqlite is
/// <c>BEGIN IMMEDIATE</c> (the write lock is taken at once, not at the first write), and a second writer waits for
/// the busy timeout (Default Timeout) before giving up.
/// </summary>
[Collection(WebTestGroup.Name)]
public sealed class SqliteLockingTests(CityExchangeFactory factory)
{
    [Fact]
    public async Task BeginTransaction_TakesTheWriteLockAtOnce_SoASecondWriterWaitsThenFails()
    {
        _ = factory.Services; // the app has started, so the database exists
        var busy = new SqliteConnectionStringBuilder(((SqliteTestDatabase)factory.Database).ConnectionString) { DefaultTimeout = 1 }.ToString();
        await using var first = Context(busy);
        await using var second = Context(busy);

        await using var held = await first.Database.BeginTransactionAsync();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var refused = await Assert.ThrowsAsync<SqliteException>(() => second.Database.BeginTransactionAsync());

        Assert.Equal(5, refused.SqliteErrorCode); // SQLITE_BUSY
        Assert.True(waited.Elapsed >= TimeSpan.FromSeconds(0.9), $"gave up after {waited.Elapsed}");
        // Readers are not blocked by the writer (WAL).
        Assert.True(await second.Set<DataYear>().AnyAsync());
    }

    [Fact]
    public async Task TheAppsConnection_HasWalAndAnExplicitBusyTimeout()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = (SqliteCityExchangeDbContext)scope.ServiceProvider.GetRequiredService<CityExchangeDbContext>();
        await db.Database.OpenConnectionAsync();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
        Assert.Equal(30, connection.DefaultTimeout);
    }

    private static SqliteCityExchangeDbContext Context(string connectionString) =>
        new(new DbContextOptionsBuilder<SqliteCityExchangeDbContext>().UseSqlite(connectionString).Options);
}
