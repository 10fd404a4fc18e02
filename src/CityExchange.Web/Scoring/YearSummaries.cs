using System.Collections.Concurrent;
using CityExchange.Web.Store;
using Microsoft.EntityFrameworkCore;

namespace CityExchange.Web.Scoring;

/// <summary>A stored year: its kind, whether it is demo data, and how many cities it has.</summary>
public sealed record YearSummaryRow(int Year, YearKind Kind, bool IsDemo, int Cities)
{
    public bool IsPublished => Kind == YearKind.Published;
}

/// <summary>Every stored year with its number of cities, oldest first (<c>GET /api/years</c> and the methodology page).</summary>
public sealed class YearSummaries(CityExchangeDbContext db, YearCityCounts counts)
{
    public async Task<IReadOnlyList<YearSummaryRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        var years = await db.Set<DataYear>().AsNoTracking().OrderBy(y => y.Year).ToListAsync(cancellationToken);
        var rows = new List<YearSummaryRow>(years.Count);
        foreach (var year in years)
        {
            rows.Add(new YearSummaryRow(year.Year, year.Kind, year.IsDemo, await counts.GetAsync(db, year, cancellationToken)));
        }

        return rows;
    }
}

/// <summary>
/// How many cities each year has, counted once per <see cref="DataYear.Version"/>: counting every year's distinct cities
/// over all stored values took 30 ms at 20,000 cities, and each upload made the year list and the methodology page
/// count again. A count is kept under the version read before it was counted, so a write committed meanwhile only
/// makes the next request count again; another instance's write changes the version too.
/// </summary>
public sealed class YearCityCounts
{
    private readonly ConcurrentDictionary<int, (Guid Version, int Cities)> _counts = new();

    public async ValueTask<int> GetAsync(CityExchangeDbContext db, DataYear year, CancellationToken cancellationToken)
    {
        if (_counts.TryGetValue(year.Year, out var kept) && kept.Version == year.Version)
        {
            return kept.Cities;
        }

        var cities = year.Kind == YearKind.Published
            ? await db.Set<PublishedScore>().AsNoTracking().CountAsync(p => p.Year == year.Year, cancellationToken)
            : await db.Set<IndicatorValue>().AsNoTracking().Where(v => v.Year == year.Year).Select(v => v.CityCode).Distinct().CountAsync(cancellationToken);
        _counts[year.Year] = (year.Version, cities);
        return cities;
    }
}
