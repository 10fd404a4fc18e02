using System.Globalization;
using CityExchange.Core.Cities;
using CityExchange.Core.Framework;
using CityExchange.Core.Scoring;
using CityExchange.Web.Pages.Shared;
using CityExchange.Web.Scoring;
using CityExchange.Web.Store;

namespace CityExchange.Web.Pages.Rankings;

/// <summary>
/// The query string of <c>/Rankings</c>: <c>year</c>, <c>domain</c> (social|culture|trade|politics), <c>method</c>
/// (minmax|rank), <c>region</c> (a region key, Chinese or English), <c>group</c> (east|west|north|south|municipality|capital|other),
/// <c>q</c> (search by code, Chinese or English name), <c>sort</c> and <c>dir</c> (asc|desc), <c>p</c> (page, from 1),
/// <c>minCoverage</c> (0–1: cities with a smaller share of indicators are left out before scoring).
/// Unknown values fall back to the defaults.
/// </summary>
public sealed record RankingsQuery(
    int? Year = null,
    string? Domain = null,
    string? Method = null,
    string? Region = null,
    string? Group = null,
    string? Q = null,
    string? Sort = null,
    string? Dir = null,
    int? P = null,
    string? MinCoverage = null)
{
    /// <summary>The coverage threshold asked for; 0 (every city) when absent or not a number from 0 to 1.</summary>
    public double CoverageThreshold => CoverageParameter.Parse(MinCoverage);

    /// <summary>The non-empty parameters, for links that keep the view (<c>asp-all-route-data</c>).</summary>
    public Dictionary<string, string> RouteValues()
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        Add("year", Year?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("domain", Domain);
        Add("method", Method);
        Add("region", Region);
        Add("group", Group);
        Add("q", Q);
        Add("sort", Sort);
        Add("dir", Dir);
        Add("p", P is > 1 ? P.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        Add("minCoverage", CoverageParameter.Format(CoverageThreshold));
        return values;

        void Add(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                values[key] = value;
            }
        }
    }
}

/// <summary>The columns a ranking can be sorted by.</summary>
public enum RankingSort
{
    Rank,
    Name,
    Region,
    Score,
    Social,
    Culture,
    Trade,
    Politics,
    Coverage,
    Movement,
}

public static class RankingSorts
{
    public static string Code(this RankingSort sort) => sort.ToString().ToLowerInvariant();

