using CityExchange.Web.Store;
using CityExchange.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CityExchange.Web.Tests.Store;

/// <summary>Migrations that change data as well as the schema, run on a database holding rows of the version before.</summary>
public sealed class MigrationTests
{
    public static TheoryData<DatabaseProvider> Providers => new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task ImportYearBecomesOptional_AndTheYearZeroOfRejectedUploadsBecomesNoYear(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            PostgresServer.SkipIfUnavailable();
        }

        await using var database = TestDatabase.Create(provider);
        (database as PostgresTestDatabase)?.EnsureCreated();
        await using (var db = database.CreateDbContext())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var index = migrations.FindIndex(m => m.EndsWith("_ImportYearOptionalAndOriginalFile", StringComparison.Ordinal));
            await db.GetService<IMigrator>().MigrateAsync(migrations[index - 1]);
            var at = new DateTime(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc);
            // As the version before recorded them: a rejected upload without a year got year 0.
            foreach (var (year, status) in new[] { (0, "rejected"), (2062, "accepted"), (0, "rejected") })
            {
                await db.Database.ExecuteSqlAsync(
                    $"""INSERT INTO "Imports" ("Year", "Status", "CreatedAt", "User", "FileName", "Sha256", "Rows", "Values", "Errors", "IsDemo") VALUES ({year}, {status}, {at}, {"api"}, {"f.csv"}, {"00"}, {1}, {0}, {1}, {false})""");
            }

            await db.Database.MigrateAsync();
        }

        await using var after = database.CreateDbContext();
        var years = await after.Set<ImportRecord>().OrderBy(i => i.Id).Select(i => i.Year).ToListAsync();
        Assert.Equal([null, 2062, null], years);
        Assert.Empty(await after.Database.GetPendingMigrationsAsync());
    }
}
