using CityExchange.Core.Cities;
using CityExchange.Core.Published;
using CityExchange.Core.Scoring;
using CityExchange.Web.Store;

namespace CityExchange.Web.Scoring;

/// <summary>
/// A year's stored data before scoring: the cities with data (sorted by code) and either their raw values
/// (<see cref="Matrix"/>, indicator years, with the region as each city's group) or the published domain scores
/// (<see cref="PublishedDomainScores"/>, domain-major, NaN for missing) with the ranks the report printed
/// (<see cref="PrintedRanks"/>, aligned with <see cref="Cities"/>; null for an indicator year).
/// </summary>
public sealed record YearData(
    DataYear Year,
    IndexReference Reference,
    IReadOnlyList<City> Cities,
    IndicatorMatrix? Matrix,
    double[]? PublishedDomainScores,
    IReadOnlyDictionary<(int Indicator, int City), string> SourceNotes,
    IReadOnlyList<PrintedRanks?>? PrintedRanks = null)
{
    public bool IsPublished => Matrix is null;

    /// <summary>The position of a city (by code, ignoring case); -1 when it has no data this year.</summary>
    public int IndexOf(string cityCode) => Cities.IndexOfCode(cityCode);
}
