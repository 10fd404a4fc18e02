using CityExchange.Core.Framework;
using CityExchange.Core.Published;
using CityExchange.Web.Pages.Rankings;
using CityExchange.Web.Pages.Shared;
using City = CityExchange.Core.Cities.City;

namespace CityExchange.Web.Pages.Cities;

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
