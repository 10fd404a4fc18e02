namespace CityExchange.Core.Cities;

/// <summary>
/// A city with every column of <c>cities.csv</c>. EastWest and NorthSouth are blank where the report leaves the city
/// unassigned. Latitude and Longitude (WGS84 decimal degrees) are both set or both null: a city without a known location
/// is listed beside the map, never drawn at 0,0.
/// </summary>
public sealed record City(
    string Code,
    string NameZh,
    string NameEn,
    string ProvinceZh,
    string ProvinceEn,
    string RegionZh,
    string RegionEn,
    string Level,
    string? EastWest,
    string? NorthSouth,
    double? Latitude = null,
    double? Longitude = null)
{
    public bool HasLocation => Latitude is not null && Longitude is not null;
}

public static class CityLevels
{
    public const string Municipality = "municipality";
    public const string Capital = "capital";
    public const string Other = "other";

    public static IReadOnlyList<string> All { get; } = [Municipality, Capital, Other];
}

/// <summary>The seven regions (RegionZh) of cities.csv.</summary>
public static class CityRegions
{
    /// <summary>The report's order of the regions (part 4.3, Figures 12–19: 东北、华北、华东、华中、华南、西南、西北).</summary>
    public static IReadOnlyList<string> ReportOrder => Order;

    /// <summary>The position of a region in <see cref="ReportOrder"/>; regions the report does not name come after all seven.</summary>
    public static int OrderOf(string region) => Array.IndexOf(Order, region) is var i && i >= 0 ? i : int.MaxValue;

    private static readonly string[] Order = ["东北", "华北", "华东", "华中", "华南", "西南", "西北"];
}

public static class CityLists
{
    /// <summary>Lists shorter than this are scanned; longer ones are looked up in an index built once per list.</summary>
    private const int IndexedFrom = 32;

    // One index per list instance, collected with it. The year lists it serves are never changed once built.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<City>, Dictionary<string, int>> Indexes = [];

    /// <summary>
    /// The position of the city with <paramref name="cityCode"/> (ignoring case) in <paramref name="cities"/>; -1 when
    /// absent. O(1) for long lists (a 20,000-city year looked every city up in a linear scan: 4·10^8 comparisons a page).
    /// The list must not change after its first lookup.
    /// </summary>
    public static int IndexOfCode(this IReadOnlyList<City> cities, string cityCode)
    {
        if (cities.Count >= IndexedFrom)
        {
            return Indexes.GetValue(cities, Build).TryGetValue(cityCode, out var index) ? index : -1;
        }

        for (var i = 0; i < cities.Count; i++)
        {
            if (string.Equals(cities[i].Code, cityCode, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static Dictionary<string, int> Build(IReadOnlyList<City> cities)
    {
        var index = new Dictionary<string, int>(cities.Count, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < cities.Count; i++)
        {
            // The first city with a code wins, as the scan does.
            index.TryAdd(cities[i].Code, i);
        }

        return index;
    }
}
