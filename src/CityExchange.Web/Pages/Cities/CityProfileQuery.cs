using CityExchange.Core.Framework;
using CityExchange.Web.Pages.Shared;

namespace CityExchange.Web.Pages.Cities;

/// <summary>The query string of <c>/Cities/{code}</c>: <c>year</c> and <c>method</c> (minmax|rank).</summary>
public sealed record CityQuery(int? Year = null, string? Method = null);

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

    /// <summary>The year's cities by overall rank, for the map that marks this city among them.</summary>
    public IReadOnlyList<Rankings.RankingRow> Peers { get; init; } = [];
}

/// <summary>The profile of a city in a year; null when the year or the city (in that year) does not exist.</summary>
public sealed class CityProfileHandler(PageYears years, CitySnapshots snapshots)
{
    public async Task<CityProfileView?> HandleAsync(string? code, CityQuery query, CancellationToken cancellationToken = default)
    {
        if (await years.LoadAsync(query.Year, query.Method, cancellationToken) is not { } loaded)
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
        var medians = Domains.All.Select(d => CitySnapshots.Median(Enumerable.Range(0, scores.Cities.Count).Select(i => scores.Sheet.DomainScore(d, i)))).ToList();
        var deviations = CitySnapshots.Deviations(scores, c, medians);
        var missing = scores.Matrix is { } matrix
            ? [.. matrix.Framework.Indicators.Where((_, j) => double.IsNaN(matrix[j, c]))]
            : new List<Indicator>();
        return new CityProfileView(context, snapshot, scores.Cities.Count, medians,
            [.. deviations.Where(x => x.Difference > 0).OrderByDescending(x => x.Difference).Take(CityProfileView.DeviationCount)],
            [.. deviations.Where(x => x.Difference < 0).OrderBy(x => x.Difference).Take(CityProfileView.DeviationCount)],
            missing)
        {
            Peers = Rankings.RankingTable.Build(scores, null, null),
        };
    }
}
