using CityExchange.Web.Store;
using Microsoft.EntityFrameworkCore;

namespace CityExchange.Web.Scoring;

/// <summary>A stored year: its kind, whether it is demo data, and how many cities it has.</summary>
public sealed record YearSummaryRow(int Year, YearKind Kind, bool IsDemo, int Cities)
{
    public bool IsPublished => Kind == YearKind.Published;
}

/// <summary>Every stored year with its number of cities, oldest first (<c>GET /api/years</c> and the methodology page).</summary>
public sealed class YearSummaries(CityExchangeDbContext db)
{
    public async Task<IReadOnlyList<YearSummaryRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        var indicatorCities = await db.Set<IndicatorValue>().AsNoTracking()
            .GroupBy(v => v.Year)
            .Select(g => new { Year = g.Key, Cities = g.Select(v => v.CityCode).Distinct().Count() })
            .ToDictionaryAsync(x => x.Year, x => x.Cities, cancellationToken);
        var publishedCities = await db.Set<PublishedScore>().AsNoTracking()
            .GroupBy(p => p.Year)
            .Select(g => new { Year = g.Key, Cities = g.Count() })
            .ToDictionaryAsync(x => x.Year, x => x.Cities, cancellationToken);
        var years = await db.Set<DataYear>().AsNoTracking().OrderBy(y => y.Year).ToListAsync(cancellationToken);
        return
        [
            .. years.Select(y => new YearSummaryRow(
                y.Year,
                y.Kind,
                y.IsDemo,
                (y.Kind == YearKind.Published ? publishedCities : indicatorCities).GetValueOrDefault(y.Year))),
        ];
    }
}
