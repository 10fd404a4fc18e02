using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CityExchange.Web.Store;

public static class StoreSetup
{
    public const string ConnectionStringName = "CityExchange";

    /// <summary>Registers the SQLite store. A relative database path is resolved against the content root and its folder created.</summary>
    public static IServiceCollection AddCityExchangeStore(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration.GetConnectionString(ConnectionStringName) ?? "Data Source=App_Data/cityexchange.db";
        var builder = new SqliteConnectionStringBuilder(configured);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory
            && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.Combine(environment.ContentRootPath, builder.DataSource);
        }

        if (Path.GetDirectoryName(builder.DataSource) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        var connectionString = builder.ToString();
        services.AddDbContext<CityExchangeDbContext>(options => options.UseSqlite(connectionString));
        services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.Section);
        services.AddScoped<DatabaseSeeder>();
        return services;
    }

    /// <summary>Applies migrations and seeds the bundled data; runs once at start-up.</summary>
    public static async Task InitialiseStoreAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CityExchangeDbContext>();
        await db.Database.MigrateAsync();
        // WAL lets readers go on while an import writes.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        await scope.ServiceProvider.GetRequiredService<DatabaseSeeder>().SeedAsync();
    }
}
