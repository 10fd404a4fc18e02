namespace CityExchange.Core.Cities;

/// <summary>A city with every column of <c>cities.csv</c>. EastWest and NorthSouth are blank where the report leaves the city unassigned.</summary>
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
    string? NorthSouth);

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
    /// <summary>The position of the city with <paramref name="cityCode"/> (ignoring case) in <paramref name="cities"/>; -1 when absent.</summary>
    public static int IndexOfCode(this IReadOnlyList<City> cities, string cityCode)
    {
        for (var i = 0; i < cities.Count; i++)
        {
            if (string.Equals(cities[i].Code, cityCode, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
