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
