using CityExchange.Core.Cities;
using CityExchange.Core.Framework;
using CityExchange.Web.Hosting;
using CityExchange.Web.Pages.Cities;
using CityExchange.Web.Pages.Shared;
using CityExchange.Web.Scoring;
using CityExchange.Web.Store;

namespace CityExchange.Web.Pages.Compare;

/// <summary>
/// The query string of <c>/Compare</c>: cities <c>a</c> and <c>b</c> (code, Chinese or English name), <c>year</c>,
/// <c>method</c> and <c>minCoverage</c> (the data-availability threshold, as on <c>/Rankings</c>).
/// </summary>
public sealed record CompareQuery(string? A = null, string? B = null, int? Year = null, string? Method = null, string? MinCoverage = null)
{
    public Dictionary<string, string> RouteValues()
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(A))
        {
            values["a"] = A;
        }

        if (!string.IsNullOrWhiteSpace(B))
        {
            values["b"] = B;
        }

        if (Year is { } year)
        {
            values["year"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (!string.IsNullOrWhiteSpace(Method))
        {
            values["method"] = Method;
        }

        if (CoverageParameter.Format(CoverageParameter.Parse(MinCoverage)) is { } coverage)
        {
            values["minCoverage"] = coverage;
        }

        return values;
    }
}

/// <summary>
/// The comparison page: the form and, when both pickers name two different cities with data, the comparison — or,
/// when the query named them otherwise than by code (or left one out), <see cref="Canonical"/>, the URL to go to.
/// </summary>
public sealed record ComparePage(CompareForm Form, CompareView? Comparison, CompareQuery? Canonical = null);

/// <summary>The comparison of two cities in a year.</summary>
public sealed record CompareView(
    YearContext Context,
    CitySnapshot A,
    CitySnapshot B,
    int CityCount,
    IReadOnlyList<CompareIndicatorRow>? Indicators)
{
    /// <summary>The coverage threshold the year is ranked with and the cities it left out.</summary>
    public CoverageNote Coverage { get; init; } = new(0, []);
}

/// <summary>An indicator of two cities side by side; the difference is A − B in normalised points.</summary>
public sealed record CompareIndicatorRow(Indicator Indicator, IndicatorRow A, IndicatorRow B)
{
    public double Difference => A.Normalised - B.Normalised;
}

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
    public CompareQuery WithA(City city) => new(city.Code, B.City?.Code ?? B.Text, Context.Year, Context.MethodParameter, Context.MinCoverageParameter);

    /// <summary>The comparison with city B replaced by <paramref name="city"/> (a suggestion), city A as it is.</summary>
    public CompareQuery WithB(City city) => new(A.City?.Code ?? A.Text, city.Code, Context.Year, Context.MethodParameter, Context.MinCoverageParameter);
}

public sealed class CompareHandler(PageYears years, CitySnapshots snapshots, CityExchangeDbContext db, ReferenceCache referenceCache)
{
    /// <summary>How many cities ranked near a city the comparison suggests when a city is compared with itself.</summary>
    private const int CityNeighbourCount = 4;

