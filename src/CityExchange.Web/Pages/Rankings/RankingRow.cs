using CityExchange.Core.Cities;
using CityExchange.Core.Framework;
using CityExchange.Core.Published;
using CityExchange.Web.Pages.Shared;

namespace CityExchange.Web.Pages.Rankings;

/// <summary>
/// A domain score (NaN when missing) and its rank (0 when missing), the rank of the score; for a published year also the
/// rank the report printed, which pages headline.
/// </summary>
public sealed record DomainResult(Domain Domain, double Score, int Rank, int? PublishedRank = null)
{
    public bool HasScore => !double.IsNaN(Score);

    /// <summary>The rank to headline: the one the report printed where it printed one, else the rank of the score.</summary>
    public int HeadlineRank => new PrintedRank(PublishedRank, Rank).Headline;

    /// <summary>True where the printed rank is not the rank of the printed score (<see cref="PrintedRank.Disagrees"/>).</summary>
    public bool PublishedDisagrees => new PrintedRank(PublishedRank, Rank).Disagrees;
}

/// <summary>How a city's rank moved since the previous year with data.</summary>
public sealed record Movement(bool Compared, int? PreviousRank, int Rank)
{
    /// <summary>There is no previous year (or the city has no rank now): nothing to show.</summary>
    public static Movement NotCompared { get; } = new(false, null, 0);

    /// <summary>The city has a rank now and had none in the previous year.</summary>
    public bool IsNew => Compared && PreviousRank is null && Rank > 0;

    /// <summary>Places gained (positive) or lost (negative); null when not comparable.</summary>
    public int? Change => Compared && PreviousRank is { } previous && Rank > 0 ? previous - Rank : null;
}

/// <summary>
/// One city in a ranking. <see cref="Rank"/> and <see cref="Score"/> are those of the ranking shown (overall, or one
/// domain's): <see cref="Rank"/> is the rank of <see cref="Score"/>, and <see cref="PublishedRank"/> the rank the report
/// printed in that ranking (published years). <see cref="Contributions"/> are the parts of the overall score each domain
/// brings (weight × domain score, weights renormalised over the domains present), which add up to <see cref="Overall"/>.
/// </summary>
public sealed record RankingRow(
    City City,
    int Rank,
    double Score,
    double Overall,
    int OverallRank,
    int? PublishedRank,
    int? PublishedOverallRank,
    IReadOnlyList<DomainResult> Domains,
    double Coverage,
    Movement Movement,
    IReadOnlyList<double> Contributions)
{
    public DomainResult Domain(Domain domain) => Domains[(int)domain];

    /// <summary>The rank to headline (first column, default order): the printed one in a published year, else the rank of the score.</summary>
    public int HeadlineRank => new PrintedRank(PublishedRank, Rank).Headline;

    /// <summary>The overall rank to headline beside a domain ranking.</summary>
    public int HeadlineOverallRank => new PrintedRank(PublishedOverallRank, OverallRank).Headline;

    /// <summary>True where the printed rank of the ranking shown is not the rank of <see cref="Score"/>.</summary>
    public bool PublishedDisagrees => new PrintedRank(PublishedRank, Rank).Disagrees;

    /// <summary>True where the printed overall rank is not the rank of <see cref="Overall"/>.</summary>
    public bool PublishedOverallDisagrees => new PrintedRank(PublishedOverallRank, OverallRank).Disagrees;
}
