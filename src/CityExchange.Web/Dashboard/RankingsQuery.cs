using CityExchange.Core.Framework;
using CityExchange.Core.Scoring;
using CityExchange.Web.Pages.Rankings;

namespace CityExchange.Web.Dashboard;

/// <summary>
/// The query string of <c>/Rankings</c>: <c>year</c>, <c>domain</c> (social|culture|trade|politics), <c>method</c>
/// (minmax|rank), <c>region</c> (a region key, Chinese or English), <c>group</c> (east|west|north|south|municipality|capital|other),
/// <c>q</c> (search by code, Chinese or English name), <c>sort</c> and <c>dir</c> (asc|desc), <c>p</c> (page, from 1).
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
    int? P = null)
{
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

/// <summary>The normalisation method named in a query string; anything unknown is the default, min–max.</summary>
public static class MethodParameter
{
    public static NormalisationMethod Parse(string? code) =>
        NormalisationMethods.TryParse(code, out var method) ? method : NormalisationMethod.MinMax;
}

/// <summary>The query string of <c>/Cities/{code}</c>: <c>year</c> and <c>method</c> (minmax|rank).</summary>
public sealed record CityQuery(int? Year = null, string? Method = null);

/// <summary>The query string of <c>/Compare</c>: cities <c>a</c> and <c>b</c> (code, Chinese or English name), <c>year</c>, <c>method</c>.</summary>
public sealed record CompareQuery(string? A = null, string? B = null, int? Year = null, string? Method = null)
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

        return values;
    }
}
