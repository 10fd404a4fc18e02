using CityExchange.Core.Cities;
using CityExchange.Core.Framework;
using CityExchange.Web.Pages.Rankings;
using CityExchange.Web.Pages.Shared;

namespace CityExchange.Web.Pages.Overview;

/// <summary>The overview page: the year's top ten, domain leaders, every city's score and the biggest movers.</summary>
public sealed record OverviewView(
    YearContext Context,
    IReadOnlyList<RankingRow> Rows,
    IReadOnlyList<DomainLeader> Leaders,
    IReadOnlyList<Mover> Risers,
    IReadOnlyList<Mover> Fallers)
{
    public const int TopCount = 10;
    public const int MoverCount = 5;

    /// <summary>
    /// The most cities the "every city" chart and its table show. Beyond it a bar chart is unreadable and the page
    /// heavy (a 5,000-city year made the overview 20,000 elements); the rest are on /Rankings, paginated.
    /// </summary>
    public const int ChartLimit = 100;

    /// <summary>The first ten by headline rank (for a published year, the report's printed rank).</summary>
    public IEnumerable<RankingRow> Top => Rows.Where(r => r.HeadlineRank > 0).Take(TopCount);

    /// <summary>The ranked cities the overview chart shows, highest score first: all of them, or the first <see cref="ChartLimit"/>.</summary>
    /// A computed year's rows are in that order already (headline rank is the rank of the score): no sort of 20,000 rows.
    public IReadOnlyList<RankingRow> ChartRows => Context.IsPublished
        ? [.. Rows.Where(r => r.Rank > 0).OrderBy(r => r.Rank).ThenBy(r => r.City.Code, StringComparer.Ordinal).Take(ChartLimit)]
        : [.. Rows.Where(r => r.Rank > 0).Take(ChartLimit)];

    /// <summary>True when the year has more ranked cities than the chart shows.</summary>
    public bool ChartIsCapped => Rows.Where(r => r.Rank > 0).Skip(ChartLimit).Any();

    /// <summary>The coverage threshold the ranking uses and the cities it left out.</summary>
    public CoverageNote Coverage { get; init; } = new(0, []);
}

/// <summary>The city that leads a domain (several when tied).</summary>
public sealed record DomainLeader(Domain Domain, IReadOnlyList<City> Cities, double Score);

/// <summary>A city whose overall rank changed since the previous year with data.</summary>
public sealed record Mover(City City, int PreviousRank, int Rank)
{
    public int Change => PreviousRank - Rank;
}

/// <summary>The overview of a year (null when the year asked for has no data), and whether any year has data.</summary>
public sealed record OverviewResult(OverviewView? View, bool HasData);

/// <summary>
/// The query string of the overview, <c>/</c>: <c>year</c> and <c>minCoverage</c> (0–1: the data-availability threshold
/// its ranking uses, as on <c>/Rankings</c>).
/// </summary>
public sealed record OverviewQuery(int? Year = null, string? MinCoverage = null);

/// <summary>The overview of a year.</summary>
public sealed class OverviewHandler(PageYears years)
{
    public async Task<OverviewResult> HandleAsync(OverviewQuery query, CancellationToken cancellationToken = default)
    {
        if (await years.LoadAsync(query.Year, null, CoverageParameter.Parse(query.MinCoverage), cancellationToken) is not { } loaded)
        {
            return new OverviewResult(null, (await years.YearsAsync(cancellationToken)).Count > 0);
        }

        var (context, scores) = loaded;
        var previous = await years.PreviousAsync(context, cancellationToken);
        var rows = RankingTable.Build(scores, previous, null);
        // From the score sheet's arrays, not four passes over 20,000 rows; ties in the rows' order (overall rank, code).
        var leaders = Domains.All.Select(d =>
        {
            var top = Enumerable.Range(0, scores.Cities.Count)
                .Where(i => !scores.Sheet.IsExcluded(i) && scores.PrintedDomain(d, i).Headline == 1)
                .OrderBy(i => scores.PrintedOverall(i).Headline is var rank and > 0 ? rank : int.MaxValue)
                .ThenBy(i => scores.Cities[i].Code, StringComparer.Ordinal)
                .ToList();
            return new DomainLeader(d, [.. top.Select(i => scores.Cities[i])], top.Count > 0 ? scores.Sheet.DomainScore(d, top[0]) : double.NaN);
        }).Where(l => l.Cities.Count > 0).ToList();
        var movers = rows
            .Where(r => r.Movement.Change is not null)
            .Select(r => new Mover(r.City, r.Movement.PreviousRank!.Value, r.Rank))
            .ToList();
        var risers = movers.Where(m => m.Change > 0).OrderByDescending(m => m.Change).ThenBy(m => m.Rank).Take(OverviewView.MoverCount).ToList();
        var fallers = movers.Where(m => m.Change < 0).OrderBy(m => m.Change).ThenBy(m => m.Rank).Take(OverviewView.MoverCount).ToList();
        return new OverviewResult(new OverviewView(context, rows, leaders, risers, fallers) { Coverage = CoverageNote.Of(context, scores) }, true);
    }
}
