using CityExchange.Core.Framework;
using CityExchange.Core.Published;
using CityExchange.Core.Resources;
using CityExchange.Core.Scoring;
using CityExchange.Web.Scoring;

namespace CityExchange.Web.Pages.Rankings;

/// <summary>
/// The JSON contract of <c>GET /api/rankings/{year}</c>. Scores are unrounded, 0–100; missing is null. <c>demo</c> is
/// true for a year of synthetic demo data, so an answer saved on its own never passes for real figures. <c>rank</c> is
/// always the rank of <c>score</c>; <c>publishedRank</c> is the rank the report printed (null for years without one) and
/// <c>publishedDisagrees</c> says where the two differ (<see cref="PrintedRankCheck"/>).
/// <c>minCoverage</c> is the data-availability threshold used; <c>excluded</c> lists the cities it left out (always present,
/// [] when none; they are not in <c>cities</c>); <c>treatments</c> is, with <c>winsorise=conditional</c>, what was done to
/// every indicator and each changed cell ([] otherwise).
/// </summary>
public sealed record RankingResponse(
    int Year, bool Demo, string Method, IReadOnlyList<RankingWarning> Warnings, IReadOnlyList<RankedCity> Cities,
    double MinCoverage, IReadOnlyList<ExcludedCity> Excluded, IReadOnlyList<IndicatorTreatment> Treatments)
{
    /// <summary>The response for <paramref name="scores"/>; <paramref name="warnings"/> replaces the sheet's own warnings when given.</summary>
    public static RankingResponse From(YearScores scores, IReadOnlyList<RankingWarning>? warnings = null, double minCoverage = 0)
    {
        var sheet = scores.Sheet;
        var cities = scores.ByRank().Where(i => !sheet.IsExcluded(i)).Select(i =>
        {
            var city = scores.Cities[i];
            var printed = scores.PrintedOverall(i);
            return new RankedCity(
                city.Code, city.NameZh, city.NameEn, city.RegionZh,
                MissingValue.OrNull(sheet.Overall[i]), NullableRank(sheet.OverallRanks[i]), printed.Printed, printed.Disagrees, sheet.Coverage[i],
                new DomainScores(
                    Domain(scores, Core.Framework.Domain.Social, i),
                    Domain(scores, Core.Framework.Domain.Culture, i),
                    Domain(scores, Core.Framework.Domain.Trade, i),
                    Domain(scores, Core.Framework.Domain.Politics, i)));
        }).ToList();
        warnings ??= [.. sheet.Warnings.Select(RankingWarning.From)];
        IReadOnlyList<ExcludedCity> excluded = [.. sheet.Excluded.Select(i => new ExcludedCity(scores.Cities[i].Code, sheet.Coverage[i]))];
        IReadOnlyList<IndicatorTreatment> treatments = [.. sheet.Treatments.Select(t => IndicatorTreatment.From(t, scores))];
        return new RankingResponse(scores.Year, scores.IsDemo, scores.Method, warnings, cities, minCoverage, excluded, treatments);
    }

    private static DomainScore Domain(YearScores scores, Domain domain, int city)
    {
        var printed = scores.PrintedDomain(domain, city);
        return new(MissingValue.OrNull(scores.Sheet.DomainScore(domain, city)), NullableRank(scores.Sheet.DomainRank(domain, city)), printed.Printed, printed.Disagrees);
    }


    private static int? NullableRank(int rank) => rank == 0 ? null : rank;
}

public sealed record RankedCity(
    string Code,
    string NameZh,
    string NameEn,
    string Region,
    double? Score,
    int? Rank,
    int? PublishedRank,
    bool PublishedDisagrees,
    double Coverage,
    DomainScores Domains);

public sealed record DomainScores(DomainScore Social, DomainScore Culture, DomainScore Trade, DomainScore Politics);

public sealed record DomainScore(double? Score, int? Rank, int? PublishedRank, bool PublishedDisagrees);

/// <summary>
/// What conditional winsorisation did to one indicator (COINr's <c>Treat</c>): <c>treatment</c> none, winsorised,
/// logTransformed or skipped; the points winsorised; skewness and kurtosis before and after (null when undefined);
/// whether the result passes the check; every changed cell.
/// </summary>
public sealed record IndicatorTreatment(
    string Code, string Treatment, int WinsorisedPoints, double? SkewBefore, double? KurtosisBefore, double? SkewAfter, double? KurtosisAfter,
    bool? Passes, IReadOnlyList<TreatedCellResponse> Cells)
{
    public static IndicatorTreatment From(IndicatorWinsorisation indicator, YearScores scores)
    {
        var report = indicator.Report;
        return new(indicator.Code, TreatmentCode(report.Treatment), report.WinsorisedPoints,
            MissingValue.OrNull(report.SkewBefore), MissingValue.OrNull(report.KurtosisBefore),
            MissingValue.OrNull(report.SkewAfter), MissingValue.OrNull(report.KurtosisAfter), report.PassesAfter,
            [.. report.Cells.Select(c => new TreatedCellResponse(scores.Cities[c.City].Code, c.Raw, c.Treated, TreatmentCode(c.Treatment)))]);
    }

    public static string TreatmentCode(OutlierTreatment treatment) => treatment switch
    {
        OutlierTreatment.Winsorised => "winsorised",
        OutlierTreatment.LogTransformed => "logTransformed",
        OutlierTreatment.Skipped => "skipped",
        _ => "none",
    };

    public static string TreatmentCode(CellTreatment treatment) => treatment switch
    {
        CellTreatment.WinsorisedHigh => "winsorisedHigh",
        CellTreatment.WinsorisedLow => "winsorisedLow",
        _ => "logTransformed",
    };
}

/// <summary>One changed cell: the city, its value before and after, and how (winsorisedHigh, winsorisedLow, logTransformed).</summary>
public sealed record TreatedCellResponse(string City, double Raw, double Treated, string Treatment);
