using CityExchange.Core.Cities;
using CityExchange.Core.Framework;
using CityExchange.Core.Published;
using CityExchange.Core.Scoring;
using CityExchange.Web.Store;

namespace CityExchange.Web.Scoring;

/// <summary>
/// A year's scored cities (those with at least one value), in the order of <see cref="Sheet"/>'s arrays.
/// <see cref="Matrix"/> holds the raw values for an indicator year and is null for a published year;
/// <see cref="PrintedRanks"/> holds the ranks the report printed (published year; null otherwise), in the same order.
/// </summary>
public sealed record YearScores(
    int Year,
    YearKind Kind,
    bool IsDemo,
    string Method,
    IReadOnlyList<City> Cities,
    IndicatorMatrix? Matrix,
    ScoreSheet Sheet,
    IReadOnlyDictionary<(int Indicator, int City), string> SourceNotes,
    IReadOnlyList<PrintedRanks?>? PrintedRanks = null)
{
    /// <summary>True when the year has ranks the report printed (a published year): pages headline those.</summary>
    public bool HasPrintedRanks => PrintedRanks is not null;

    /// <summary>The printed overall rank of a city beside the rank of its overall score (<see cref="PrintedRankCheck"/>).</summary>
    public PrintedRank PrintedOverall(int city) => PrintedRankCheck.Overall(Sheet, PrintedRanks, city);

    /// <summary>The printed rank of a city in a domain beside the rank of its domain score.</summary>
    public PrintedRank PrintedDomain(Domain domain, int city) => PrintedRankCheck.Domain(Sheet, PrintedRanks, domain, city);

    /// <summary>City positions sorted by rank (unranked last), ties by code.</summary>
    /// Sorted once per scored year (it is cached with it): every page of a 20,000-city year asks for it.
    public IReadOnlyList<int> ByRank() => _byRank ??=
    [
        .. Enumerable.Range(0, Cities.Count)
            .OrderBy(i => Sheet.OverallRanks[i] == 0 ? int.MaxValue : Sheet.OverallRanks[i])
            .ThenBy(i => Cities[i].Code, StringComparer.Ordinal),
    ];

    private int[]? _byRank;

    /// <summary>The position of a city (by code, ignoring case); -1 when it has no data this year.</summary>
    public int IndexOf(string cityCode) => Cities.IndexOfCode(cityCode);
}
