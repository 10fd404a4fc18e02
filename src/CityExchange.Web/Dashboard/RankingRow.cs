using CityExchange.Core.Cities;
using CityExchange.Core.Framework;

namespace CityExchange.Web.Dashboard;

/// <summary>A domain score (NaN when missing) and rank (0 when missing); for a published year also the report's own rank.</summary>
public sealed record DomainResult(Domain Domain, double Score, int Rank, int? PublishedRank = null)
{
    public bool HasScore => !double.IsNaN(Score);
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
/// domain's); <see cref="Contributions"/> are the parts of the overall score each domain brings (weight × domain score,
/// weights renormalised over the domains present), which add up to <see cref="Overall"/>.
/// </summary>
public sealed record RankingRow(
    City City,
    int Rank,
    double Score,
    double Overall,
    int OverallRank,
    int? PublishedRank,
    IReadOnlyList<DomainResult> Domains,
    double Coverage,
    Movement Movement,
    IReadOnlyList<double> Contributions)
{
    public DomainResult Domain(Domain domain) => Domains[(int)domain];
}
