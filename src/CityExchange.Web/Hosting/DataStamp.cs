using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using CityExchange.Web.Scoring;
using CityExchange.Web.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace CityExchange.Web.Hosting;

/// <summary>
/// The version of everything a public page shows: every year's <see cref="DataYear.Version"/> (replaced by each import
/// and restore), read with one small query, and the version of the city list that <see cref="ReferenceCache"/> holds
/// (replaced by each city upload; the list pages are rendered with). The output cache varies on it, so a cached page is
/// served only while none of its data has changed.
/// <para>
/// The stamp is re-read at most every <see cref="PerformanceOptions.DataStampMilliseconds"/> (1 s; 0 = every request).
/// A write committed through this instance (<see cref="DataChangeInterceptor"/>) drops it at once, so this instance
/// never serves a page older than its own last import; another instance on the same database sees it within that
/// second.
/// </para>
/// </summary>
public sealed class DataStamp(IOptions<PerformanceOptions> options)
{
    private readonly long _lifetime = Stopwatch.Frequency * Math.Clamp(options.Value.DataStampMilliseconds, 0, 1000) / 1000;
    private long _changes;
    private Cached? _cached;

    /// <summary>Forgets the stamp: the next request reads the versions again.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _changes);
        _cached = null;
    }

    public async ValueTask<string> GetAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (_cached is { } cached && Stopwatch.GetTimestamp() - cached.At < _lifetime)
        {
            return cached.Stamp;
        }

        var changes = Interlocked.Read(ref _changes);
        var db = services.GetRequiredService<CityExchangeDbContext>();
        var (_, cities) = await services.GetRequiredService<ReferenceCache>().GetVersionedAsync(db, cancellationToken);
        var stamp = new StringBuilder(256);
        stamp.Append(cities.ToString("N"));
        // Not a compiled query: one compiled against the SQLite model cannot run on the PostgreSQL context (both live in
        // the provider tests' process); EF Core's query cache makes the plain query about as cheap.
        var versions = db.Set<DataYear>().AsNoTracking().OrderBy(y => y.Year).Select(y => new YearVersionRow(y.Year, y.Version));
        await foreach (var row in versions.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            stamp.Append('|').Append(row.Year.ToString(CultureInfo.InvariantCulture)).Append(':').Append(row.Version.ToString("N"));
        }

        var result = stamp.ToString();
        // Kept only if nothing was committed meanwhile (else it may predate that write).
        if (_lifetime > 0 && Interlocked.Read(ref _changes) == changes)
        {
            _cached = new Cached(result, Stopwatch.GetTimestamp());
        }

        return result;
    }

    private sealed record Cached(string Stamp, long At);

    private sealed record YearVersionRow(int Year, Guid Version);
}

/// <summary>Drops the <see cref="DataStamp"/> whenever this instance saves changes or commits a transaction.</summary>
public sealed class DataChangeInterceptor(DataStamp stamp) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        stamp.Invalidate();
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        stamp.Invalidate();
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => stamp.Invalidate();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        stamp.Invalidate();
        return Task.CompletedTask;
    }
}
