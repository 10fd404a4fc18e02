using System.Globalization;
using System.Text;
using CityExchange.Core.Framework;
using CityExchange.Core.Scoring;

namespace CityExchange.Benchmarks;

/// <summary>Deterministic synthetic inputs of any size, shared by the benchmarks and the pandas comparison.</summary>
public static class SyntheticData
{
    public static IndicatorFramework Framework { get; } = new(
    [
        .. new[] { "foreign_residents", "intl_flights", "intl_conferences", "intl_exhibitions", "passports" }.Select((c, i) => Indicator(c, Domain.Social, i)),
        .. new[] { "intl_performances", "foreign_language", "foreign_restaurants" }.Select((c, i) => Indicator(c, Domain.Culture, 5 + i)),
        .. new[] { "trade_volume", "foreign_firms", "joint_ventures", "foreign_tax", "odi" }.Select((c, i) => Indicator(c, Domain.Trade, 8 + i)),
        .. new[] { "leader_visits", "consulates", "intl_orgs", "sister_cities" }.Select((c, i) => Indicator(c, Domain.Politics, 13 + i)),
    ]);

    /// <summary>A matrix of <paramref name="cities"/> × 17 log-normal values with about 3% missing, fixed by the seed.</summary>
    public static IndicatorMatrix Matrix(int cities, int seed = 42)
    {
        var random = new Random(seed);
        var matrix = new IndicatorMatrix(Framework, cities);
        for (var j = 0; j < Framework.Count; j++)
        {
            for (var c = 0; c < cities; c++)
            {
                matrix[j, c] = random.NextDouble() < 0.03 ? double.NaN : Math.Round(Math.Exp(random.NextDouble() * 8), 2);
            }
        }

        return matrix;
    }

    /// <summary>
    /// The four domain scores (social, culture, trade, politics) of <paramref name="cities"/> synthetic cities as the
    /// clustering sees them: <see cref="Matrix"/> scored with the default options, the first <paramref name="cities"/>
    /// with all four (a few of its cities miss a domain, so it is drawn a little larger).
    /// </summary>
    public static List<double[]> DomainPoints(int cities)
    {
        var drawn = cities + (cities / 100) + 10;
        var sheet = ScoringEngine.Score(Matrix(drawn));
        return [.. Enumerable.Range(0, drawn)
            .Select(c => Domains.All.Select(d => sheet.DomainScore(d, c)).ToArray())
            .Where(p => p.All(double.IsFinite))
            .Take(cities)];
    }

    /// <summary>Points as CSV, one per line, for SciPy (scripts/bench-clustering.sh).</summary>
    public static string PointsCsv(IEnumerable<double[]> points)
    {
        var text = new StringBuilder();
        foreach (var point in points)
        {
            text.AppendJoin(',', point.Select(v => v.ToString("R", CultureInfo.InvariantCulture))).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The same matrix as CSV (city, indicators), for tools outside .NET.</summary>
    public static string ToCsv(IndicatorMatrix matrix)
    {
        var text = new StringBuilder();
        text.Append("city,").AppendJoin(',', Framework.Indicators.Select(i => i.Code)).Append('\n');
        for (var c = 0; c < matrix.CityCount; c++)
        {
            text.Append(CultureInfo.InvariantCulture, $"c{c}");
            for (var j = 0; j < Framework.Count; j++)
            {
                var v = matrix[j, c];
                text.Append(',').Append(double.IsNaN(v) ? string.Empty : v.ToString("R", CultureInfo.InvariantCulture));
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// A cities.csv for the codes of <see cref="ToCsv"/> (c0…), spread over the report's seven regions, each at a
    /// made-up position inside China's bounding box (seeded, so every run places them alike) for the map's scale tests.
    /// </summary>
    public static string CitiesCsv(int cities)
    {
        var regions = Regions;
        var random = new Random(20151216);
        var text = new StringBuilder("code,name_zh,name_en,province_zh,province_en,region_zh,region_en,level,east_west,north_south,lat,lon\n");
        for (var c = 0; c < cities; c++)
        {
            var (zh, en) = regions[c % regions.Length];
            var (lat, lon) = (22 + (random.NextDouble() * 23), 100 + (random.NextDouble() * 22));
            text.Append(CultureInfo.InvariantCulture, $"c{c},合成城市{c},Synthetic City {c},合成省,Synthetic Province,{zh},{en},other,{(c % 2 == 0 ? "east" : "west")},{(c % 3 == 0 ? "north" : "south")},{lat:F4},{lon:F4}\n");
        }

        return text.ToString();
    }

    /// <summary>As <see cref="Matrix"/>, with each city's region as <see cref="CitiesCsv"/> assigns it (for group-median imputation).</summary>
    public static IndicatorMatrix GroupedMatrix(int cities, int seed = 42)
    {
        var values = Matrix(cities, seed).Values;
        return new IndicatorMatrix(Framework, cities, values) { Groups = [.. Enumerable.Range(0, cities).Select(c => Regions[c % Regions.Length].Zh)] };
    }

    private static readonly (string Zh, string En)[] Regions =
        [("华北", "North China"), ("东北", "Northeast China"), ("华东", "East China"), ("华中", "Central China"), ("华南", "South China"), ("西南", "Southwest China"), ("西北", "Northwest China")];

    private static Indicator Indicator(string code, Domain domain, int order) => new(code, domain, code, code, "", 1, "", "", order);
}
