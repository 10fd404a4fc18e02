using CityExchange.Core.Framework;

namespace CityExchange.Core.Published;

/// <summary>What the report published for one city: domain sub-indices (0–100), ranks (Figures 3–7) and cluster (Figure 9).</summary>
public sealed record PublishedCityScore(
    string CityCode,
    double? Social,
    double? Culture,
    double? Trade,
    double? Politics,
    int? OverallRank,
    int? SocialRank,
    int? CultureRank,
    int? TradeRank,
    int? PoliticsRank,
    int? Cluster)
{
    public double? Score(Domain domain) => domain switch
    {
        Domain.Social => Social,
        Domain.Culture => Culture,
        Domain.Trade => Trade,
        Domain.Politics => Politics,
        _ => null,
    };

    public int? Rank(Domain domain) => domain switch
    {
        Domain.Social => SocialRank,
        Domain.Culture => CultureRank,
        Domain.Trade => TradeRank,
        Domain.Politics => PoliticsRank,
        _ => null,
    };
}
