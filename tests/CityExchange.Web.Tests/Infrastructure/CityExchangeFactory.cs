using CityExchange.Web.Store;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityExchange.Web.Tests.Infrastructure;

/// <summary>
/// The app on a real SQLite file of its own, seeded with the bundled data, with an API token set.
/// Shared by every test class in the "web" collection; tests that write use years of their own.
/// </summary>
public sealed class CityExchangeFactory : WebApplicationFactory<Program>
{
    public const string ApiToken = "test-token-0123456789";

    /// <summary>The first admin, created from configuration at start-up (tests only; the app has no default).</summary>
    public const string AdminEmail = "admin@cityexchange.test";

    public const string AdminPassword = "test-admin-passphrase-2070";

    public string DatabasePath { get; } = Path.Combine(Path.GetTempPath(), $"cityexchange-tests-{Guid.NewGuid():N}.db");

    public string ConnectionString => new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Import:ApiToken", ApiToken);
        builder.UseSetting("Admin:Email", AdminEmail);
        builder.UseSetting("Admin:Password", AdminPassword);
        builder.ConfigureServices(services =>
            services.ConfigureDbContext<CityExchangeDbContext>(options => options.UseSqlite(ConnectionString)));
    }

    public HttpClient CreateClientWithToken(string? token = ApiToken)
    {
        var client = CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>A fresh DbContext on the test database, for asserting what is stored.</summary>
    public CityExchangeDbContext CreateDbContext() =>
        new(new DbContextOptionsBuilder<CityExchangeDbContext>().UseSqlite(ConnectionString).Options);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(DatabasePath + suffix);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class WebTestGroup : ICollectionFixture<CityExchangeFactory>
{
    public const string Name = "web";
}
