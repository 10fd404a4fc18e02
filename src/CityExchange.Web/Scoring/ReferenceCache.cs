using CityExchange.Core.Cities;
using CityExchange.Core.Framework;
using CityExchange.Web.Store;
using Microsoft.EntityFrameworkCore;

namespace CityExchange.Web.Scoring;

/// <summary>
/// Holds the framework and cities in memory; they change only when cities are uploaded, which calls <see cref="Invalidate"/>.
/// </summary>
public sealed class ReferenceCache
{
    private volatile IndexReference? _current;

    public async Task<IndexReference> GetAsync(CityExchangeDbContext db, CancellationToken cancellationToken = default)
    {
        if (_current is { } cached)
        {
            return cached;
        }

        var indicators = await db.Set<Indicator>().AsNoTracking().ToListAsync(cancellationToken);
        var cities = await db.Set<City>().AsNoTracking().OrderBy(c => c.Code).ToListAsync(cancellationToken);
        var reference = new IndexReference(new IndicatorFramework(indicators), new CityDirectory(cities));
        _current = reference;
        return reference;
    }

    public void Invalidate() => _current = null;
}
