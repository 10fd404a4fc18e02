using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CityExchange.Web.Store;

public static class StoreSetup
{
    public const string ConnectionStringName = "CityExchange";

    /// <summary>
    /// Registers the store for the provider <c>Database:Provider</c> names: services inject
    /// <see cref="CityExchangeDbContext"/>, implemented by <see cref="SqliteCityExchangeDbContext"/> or
    /// <see cref="PostgresCityExchangeDbContext"/>. A relative SQLite path is resolved against the content root and its
    /// folder created.
    /// </summary>
    public static IServiceCollection AddCityExchangeStore(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section);
        var configured = configuration.GetConnectionString(ConnectionStringName);
        if (database.Provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(configured))
            {
                throw new InvalidOperationException($"Database:Provider is Postgres: set ConnectionStrings:{ConnectionStringName} to an Npgsql connection string.");
            }

            services.AddDbContext<CityExchangeDbContext, PostgresCityExchangeDbContext>(options => options.UseNpgsql(configured));
        }
        else
        {
            var connectionString = SqliteConnectionString(configured ?? "Data Source=App_Data/cityexchange.db", database, environment);
            services.AddDbContext<CityExchangeDbContext, SqliteCityExchangeDbContext>(options => options.UseSqlite(connectionString));
        }

        services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.Section);
        services.AddScoped<DatabaseSeeder>();
        return services;
    }

    /// <summary>
    /// Applies migrations (when <c>Database:MigrateOnStartup</c>) and seeds the bundled data; runs once at start-up.
    /// Without migrating, a database that lacks migrations stops the start with a message saying how to apply them.
    /// </summary>
    public static async Task InitialiseStoreAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CityExchangeDbContext>();
        var options = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value;
        if (options.ShouldMigrateOnStartup)
        {
            // EF Core takes a database-wide lock while migrating, so instances starting together apply each migration once.
            await db.Database.MigrateAsync();
        }
        else if ((await db.Database.GetPendingMigrationsAsync()).ToList() is { Count: > 0 } pending)
        {
            throw new InvalidOperationException(
                $"The database lacks {pending.Count} migration(s) ({string.Join(", ", pending)}). Apply them first " +
                "(docs/deployment.md: the idempotent script or the migration bundle), or set Database:MigrateOnStartup=true.");
        }

        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while an import writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        await SeedOnceAsync(db, scope.ServiceProvider.GetRequiredService<DatabaseSeeder>());
    }

    /// <summary>Seeds under a lock on PostgreSQL, so instances starting together do not both add the same rows.</summary>
    private static async Task SeedOnceAsync(CityExchangeDbContext db, DatabaseSeeder seeder)
    {
        if (!db.Database.IsNpgsql())
        {
            await seeder.SeedAsync();
            return;
        }

        await db.Database.OpenConnectionAsync();
        try
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_lock(1128618066)");
            await seeder.SeedAsync();
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock(1128618066)");
            await db.Database.CloseConnectionAsync();
        }
    }

    private static string SqliteConnectionString(string configured, DatabaseOptions database, IHostEnvironment environment)
    {
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

        // The busy timeout: a writer that finds the database locked by another retries for this long before failing.
        if (!configured.Contains("Timeout", StringComparison.OrdinalIgnoreCase))
        {
            builder.DefaultTimeout = database.SqliteBusyTimeoutSeconds;
        }

        return builder.ToString();
    }
}
