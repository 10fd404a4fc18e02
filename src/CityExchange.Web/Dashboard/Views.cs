using CityExchange.Core.Cities;
using CityExchange.Core.Framework;
using CityExchange.Core.Published;
using CityExchange.Core.Scoring;
using CityExchange.Web.Hosting;
using CityExchange.Web.Pages.Rankings;
using CityExchange.Web.Store;

namespace CityExchange.Web.Dashboard;

/// <summary>A region of the report (part 4.3) with its key (Chinese) and both names.</summary>
public sealed record RegionOption(string Key, string NameZh, string NameEn);

/// <summary>
/// A city's rank (overall and per domain) in one year, as the pages headline it (a published year: the printed ranks);
/// null where it has none. <paramref name="HasCity"/> is false for a year without the city (its profile does not exist
/// in that year).
/// </summary>
public sealed record RankHistoryPoint(int Year, bool IsDemo, bool IsPublished, int CityCount, int? Rank, IReadOnlyList<int?> DomainRanks, bool HasCity);

/// <summary>The city that leads a domain (several when tied).</summary>
public sealed record DomainLeader(Domain Domain, IReadOnlyList<City> Cities, double Score);

/// <summary>A city whose overall rank changed since the previous year with data.</summary>
public sealed record Mover(City City, int PreviousRank, int Rank)
{
    public int Change => PreviousRank - Rank;
}

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
    public IReadOnlyList<RankingRow> ChartRows =>
        [.. Rows.Where(r => r.Rank > 0).OrderBy(r => r.Rank).ThenBy(r => r.City.Code, StringComparer.Ordinal).Take(ChartLimit)];

    /// <summary>True when the year has more ranked cities than the chart shows.</summary>
    public bool ChartIsCapped => Rows.Count(r => r.Rank > 0) > ChartLimit;
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
    public bool IsFiltered => !string.IsNullOrWhiteSpace(Query.Region) || CityGroups.IsKnown(Query.Group) || !string.IsNullOrWhiteSpace(Query.Q);

    /// <summary>The query with another sort: the same column again flips the direction, a new column takes its default.</summary>
    public RankingsQuery SortedBy(RankingSort sort)
    {
        var descending = sort == Sort ? !Descending : sort.DescendingByDefault();
        return Query with { Sort = sort == RankingSort.Rank ? null : sort.Code(), Dir = descending == sort.DescendingByDefault() ? null : descending ? "desc" : "asc", P = null };
    }
}

/// <summary>An indicator of one city: raw value and normalised score, its rank among the cities with a value, and the year's spread.</summary>
public sealed record IndicatorRow(
    Indicator Indicator,
    double Raw,
    double Normalised,
    int Rank,
    int ValueCount,
    double Min,
    double Median,
    double Max,
    string? SourceNote)
{
    public bool HasValue => !double.IsNaN(Raw);
}

/// <summary>How far a city's score (an indicator's normalised score, or a domain score) is from the median city's.</summary>
public sealed record Deviation(Domain Domain, Indicator? Indicator, double Score, double Median)
{
    public double Difference => Score - Median;
}

/// <summary>
/// One city in one year, with what its profile and the comparison page show. <see cref="Rank"/> is the rank of
/// <see cref="Score"/>; <see cref="PublishedRank"/> the overall rank the report printed (published years).
/// </summary>
public sealed record CitySnapshot(
    City City,
    double Score,
    int Rank,
    int? PublishedRank,
    double Coverage,
    IReadOnlyList<DomainResult> Domains,
    Movement Movement,
    IReadOnlyList<IndicatorRow>? Indicators,
    IReadOnlyList<RankHistoryPoint> History)
{
    public DomainResult Domain(Domain domain) => Domains[(int)domain];

    /// <summary>The overall rank to headline: the printed one in a published year, else the rank of the score.</summary>
    public int HeadlineRank => new PrintedRank(PublishedRank, Rank).Headline;

    /// <summary>True where the printed overall rank is not the rank of <see cref="Score"/> (the derived mean).</summary>
    public bool PublishedDisagrees => new PrintedRank(PublishedRank, Rank).Disagrees;
}

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
}

/// <summary>An indicator of two cities side by side; the difference is A − B in normalised points.</summary>
public sealed record CompareIndicatorRow(Indicator Indicator, IndicatorRow A, IndicatorRow B)
{
    public double Difference => A.Normalised - B.Normalised;
}

