using System.Globalization;
using CityExchange.Core.Cities;
using CityExchange.Core.Framework;
using CityExchange.Core.Published;
using CsvHelper;

namespace CityExchange.Core.Csv;

/// <summary>Reads the bundled reference files (framework.csv, cities.csv, siis2015_published.csv). They are trusted: a malformed file throws.</summary>
public static class ReferenceCsv
{
    public static IReadOnlyList<Indicator> ReadFramework(TextReader reader) => Read(reader, (csv, row) => new Indicator(
        Code: csv.GetField("code")!.Trim(),
        Domain: Domains.Parse(csv.GetField("domain")!),
        NameZh: csv.GetField("name_zh")!.Trim(),
        NameEn: csv.GetField("name_en")!.Trim(),
        Unit: csv.GetField("unit")!.Trim(),
        Polarity: int.Parse(csv.GetField("polarity")!, CultureInfo.InvariantCulture) < 0 ? -1 : 1,
        DefinitionZh: csv.GetField("definition_zh")!.Trim(),
        TypicalSourceZh: csv.GetField("typical_source_zh")!.Trim(),
        SortOrder: row,
        WholeNumber: Flag(csv.GetField("whole_number"))));

    public static IReadOnlyList<City> ReadCities(TextReader reader) => Read(reader, (csv, _) => new City(
        Code: csv.GetField("code")!.Trim(),
        NameZh: csv.GetField("name_zh")!.Trim(),
        NameEn: csv.GetField("name_en")!.Trim(),
        ProvinceZh: csv.GetField("province_zh")!.Trim(),
        ProvinceEn: csv.GetField("province_en")!.Trim(),
        RegionZh: csv.GetField("region_zh")!.Trim(),
        RegionEn: csv.GetField("region_en")!.Trim(),
        Level: csv.GetField("level")!.Trim(),
        EastWest: Blank(csv.GetField("east_west")),
        NorthSouth: Blank(csv.GetField("north_south")),
        Latitude: OptionalNumber(csv, "lat"),
        Longitude: OptionalNumber(csv, "lon")));

    public static IReadOnlyList<PublishedCityScore> ReadPublished(TextReader reader) => Read(reader, (csv, _) => new PublishedCityScore(
        CityCode: csv.GetField("code")!.Trim(),
        Social: Number(csv.GetField("social_score")),
        Culture: Number(csv.GetField("culture_score")),
        Trade: Number(csv.GetField("trade_score")),
        Politics: Number(csv.GetField("politics_score")),
        OverallRank: Integer(csv.GetField("overall_rank")),
        SocialRank: Integer(csv.GetField("social_rank")),
        CultureRank: Integer(csv.GetField("culture_rank")),
        TradeRank: Integer(csv.GetField("trade_rank")),
        PoliticsRank: Integer(csv.GetField("politics_rank")),
        Cluster: Integer(csv.GetField("cluster"))));

    /// <summary>A 0/1 column: anything else is a malformed reference file.</summary>
    private static bool Flag(string? text) => text?.Trim() switch
    {
        "1" => true,
        "0" => false,
        _ => throw new FormatException($"Expected 0 or 1, found '{text}'."),
    };

    private static List<T> Read<T>(TextReader reader, Func<CsvReader, int, T> map)
    {
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var rows = new List<T>();
        while (csv.Read())
        {
            rows.Add(map(csv, rows.Count));
        }

        return rows;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static double? Number(string? s) =>
        CsvNumbers.IsMissing(s) ? null : double.Parse(s!, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>A number column a file may leave out altogether (cities.csv before lat/lon existed).</summary>
    private static double? OptionalNumber(CsvReader csv, string column) =>
        csv.TryGetField(column, out string? text) ? Number(Blank(text)) : null;

    private static int? Integer(string? s) =>
        CsvNumbers.IsMissing(s) ? null : int.Parse(s!, NumberStyles.Integer, CultureInfo.InvariantCulture);
}
