using CityExchange.Core.Cities;
using CityExchange.Core.Scoring;

namespace CityExchange.Web.Scoring;

/// <summary>
/// A year's scored cities (those with at least one value), in the order of <see cref="Sheet"/>'s arrays.
/// <see cref="Matrix"/> holds the raw values for an indicator year and is null for a published year.
/// </summary>
public sealed record YearScores(
    int Year,
    string Kind,
    bool IsDemo,
    string Method,
    IReadOnlyList<City> Cities,
    IndicatorMatrix? Matrix,
    ScoreSheet Sheet,
    IReadOnlyDictionary<(int Indicator, int City), string> SourceNotes)
{
    /// <summary>City positions sorted by rank (unranked last), ties by code.</summary>
    public IEnumerable<int> ByRank() =>
        Enumerable.Range(0, Cities.Count)
            .OrderBy(i => Sheet.OverallRanks[i] == 0 ? int.MaxValue : Sheet.OverallRanks[i])
            .ThenBy(i => Cities[i].Code, StringComparer.Ordinal);

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