/// <summary>The comparison of two cities in a year.</summary>
public sealed record CompareView(
    YearContext Context,
    CitySnapshot A,
    CitySnapshot B,
    int CityCount,
    IReadOnlyList<CompareIndicatorRow>? Indicators);

/// <summary>The comparison page: the form and, when both pickers name two different cities with data, the comparison.</summary>
public sealed record ComparePage(CompareForm Form, CompareView? Comparison);

/// <summary>Why a picker of the comparison names no city to compare.</summary>
public enum ComparePickProblem
{
    /// <summary>No city has that code or name.</summary>
    UnknownCity,

    /// <summary>A known city without data in the year.</summary>
    NoDataInYear,

    /// <summary>City B is city A.</summary>
    SameCity,
}

/// <summary>
/// One picker of the comparison form: the text it holds (the city's name, or what the reader typed) and, when that names
/// no city to compare, why and the cities the reader may have meant.
/// </summary>
public sealed record ComparePick(string Text, City? City, ComparePickProblem? Problem, IReadOnlyList<City> Suggestions)
{
    public static ComparePick Of(City city) => new(Localized.Name(city), city, null, []);
}

/// <summary>The comparison form: both pickers, the year and method, and the cities to choose from.</summary>
public sealed record CompareForm(YearContext Context, ComparePick A, ComparePick B, IReadOnlyList<City> Choices)
{
    /// <summary>
    /// The most cities the pickers list in the page. Beyond it the list would be most of the page (5,000 cities: 440 KB
    /// of HTML); the pickers then ask <c>GET /api/cities</c> as the reader types.
    /// </summary>
    public const int InlineChoiceLimit = 500;

    public bool ChoicesInline => Choices.Count <= InlineChoiceLimit;

    public bool HasProblem => A.Problem is not null || B.Problem is not null;

    /// <summary>The comparison with city A replaced by <paramref name="city"/> (a suggestion), city B as it is.</summary>
    public CompareQuery WithA(City city) => new(city.Code, B.City?.Code ?? B.Text, Context.Year, Context.MethodParameter);

    /// <summary>The comparison with city B replaced by <paramref name="city"/> (a suggestion), city A as it is.</summary>
    public CompareQuery WithB(City city) => new(A.City?.Code ?? A.Text, city.Code, Context.Year, Context.MethodParameter);
}

/// <summary>A year with data and how many cities it has.</summary>
public sealed record YearSummaryRow(int Year, YearKind Kind, bool IsDemo, int Cities)
{
    public bool IsPublished => Kind == YearKind.Published;
}

/// <summary>The report's worked example scored by the engine: four cities, four indicators.</summary>
public sealed record WorkedExample(IReadOnlyList<City> Cities, IReadOnlyList<Indicator> Indicators, IndicatorMatrix Raw, IReadOnlyList<int> IndicatorIndex, ScoreSheet Sheet);

/// <summary>The methodology page.</summary>
public sealed record MethodologyView(
    IndicatorFramework Framework,
    ScoringWeights Weights,
    IReadOnlyList<YearSummaryRow> Years,
    WorkedExample Example,
    int CityCount)
{
    /// <summary>An indicator's weight in the overall score: its domain's share times its share within the domain.</summary>
    public double EffectiveWeight(int indicator)
    {
        var domain = Framework.DomainOf[indicator];
        var domainShare = Weights.Domain[domain] / Weights.Domain.Sum();
        var inDomain = Enumerable.Range(0, Framework.Count).Where(j => Framework.DomainOf[j] == domain).Sum(j => Weights.Indicator[j]);
        return domainShare * Weights.Indicator[indicator] / inDomain;
    }
}

/// <summary>The model of the shared year picker partial: where the form goes and what else it keeps.</summary>
public sealed record YearPicker(string Id, string Action, YearContext Context, bool ShowMethod, IReadOnlyDictionary<string, string> Hidden);

/// <summary>
/// The model of the shared rank-history table partial: a city's ranks in every year with data, each year a link to the
/// city's profile in that year (in the method of the page; <paramref name="Year"/> is the year the page shows).
/// </summary>
public sealed record RankHistoryTable(string Caption, string CityCode, int Year, NormalisationMethod Method, IReadOnlyList<RankHistoryPoint> Points);
