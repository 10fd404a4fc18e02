using CityExchange.Web.Scoring;

namespace CityExchange.Web.Pages.Analysis;

/// <summary>One city of the report's slope chart: the rank the report printed (Figure 3) and the rank of the mean of its printed domain scores.</summary>
public sealed record SlopeCity(string Code, string Name, int Published, int Recomputed, bool Labelled)
{
    public int Change => Recomputed - Published;
}

/// <summary>
/// The slope chart of <c>/Analysis/Report</c>: for every city with both ranks, the report's overall rank against the
/// rank recomputed from its published domain scores with equal weights (the overall <see cref="RankAgreement"/>); the
/// <see cref="LabelledCount"/> cities that move most are named.
/// </summary>
public sealed record ReportSlopeChart(IReadOnlyList<SlopeCity> Cities, int MaxRank)
{
    public const int LabelledCount = 8;

    public static ReportSlopeChart From(YearScores scores, RankAgreement overall, Func<Core.Cities.City, string> name)
    {
        var both = overall.Cities.Where(c => c.Published.HasValue && c.Computed.HasValue).ToList();
        // Ties broken by the published rank, so which cities are named does not depend on list order.
        var movers = both.Where(c => c.Difference != 0)
            .OrderByDescending(c => Math.Abs(c.Difference!.Value)).ThenBy(c => c.Published)
            .Take(LabelledCount).Select(c => c.City).ToHashSet();
        var cities = both.OrderBy(c => c.Published).ThenBy(c => scores.Cities[c.City].Code, StringComparer.Ordinal)
            .Select(c => new SlopeCity(scores.Cities[c.City].Code, name(scores.Cities[c.City]), c.Published!.Value, c.Computed!.Value, movers.Contains(c.City)))
            .ToList();
        return new ReportSlopeChart(cities, cities.Count == 0 ? 0 : cities.Max(c => Math.Max(c.Published, c.Recomputed)));
    }
}
