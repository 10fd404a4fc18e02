using CityExchange.Web.Store;

namespace CityExchange.Web.Pages.Imports;

/// <summary>
/// The published figures of a year as they were before an import replaced them (gzip-compressed CSV, one row per city),
/// kept in the history as an import with status <see cref="ImportRecord.Published"/> so they can be restored.
/// </summary>
public static class PublishedSnapshot
{
    public static byte[] Create(IEnumerable<PublishedScore> scores) => Gzip.CompressCsv(scores.Select(Row.From));

    public static List<PublishedScore> Read(byte[] snapshot, int year) => [.. Gzip.DecompressCsv<Row>(snapshot).Select(r => r.ToScore(year))];

    private sealed record Row(
        string City, double? Social, double? Culture, double? Trade, double? Politics,
        int? OverallRank, int? SocialRank, int? CultureRank, int? TradeRank, int? PoliticsRank, int? Cluster)
    {
        public static Row From(PublishedScore s) => new(
            s.CityCode, s.Social, s.Culture, s.Trade, s.Politics, s.OverallRank, s.SocialRank, s.CultureRank, s.TradeRank, s.PoliticsRank, s.Cluster);

        public PublishedScore ToScore(int year) => new()
        {
            Year = year, CityCode = City, Social = Social, Culture = Culture, Trade = Trade, Politics = Politics,
            OverallRank = OverallRank, SocialRank = SocialRank, CultureRank = CultureRank, TradeRank = TradeRank,
            PoliticsRank = PoliticsRank, Cluster = Cluster,
        };
    }
}
