using System.Globalization;
using CityExchange.Core.Analysis.Audit;
using CityExchange.Core.Cities;
using CityExchange.Core.Framework;
using CityExchange.Web.Scoring;

namespace CityExchange.Web.Pages.Analysis;

/// <summary>The columns the descriptives table sorts by (<c>sort=</c>); <see cref="Indicator"/> is the framework's order.</summary>
public enum AuditSort
{
    Indicator,
    N,
    Missing,
    Min,
    Max,
    Mean,
    Median,
    Sd,
    Skew,
    Kurtosis,
    WithDomain,
    WithOverall,
}

public static class AuditSorts
{
    /// <summary>The query value of a sort: its name in lower camel case (<c>withDomain</c>).</summary>
    public static string Code(AuditSort sort) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(sort.ToString());

    public static AuditSort Parse(string? value) =>
        Enum.GetValues<AuditSort>().FirstOrDefault(s => string.Equals(Code(s), value?.Trim(), StringComparison.OrdinalIgnoreCase));

    public static double Key(IndicatorAudit row, AuditSort sort) => sort switch
    {
        AuditSort.N => row.N,
        AuditSort.Missing => row.Missing,
        AuditSort.Min => row.Min,
        AuditSort.Max => row.Max,
        AuditSort.Mean => row.Mean,
        AuditSort.Median => row.Median,
        AuditSort.Sd => row.Sd,
        AuditSort.Skew => row.Skew,
        AuditSort.Kurtosis => row.Kurtosis,
        AuditSort.WithDomain => row.WithDomain,
        AuditSort.WithOverall => row.WithOverall,
        _ => double.NaN,
    };
}

/// <summary>
/// One audited column (an indicator, or a domain score in a published year), numbered 1… in the framework's order:
/// the heatmaps' column headers are these numbers, the row headers carry the names.
/// </summary>
public sealed record AuditColumn(int Number, string Code, Domain Domain, Indicator? Indicator);

/// <summary>A city's row of the availability heatmap.</summary>
public sealed record AuditCityRow(City City, double Coverage, IReadOnlySet<string> Missing);

/// <summary>
/// What the audit page shows. The availability heatmap lists at most <see cref="ListedCities"/> cities, those with the
/// lowest coverage first (a year of 20,000 cities would be 340,000 cells nobody reads); the API lists every city.
/// </summary>
public sealed record AuditPageView(
    YearScores Scores,
    AuditReport Report,
    IReadOnlyList<AuditColumn> Columns,
    IReadOnlyList<IndicatorAudit> Rows,
    AuditSort Sort,
    bool Descending,
    IReadOnlyDictionary<(string, string), IReadOnlyList<AuditFinding>> PairFlags,
    IReadOnlyList<AuditCityRow> Cities)
{
    public const int ListedCities = 100;

    /// <summary>Whether the correlation heatmap shows Spearman's ρ instead of Pearson's r (the flags are Pearson's either way, as COINr's).</summary>
    public bool Spearman { get; init; }

    /// <summary>The coefficient the heatmap shows, by pair of column positions.</summary>
    public double[][] Shown => Spearman ? Report.Correlations.Spearman : Report.Correlations.Pearson;

    /// <summary>The page's query with the heatmap showing Spearman's ρ or Pearson's r; the table's sort stays.</summary>
    public Dictionary<string, string> WithCoefficient(bool spearman)
    {
        var route = Query();
        route.Remove("coefficient");
        if (spearman)
        {
            route["coefficient"] = "spearman";
        }

        return route;
    }

    /// <summary>The coefficient of a pair of columns, by code: Spearman's ρ.</summary>
    public double SpearmanOf(string a, string b) =>
        Report.Correlations.Spearman[Columns.First(c => c.Code == a).Number - 1][Columns.First(c => c.Code == b).Number - 1];

    public bool IsPublished => Scores.Matrix is null;

    public int CityCount => Report.Coverage.Count;

    public int CitiesWithGaps => Report.Coverage.Count(c => c.Missing.Count > 0);

    public AuditColumn Column(string code) => Columns.First(c => c.Code == code);

    /// <summary>The findings of the pair (either order); empty when none.</summary>
    public IReadOnlyList<AuditFinding> FlagsOf(string a, string b) =>
        PairFlags.TryGetValue((a, b), out var flags) || PairFlags.TryGetValue((b, a), out flags) ? flags : [];

    /// <summary>The query of the table sorted by <paramref name="sort"/>: the same column again flips the direction.</summary>
    public Dictionary<string, string> SortedBy(AuditSort sort)
    {
        var route = Query();
        route["sort"] = AuditSorts.Code(sort);
        route["dir"] = sort == Sort && !Descending ? "desc" : "asc";
        return route;
    }

    private Dictionary<string, string> Query()
    {
        var route = new Dictionary<string, string> { ["year"] = Scores.Year.ToString(CultureInfo.InvariantCulture) };
        if (Sort != AuditSort.Indicator || Descending)
        {
            route["sort"] = AuditSorts.Code(Sort);
            route["dir"] = Descending ? "desc" : "asc";
        }

        if (Spearman)
        {
            route["coefficient"] = "spearman";
        }

        return route;
    }

    public static AuditPageView From(AuditView audit, AuditSort sort, bool descending)
    {
        var report = audit.Report;
        var framework = audit.Scores.Matrix?.Framework;
        var columns = report.Indicators.Select((a, i) => new AuditColumn(
            i + 1, a.Code, a.Domain, framework?.Indicators.FirstOrDefault(x => x.Code == a.Code))).ToList();

        IEnumerable<IndicatorAudit> rows = report.Indicators;
        if (sort != AuditSort.Indicator)
        {
            // Undefined statistics last whichever the direction; ties keep the framework's order.
            rows = descending
                ? rows.OrderBy(r => double.IsNaN(AuditSorts.Key(r, sort))).ThenByDescending(r => AuditSorts.Key(r, sort))
                : rows.OrderBy(r => double.IsNaN(AuditSorts.Key(r, sort))).ThenBy(r => AuditSorts.Key(r, sort));
        }
        else if (descending)
        {
            rows = rows.Reverse();
        }

        var pairs = report.Findings
            .GroupBy(f => (f.First, f.Second))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<AuditFinding>)[.. g.Select(f => f.Finding).Distinct().Order()]);

        var cities = audit.Scores.Cities;
        var listed = report.Coverage
            .Select((c, i) => new AuditCityRow(cities[i], c.Coverage, c.Missing.ToHashSet(StringComparer.Ordinal)))
            .OrderBy(c => c.Coverage)
            .ThenBy(c => c.City.Code, StringComparer.Ordinal)
            .Take(ListedCities)
            .ToList();
        return new AuditPageView(audit.Scores, report, columns, [.. rows], sort, descending, pairs, listed);
    }
}
