using System.Globalization;
using System.Text;

namespace CityExchange.Web.Tests.Providers;

/// <summary>Whole-year indicator files (every city, all 17 indicators) from a seeded generator, each tagged in its source column.</summary>
public static class YearFiles
{
    public static readonly string[] Indicators =
    [
        "foreign_residents", "intl_flights", "intl_conferences", "intl_exhibitions", "passports", "intl_performances",
        "foreign_language", "foreign_restaurants", "trade_volume", "foreign_firms", "joint_ventures", "foreign_tax", "odi",
        "leader_visits", "consulates", "intl_orgs", "sister_cities",
    ];

    /// <summary>The 46 cities of <c>data/cities.csv</c>.</summary>
    public static readonly string[] Cities =
    [
        "beijing", "tianjin", "shijiazhuang", "qinhuangdao", "taiyuan", "hohhot", "shenyang", "dalian", "changchun", "harbin",
        "shanghai", "nanjing", "lianyungang", "nantong", "hangzhou", "ningbo", "wenzhou", "hefei", "fuzhou", "xiamen", "jinan",
        "qingdao", "yantai", "weihai", "wuhan", "changsha", "zhengzhou", "nanchang", "guangzhou", "shenzhen", "zhuhai",
        "shantou", "zhanjiang", "haikou", "nanning", "beihai", "chongqing", "chengdu", "kunming", "guiyang", "lhasa", "xian",
        "lanzhou", "xining", "yinchuan", "urumqi",
    ];

    /// <summary>A file whose every row's source note is <paramref name="tag"/>; values are whole numbers from the seed.</summary>
    public static byte[] Generate(int seed, string tag, IReadOnlyList<string>? cities = null)
    {
        var random = new Random(seed);
        var text = new StringBuilder("city,source,").AppendJoin(',', Indicators).Append('\n');
        foreach (var city in cities ?? Cities)
        {
            text.Append(city).Append(',').Append(tag);
            foreach (var _ in Indicators)
            {
                text.Append(',').Append(random.Next(1, 100_000).ToString(CultureInfo.InvariantCulture));
            }

            text.Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