    /// <summary>
    /// Compares two cities. A missing city defaults to the year's best-ranked city other than the one given; a city
    /// may be named by code, Chinese or English name. When a name is unknown, names a city without data in the year,
    /// or B is A, the view holds only the form, saying so with the cities the reader may have meant. Null when the
    /// year has no data.
    /// </summary>
    public async Task<ComparePage?> HandleAsync(CompareQuery query, CancellationToken cancellationToken = default)
    {
        if (await years.LoadAsync(query.Year, query.Method, CoverageParameter.Parse(query.MinCoverage), cancellationToken) is not { } loaded)
        {
            return null;
        }

        var (context, scores) = loaded;
        var reference = await referenceCache.GetAsync(db, cancellationToken);
        var choices = reference.Cities.Cities.Where(city => scores.IndexOf(city.Code) >= 0).ToList();
        // Best-ranked first: of suggestions equally close to a typed name, the city a reader most likely means.
        var ranked = scores.ByRank().Select(i => scores.Cities[i]).ToList();
        var pickA = Pick(query.A);
        var pickB = Pick(query.B);
        if (pickA.Problem is null && pickB.Problem is null && pickA.City is { } same && pickB.City?.Code == same.Code)
        {
            pickB = pickB with { Problem = ComparePickProblem.SameCity, City = null, Suggestions = RankNeighbours(same.Code) };
        }

        // A side left out: the year's best-ranked city other than the other side.
        if (pickA.Problem is null && pickA.City is null)
        {
            pickA = ranked.FirstOrDefault(c => c.Code != pickB.City?.Code) is { } first ? ComparePick.Of(first) : pickA;
        }

        if (pickB.Problem is null && pickB.City is null)
        {
            pickB = ranked.FirstOrDefault(c => c.Code != pickA.City?.Code) is { } first ? ComparePick.Of(first) : pickB;
        }

        // A suggestion is never the city already on the other side.
        pickA = pickA with { Suggestions = [.. pickA.Suggestions.Where(c => c.Code != pickB.City?.Code)] };
        pickB = pickB with { Suggestions = [.. pickB.Suggestions.Where(c => c.Code != pickA.City?.Code)] };
        var form = new CompareForm(context, pickA, pickB, choices);
        if (form.HasProblem)
        {
            return new ComparePage(form, null);
        }

        if (pickA.City is not { } cityA || pickB.City is not { } cityB)
        {
            // Fewer than two cities with data in the year.
            return null;
        }

        // Names typed, or a city left out, lead to the shareable URL of codes: say so before building the comparison.
        if (query with { A = cityA.Code, B = cityB.Code } is var canonical && canonical != query)
        {
            return new ComparePage(form, null, canonical);
        }

        var ia = scores.IndexOf(cityA.Code);
        var ib = scores.IndexOf(cityB.Code);
        var previous = await years.PreviousAsync(context, cancellationToken);
        var histories = await snapshots.HistoriesAsync([cityA.Code, cityB.Code], context, scores, cancellationToken);
        var sa = CitySnapshots.Snapshot(scores, ia, previous, histories);
        var sb = CitySnapshots.Snapshot(scores, ib, previous, histories);
        List<CompareIndicatorRow>? indicators = sa.Indicators is { } ra && sb.Indicators is { } rb
            ? [.. ra.Zip(rb, (x, y) => new CompareIndicatorRow(x.Indicator, x, y))]
            : null;
        // "Rank r of n": n counts the ranked cities, not those the coverage threshold left out.
        return new ComparePage(form, new CompareView(context, sa, sb, scores.Cities.Count - scores.Sheet.Excluded.Count, indicators) { Coverage = CoverageNote.Of(context, scores) });

        ComparePick Pick(string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return new ComparePick("", null, null, []);
            }

            var typed = text.Trim();
            if (!reference.Cities.TryResolve(typed, out var city))
            {
                return new ComparePick(typed, null, ComparePickProblem.UnknownCity, CitySuggestions.Closest(ranked, typed));
            }

            return scores.IndexOf(city.Code) >= 0
                ? ComparePick.Of(city)
                : new ComparePick(typed, null, ComparePickProblem.NoDataInYear, CitySuggestions.Closest(ranked, typed));
        }

        // The cities ranked just above and below a city: the peers a reader comparing it with itself most likely wants.
        List<City> RankNeighbours(string code)
        {
            var at = ranked.FindIndex(c => c.Code == code);
            return [.. ranked.Select((c, i) => (City: c, Distance: Math.Abs(i - at))).Where(x => x.Distance > 0)
                .OrderBy(x => x.Distance).Take(CityNeighbourCount).Select(x => x.City)];
        }
    }
}
