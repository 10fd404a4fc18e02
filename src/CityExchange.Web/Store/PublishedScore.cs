namespace CityExchange.Web.Store;

/// <summary>A city's figures exactly as the report published them for a year (domain scores, ranks, cluster).</summary>
public sealed class PublishedScore
{
    public int Year { get; set; }

    public string CityCode { get; set; } = "";

    public double? Social { get; set; }

    public double? Culture { get; set; }

    public double? Trade { get; set; }

    public double? Politics { get; set; }

    public int? OverallRank { get; set; }

    public int? SocialRank { get; set; }

    public int? CultureRank { get; set; }

    public int? TradeRank { get; set; }

    public int? PoliticsRank { get; set; }

    public int? Cluster { get; set; }
}
