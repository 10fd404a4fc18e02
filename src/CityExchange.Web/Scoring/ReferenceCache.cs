using System.Diagnostics;
using CityExchange.Core.Cities;
using CityExchange.Core.Framework;
using CityExchange.Web.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CityExchange.Web.Scoring;

/// <summary>
/// Holds the framework and cities in memory. The list is kept while the database's <see cref="CityDirectoryVersion"/>
/// is the one it was read under: that version is checked at most every
/// <see cref="PerformanceOptions.DataStampMilliseconds"/> (1 s), so a city upload made through another instance on the
/// same database shows here within that time; one made through this instance calls <see cref="Invalidate"/> and shows
/// at once. While the version is unchanged the same <see cref="IndexReference"/> is handed out (caches key on it).
/// </summary>
public sealed class ReferenceCache(IOptions<PerformanceOptions> options)
{
    private readonly long _reuse = Stopwatch.Frequency * Math.Clamp(options.Value.DataStampMilliseconds, 0, 1000) / 1000;
    private volatile Entry? _entry;
    private long _invalidations;

    public async Task<IndexReference> GetAsync(CityExchangeDbContext db, CancellationToken cancellationToken = default) =>
        (await GetVersionedAsync(db, cancellationToken)).Reference;

    /// <summary>The framework and cities with the <see cref="CityDirectoryVersion"/> they were read under (empty before any).</summary>
    public async Task<(IndexReference Reference, Guid Version)> GetVersionedAsync(CityExchangeDbContext db, CancellationToken cancellationToken = default)
    {
        var entry = _entry;
        if (entry is not null && Stopwatch.GetTimestamp() - entry.CheckedAt < _reuse)
        {
            return (entry.Reference, entry.Version);
        }

        var invalidations = Interlocked.Read(ref _invalidations);
        var version = await db.Set<CityDirectoryVersion>().AsNoTracking()
            .Where(v => v.Id == CityDirectoryVersion.SingletonId)
            .Select(v => (Guid?)v.Version)
            .FirstOrDefaultAsync(cancellationToken) ?? Guid.Empty;
        var reference = entry is not null && entry.Version == version
            ? entry.Reference
            : await LoadAsync(db, cancellationToken);

        // Kept only if nothing was invalidated meanwhile (else it may predate that write).
        if (Interlocked.Read(ref _invalidations) == invalidations)
        {
            _entry = new Entry(reference, version, Stopwatch.GetTimestamp());
        }

        return (reference, version);
    }

    public void Invalidate()
    {
        Interlocked.Increment(ref _invalidations);
        _entry = null;
    }

    private static async Task<IndexReference> LoadAsync(CityExchangeDbContext db, CancellationToken cancellationToken)
    {
        var indicators = await db.Set<Indicator>().AsNoTracking().ToListAsync(cancellationToken);
        var cities = await db.Set<City>().AsNoTracking().OrderBy(c => c.Code).ToListAsync(cancellationToken);
        return new IndexReference(new IndicatorFramework(indicators), new CityDirectory(cities));
    }

    private sealed record Entry(IndexReference Reference, Guid Version, long CheckedAt);
}
