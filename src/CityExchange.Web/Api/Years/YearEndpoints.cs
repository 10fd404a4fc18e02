using CityExchange.Web.Store;
using Microsoft.EntityFrameworkCore;

namespace CityExchange.Web.Api.Years;

/// <summary>A year with data, as <c>GET /api/years</c> lists it.</summary>
public sealed record YearSummary(int Year, string Kind, int Cities, bool Demo);

public static class YearEndpoints
{
    public static IEndpointRouteBuilder MapYearEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/years", GetYearsAsync).WithName("GetYears");
        return app;
    }

    private static async Task<List<YearSummary>> GetYearsAsync(CityExchangeDbContext db, CancellationToken cancellationToken)
    {
        var indicatorCities = await db.Set<IndicatorValue>()
            .GroupBy(v => v.Year)
            .Select(g => new { Year = g.Key, Cities = g.Select(v => v.CityCode).Distinct().Count() })
            .ToDictionaryAsync(x => x.Year, x => x.Cities, cancellationToken);
        var publishedCities = await db.Set<PublishedScore>()
            .GroupBy(p => p.Year)
            .Select(g => new { Year = g.Key, Cities = g.Count() })
            .ToDictionaryAsync(x => x.Year, x => x.Cities, cancellationToken);
        var years = await db.Set<DataYear>().AsNoTracking().OrderBy(y => y.Year).ToListAsync(cancellationToken);
        return
        [
            .. years.Select(y => new YearSummary(
                y.Year,
                y.Kind.Code(),
                (y.Kind == YearKind.Published ? publishedCities : indicatorCities).GetValueOrDefault(y.Year),
                y.IsDemo)),
        ];
    }
}
