using CityExchange.Web.Store;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CityExchange.Web.Tests.Infrastructure;

/// <summary>
/// The app on a real database of its own (a SQLite temp file unless told otherwise), seeded with the bundled data,
/// with an API token set. Shared by every test class in the "web" collection; tests that write use years of their own.
/// Rate limits are generous here so hundreds of tests never hit them; the rate-limit tests set tight ones.
/// </summary>
public sealed class CityExchangeFactory : WebApplicationFactory<Program>
{
    public const string ApiToken = "test-token-0123456789";

    /// <summary>The first admin, created from configuration at start-up (tests only; the app has no default).</summary>
    public const string AdminEmail = "admin@cityexchange.test";

    public const string AdminPassword = "test-admin-passphrase-2070";

    public CityExchangeFactory()
        : this(new SqliteTestDatabase())
    {
    }

    /// <summary>On a database of the caller's (internal: xunit wants one public constructor on a fixture).</summary>
    internal CityExchangeFactory(TestDatabase database) => Database = database;

    public TestDatabase Database { get; }

    public DatabaseProvider Provider => Database.Provider;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Import:ApiToken", ApiToken);
        builder.UseSetting("Admin:Email", AdminEmail);
        builder.UseSetting("Admin:Password", AdminPassword);
        builder.UseSetting("RateLimits:FailedTokenAttemptsPerMinute", "100000");
        builder.UseSetting("RateLimits:LoginAttemptsPerMinute", "100000");
        builder.UseSetting("RateLimits:UploadsPerMinute", "100000");
        builder.UseSetting("RateLimits:RequestsPerSecondPerClient", "100000");
        builder.UseSetting("RateLimits:RequestBurstPerClient", "100000");
        Database.Configure(builder);
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
    public CityExchangeDbContext CreateDbContext() => Database.CreateDbContext();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class WebTestGroup : ICollectionFixture<CityExchangeFactory>
{
    public const string Name = "web";
}
