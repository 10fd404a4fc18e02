using CityExchange.Core.Cities;
using CityExchange.Core.Framework;
using CityExchange.Core.Scoring;
using MathNet.Numerics.Statistics;

namespace CityExchange.Core.Analysis;

/// <summary>
/// Mean scores of a group of cities. <see cref="Members"/> are score-sheet positions; each mean is over the members
/// that have that score (NaN when none has).
/// </summary>
public sealed record GroupMean(string Kind, string Key, IReadOnlyList<int> Members, double Overall, IReadOnlyList<double> Domains);

/// <summary>The group comparisons of the report (part 4.3, Figures 10–11).</summary>
public static class GroupAnalysis
{
    public const string Region = "region";
    public const string EastWest = "east_west";
    public const string NorthSouth = "north_south";
    public const string Level = "level";

    /// <summary>The key of cities the report leaves out of a grouping (blank in cities.csv).</summary>
    public const string Unassigned = "unassigned";

    /// <summary>The crossed key suffix for provincial capitals together with municipalities (省会/直辖市), as Figures 10–11 group them.</summary>
    public const string CapitalOrMunicipality = "capital";

    /// <summary>The crossed key suffix for the other cities (非省会/直辖市).</summary>
    public const string OtherCities = "other";

    public static IReadOnlyList<string> Kinds { get; } = [Region, EastWest, NorthSouth, Level];

    /// <summary>
    /// Means by region (in the report's order), east/west (east, west, unassigned),
    /// north/south and level (municipality, capital, other). Groups with no city in the year are left out.
    /// </summary>
    public static IReadOnlyList<GroupMean> ByKind(IReadOnlyList<City> cities, ScoreSheet sheet)
    {
        var result = new List<GroupMean>();
        result.AddRange(Group(Region, cities, sheet, c => c.RegionZh, CityRegions.ReportOrder));
        result.AddRange(Group(EastWest, cities, sheet, c => c.EastWest ?? Unassigned, ["east", "west", Unassigned]));
        result.AddRange(Group(NorthSouth, cities, sheet, c => c.NorthSouth ?? Unassigned, ["north", "south", Unassigned]));
        result.AddRange(Group(Level, cities, sheet, c => c.Level, CityLevels.All));
        return result;
    }

    /// <summary>Figure 10: east and west, each as a whole and its capitals with municipalities (unassigned cities left out).</summary>
    public static IReadOnlyList<GroupMean> Figure10(IReadOnlyList<City> cities, ScoreSheet sheet) =>
    [
        .. Crossed(EastWest, cities, sheet, c => c.EastWest, "east", includeOthers: false),
        .. Crossed(EastWest, cities, sheet, c => c.EastWest, "west", includeOthers: false),
    ];

    /// <summary>Figure 11: north and south, each as a whole, its capitals with municipalities, and its other cities.</summary>
    public static IReadOnlyList<GroupMean> Figure11(IReadOnlyList<City> cities, ScoreSheet sheet) =>
    [
        .. Crossed(NorthSouth, cities, sheet, c => c.NorthSouth, "north", includeOthers: true),
        .. Crossed(NorthSouth, cities, sheet, c => c.NorthSouth, "south", includeOthers: true),
    ];

    public static bool IsCapitalOrMunicipality(City city) => city.Level is CityLevels.Capital or CityLevels.Municipality;

    public static GroupMean Mean(string kind, string key, IReadOnlyList<int> members, ScoreSheet sheet) =>
        new(kind, key, members,
            MeanOf(members.Select(c => sheet.Overall[c])),
            [.. Domains.All.Select(d => MeanOf(members.Select(c => sheet.DomainScore(d, c))))]);

    private static IEnumerable<GroupMean> Crossed(string kind, IReadOnlyList<City> cities, ScoreSheet sheet, Func<City, string?> side,
        string key, bool includeOthers)
    {
        var all = Enumerable.Range(0, cities.Count).Where(c => side(cities[c]) == key).ToList();
        if (all.Count == 0)
        {
            yield break;
        }

        yield return Mean(kind, key, all, sheet);
        var capitals = all.Where(c => IsCapitalOrMunicipality(cities[c])).ToList();
        if (capitals.Count > 0)
        {
            yield return Mean(kind, $"{key}/{CapitalOrMunicipality}", capitals, sheet);
        }

        var others = all.Except(capitals).ToList();
        if (includeOthers && others.Count > 0)
        {
            yield return Mean(kind, $"{key}/{OtherCities}", others, sheet);
        }
    }

    private static IEnumerable<GroupMean> Group(string kind, IReadOnlyList<City> cities, ScoreSheet sheet, Func<City, string> key, IEnumerable<string> order)
    {
        var keys = order.ToList();
        // Keys outside the expected list (a custom cities file) come after, in order of appearance.
        keys.AddRange(cities.Select(key).Distinct().Where(k => !keys.Contains(k)));
        foreach (var k in keys)
        {
            var members = Enumerable.Range(0, cities.Count).Where(c => key(cities[c]) == k).ToList();
            if (members.Count > 0)
            {
                yield return Mean(kind, k, members, sheet);
            }
        }
    }

    private static double MeanOf(IEnumerable<double> values)
    {
        var present = values.Where(v => !double.IsNaN(v)).ToList();
        return present.Count == 0 ? double.NaN : present.Mean();
    }
}
