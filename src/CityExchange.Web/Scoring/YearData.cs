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

    public int IndexOf(string cityCode)
    {
        for (var i = 0; i < Cities.Count; i++)
        {
            if (string.Equals(Cities[i].Code, cityCode, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
