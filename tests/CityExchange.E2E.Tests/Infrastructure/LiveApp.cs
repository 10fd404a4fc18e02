using CityExchange.Web.Store;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityExchange.E2E.Tests.Infrastructure;

/// <summary>The app served by Kestrel on a free loopback port, with a fresh SQLite database seeded from data/.</summary>
public sealed class LiveApp : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@e2e.test";
    public const string AdminPassword = "E2e-Admin-Passw0rd!";
    public const string ApiToken = "e2e-token-0123456789";

    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"cityexchange-e2e-{Guid.NewGuid():N}.db");

    public LiveApp()
    {
        // A port chosen before start-up, so that Site:PublicUrl (og:image, share links) can name the app's own address.
        _port = FreePort();
        UseKestrel(_port);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
    }

    public string BaseUrl { get; }

    private readonly int _port;

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var connection = new SqliteConnectionStringBuilder { DataSource = _databasePath, Pooling = false }.ToString();
        builder.UseEnvironment("Testing");
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("Import:ApiToken", ApiToken);
        builder.UseSetting("Site:PublicUrl", $"http://127.0.0.1:{_port}");
        builder.UseSetting("Admin:Email", AdminEmail);
        builder.UseSetting("Admin:Password", AdminPassword);
        // Every test signs in and uploads from one address: limits generous enough never to be reached.
        builder.UseSetting("RateLimits:LoginAttemptsPerMinute", "100000");
        builder.UseSetting("RateLimits:UploadsPerMinute", "100000");
        builder.UseSetting("RateLimits:RequestsPerSecondPerClient", "100000");
        builder.UseSetting("RateLimits:RequestBurstPerClient", "100000");
        builder.UseSetting("RateLimits:FailedTokenAttemptsPerMinute", "100000");
        builder.ConfigureServices(services =>
            services.ConfigureDbContext<SqliteCityExchangeDbContext>(options => options.UseSqlite(connection)));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_databasePath + suffix);
        }
    }
}