    public static RankingSort Parse(string? code) =>
        Enum.GetValues<RankingSort>().FirstOrDefault(s => string.Equals(s.Code(), code?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The direction a column sorts in when first clicked: ranks and names ascending, scores descending.</summary>
    public static bool DescendingByDefault(this RankingSort sort) => sort is not (RankingSort.Rank or RankingSort.Name or RankingSort.Region);

    public static RankingSort ForDomain(Domain domain) => domain switch
    {
        Core.Framework.Domain.Social => RankingSort.Social,
        Core.Framework.Domain.Culture => RankingSort.Culture,
        Core.Framework.Domain.Trade => RankingSort.Trade,
        _ => RankingSort.Politics,
    };
}

/// <summary>The groups of cities the report distinguishes (its footnotes), as the <c>group</c> parameter names them.</summary>
public static class CityGroups
{
    public static IReadOnlyList<string> EastWest { get; } = ["east", "west"];

    public static IReadOnlyList<string> NorthSouth { get; } = ["north", "south"];

    public static IReadOnlyList<string> Levels { get; } = Core.Cities.CityLevels.All;

    public static bool IsKnown(string? group) =>
        group is not null && (EastWest.Contains(group) || NorthSouth.Contains(group) || Levels.Contains(group));

    public static bool Contains(string group, Core.Cities.City city) =>
        EastWest.Contains(group) ? string.Equals(city.EastWest, group, StringComparison.OrdinalIgnoreCase)
        : NorthSouth.Contains(group) ? string.Equals(city.NorthSouth, group, StringComparison.OrdinalIgnoreCase)
        : string.Equals(city.Level, group, StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// The rankings page: the visible rows after filter, sort and paging, and what produced them. For a published year,
/// <see cref="OverallDisagreements"/> and <see cref="DomainDisagreements"/> count the places (among all the year's
/// cities) where the printed rank is not the rank of the score.
/// </summary>
public sealed record RankingsView(
    YearContext Context,
    RankingsQuery Query,
    Domain? Domain,
    RankingSort Sort,
    bool Descending,
    IReadOnlyList<RankingRow> Rows,
    int MatchCount,
    int CityCount,
    int Page,
    int PageCount,
    IReadOnlyList<RegionOption> Regions,
    IReadOnlyList<ScoringWarning> Warnings,
    int OverallDisagreements = 0,
    int DomainDisagreements = 0)
{
    /// <summary>The coverage threshold in use (0: every city; always 0 for a published year).</summary>
    public double MinCoverage { get; init; }

    /// <summary>The cities the threshold left out, with their coverage, by coverage then code.</summary>
    public IReadOnlyList<(City City, double Coverage)> Excluded { get; init; } = [];

    /// <summary>Every city that matches the filters, on all pages, in the table's order (the map shows them all).</summary>
    public IReadOnlyList<RankingRow> Matches { get; init; } = [];

    public bool IsFiltered => !string.IsNullOrWhiteSpace(Query.Region) || CityGroups.IsKnown(Query.Group) || !string.IsNullOrWhiteSpace(Query.Q);

    /// <summary>The query with another sort: the same column again flips the direction, a new column takes its default.</summary>
    public RankingsQuery SortedBy(RankingSort sort)
    {
        var descending = sort == Sort ? !Descending : sort.DescendingByDefault();
        return Query with { Sort = sort == RankingSort.Rank ? null : sort.Code(), Dir = descending == sort.DescendingByDefault() ? null : descending ? "desc" : "asc", P = null };
    }
}

/// <summary>A region of the report (part 4.3) with its key (Chinese) and both names.</summary>
public sealed record RegionOption(string Key, string NameZh, string NameEn);

/// <summary>The rankings page: the year's ranking filtered, sorted and paginated as the query asks; null without data.</summary>
public sealed class RankingsHandler(PageYears years, CityExchangeDbContext db, ReferenceCache referenceCache)
{
    public async Task<RankingsView?> HandleAsync(RankingsQuery query, CancellationToken cancellationToken = default)
    {
        var threshold = query.CoverageThreshold;
        if (await years.LoadAsync(query.Year, query.Method, threshold, cancellationToken) is not { } loaded)
        {
            return null;
        }

        var (context, scores) = loaded;
        Domain? domain = Domains.TryParse(query.Domain, out var d) ? d : null;
        var sort = RankingSorts.Parse(query.Sort);
        var descending = query.Dir?.Trim().ToLowerInvariant() switch
        {
            "desc" => true,
            "asc" => false,
            _ => sort.DescendingByDefault(),
        };
        threshold = context.MinCoverage;
        var previous = await years.PreviousAsync(context, cancellationToken);
        var all = RankingTable.Build(scores, previous, domain);
        var matches = RankingTable.Sort(
            RankingTable.Filter(all, query.Region, query.Group, query.Q), sort, descending, RankingTable.NameComparer(CultureInfo.CurrentUICulture));
        var (rows, page, pageCount) = RankingTable.Paginate(matches, query.P);
        var normalised = query with
        {
            Year = context.Year,
            Domain = domain?.Code(),
            Method = context.MethodParameter,
            Group = CityGroups.IsKnown(query.Group) ? query.Group : null,
            Region = string.IsNullOrWhiteSpace(query.Region) ? null : query.Region.Trim(),
            Q = string.IsNullOrWhiteSpace(query.Q) ? null : query.Q.Trim(),
            Sort = sort == RankingSort.Rank ? null : sort.Code(),
            Dir = descending == sort.DescendingByDefault() ? null : descending ? "desc" : "asc",
            P = page,
            MinCoverage = context.MinCoverageParameter,
        };
        var reference = await referenceCache.GetAsync(db, cancellationToken);
        return new RankingsView(context, normalised, domain, sort, descending, rows, matches.Count, all.Count, page, pageCount,
            Regions(reference.Cities.Cities), scores.Sheet.Warnings,
            // Only the report's printed ranks can disagree: no pass over a computed year's rows.
            scores.HasPrintedRanks ? all.Count(r => r.PublishedOverallDisagrees) : 0,
            scores.HasPrintedRanks ? all.Sum(r => r.Domains.Count(x => x.PublishedDisagrees)) : 0)
        {
            Matches = matches,
            MinCoverage = threshold,
            Excluded = CoverageNote.ExcludedOf(scores),
        };
    }

    /// <summary>The regions of the cities, in the report's order (<see cref="CityRegions.ReportOrder"/>); any other region follows by key.</summary>
    public static IReadOnlyList<RegionOption> Regions(IReadOnlyList<City> cities) => RegionsOf.GetValue(cities, c => RegionsIn(c));

    // The reference list of cities is one instance until the cities change: its regions are grouped once, not per page.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<City>, IReadOnlyList<RegionOption>> RegionsOf = [];

    private static IReadOnlyList<RegionOption> RegionsIn(IEnumerable<City> cities) =>
    [
        .. cities
            .GroupBy(c => c.RegionZh, StringComparer.Ordinal)
            .Select(g => new RegionOption(g.Key, g.Key, g.First().RegionEn))
            .OrderBy(r => CityRegions.OrderOf(r.Key))
            .ThenBy(r => r.Key, StringComparer.Ordinal),
    ];
}
