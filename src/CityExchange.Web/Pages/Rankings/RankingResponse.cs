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
/// </summary>
public sealed record RankingResponse(int Year, bool Demo, string Method, IReadOnlyList<RankingWarning> Warnings, IReadOnlyList<RankedCity> Cities)
{
    /// <summary>The response for <paramref name="scores"/>; <paramref name="warnings"/> replaces the sheet's own warnings when given.</summary>
    public static RankingResponse From(YearScores scores, IReadOnlyList<RankingWarning>? warnings = null)
    {
        var sheet = scores.Sheet;
        var cities = scores.ByRank().Select(i =>
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
        return new RankingResponse(scores.Year, scores.IsDemo, scores.Method, warnings, cities);
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
