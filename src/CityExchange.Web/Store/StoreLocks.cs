using Microsoft.EntityFrameworkCore;

namespace CityExchange.Web.Store;

/// <summary>
/// Serialises writers that must not interleave. Call inside a transaction. On SQLite the transaction itself is the
/// lock: Microsoft.Data.Sqlite starts it with <c>BEGIN IMMEDIATE</c>, so a second writer waits (up to the busy
/// timeout) until the first commits. On PostgreSQL a transaction-scoped advisory lock does the same per key, and is
/// released at commit or rollback — also when the process dies, since the server ends the session.
/// </summary>
public static class StoreLocks
{
    /// <summary>First half of the advisory-lock key: this app's writes of a year's data ("CEXY").</summary>
    private const int YearClass = 0x43455859;

    /// <summary>First half of the advisory-lock key for reference data (cities) and seeding ("CEXR").</summary>
    private const int ReferenceClass = 0x43455852;

    /// <summary>Waits until no other transaction is writing <paramref name="year"/>.</summary>
    public static Task LockYearAsync(this CityExchangeDbContext db, int year, CancellationToken cancellationToken = default) =>
        AdvisoryAsync(db, YearClass, year, cancellationToken);

    /// <summary>Waits until no other transaction is writing the cities.</summary>
    public static Task LockReferenceAsync(this CityExchangeDbContext db, CancellationToken cancellationToken = default) =>
        AdvisoryAsync(db, ReferenceClass, 0, cancellationToken);

    private static async Task AdvisoryAsync(CityExchangeDbContext db, int lockClass, int key, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Store locks are taken inside a transaction.");
        }

        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({lockClass}, {key})", cancellationToken);
        }
    }
}
