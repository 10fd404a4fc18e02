using CityExchange.Core.Framework;
using CityExchange.Web.Pages.Shared;

namespace CityExchange.Web.Pages.Cities;

/// <summary>
/// The query string of <c>/Cities/{code}</c>: <c>year</c>, <c>method</c> (minmax|rank) and <c>minCoverage</c> (0–1: the
/// data-availability threshold the year is ranked with, as on <c>/Rankings</c>).
/// </summary>
public sealed record CityQuery(int? Year = null, string? Method = null, string? MinCoverage = null);

/// <summary>The city profile page.</summary>
public sealed record CityProfileView(
    YearContext Context,
    CitySnapshot City,
    int CityCount,
    IReadOnlyList<double> MedianDomains,
    IReadOnlyList<Deviation> Strengths,
    IReadOnlyList<Deviation> Weaknesses,
    IReadOnlyList<Indicator> MissingIndicators)
{
    public const int DeviationCount = 3;

    /// <summary>The coverage threshold the year is ranked with and the cities it left out.</summary>
    public CoverageNote Coverage { get; init; } = new(0, []);

    /// <summary>The year's cities by overall rank, for the map that marks this city among them.</summary>
    public IReadOnlyList<Rankings.RankingRow> Peers { get; init; } = [];
}

/// <summary>The profile of a city in a year; null when the year or the city (in that year) does not exist.</summary>
public sealed class CityProfileHandler(PageYears years, CitySnapshots snapshots)
{
    public async Task<CityProfileView?> HandleAsync(string? code, CityQuery query, CancellationToken cancellationToken = default)
    {
        if (await years.LoadAsync(query.Year, query.Method, CoverageParameter.Parse(query.MinCoverage), cancellationToken) is not { } loaded)
        {
            return null;
        }

        var (context, scores) = loaded;
        var c = code is null ? -1 : scores.IndexOf(code.Trim());
        if (c < 0)
        {
            return null;
        }

        var previous = await years.PreviousAsync(context, cancellationToken);
        var histories = await snapshots.HistoriesAsync([scores.Cities[c].Code], context, scores, cancellationToken);
        var snapshot = CitySnapshots.Snapshot(scores, c, previous, histories);
        var medians = CitySnapshots.MedianDomains(scores);
        var deviations = CitySnapshots.Deviations(scores, c, medians);
        var missing = scores.Matrix is { } matrix
            ? [.. matrix.Framework.Indicators.Where((_, j) => double.IsNaN(matrix[j, c]))]
            : new List<Indicator>();
        // "Rank r of n": n counts the ranked cities, not those the coverage threshold left out.
        return new CityProfileView(context, snapshot, scores.Cities.Count - scores.Sheet.Excluded.Count, medians,
            [.. deviations.Where(x => x.Difference > 0).OrderByDescending(x => x.Difference).Take(CityProfileView.DeviationCount)],
            [.. deviations.Where(x => x.Difference < 0).OrderBy(x => x.Difference).Take(CityProfileView.DeviationCount)],
            missing)
        {
            Peers = Rankings.RankingTable.Build(scores, null, null),
            Coverage = CoverageNote.Of(context, scores),
        };
    }
}
