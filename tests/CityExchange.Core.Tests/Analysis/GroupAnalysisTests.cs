using CityExchange.Core.Analysis;
using CityExchange.Core.Tests.Builders;

namespace CityExchange.Core.Tests.Analysis;

/// <summary>Group means on the published 2013 scores; expected values computed with numpy 1.24 from the bundled CSV files.</summary>
public sealed class GroupAnalysisTests
{
    private static IReadOnlyList<GroupMean> Groups() => GroupAnalysis.ByKind(Published2013.Cities, Published2013.Sheet());

    private static GroupMean Group(IEnumerable<GroupMean> groups, string kind, string key) => groups.Single(g => g.Kind == kind && g.Key == key);

    [Fact]
    public void ByKind_EastMeansMatchNumpy()
    {
        var east = Group(Groups(), GroupAnalysis.EastWest, "east");

        Assert.Equal(21, east.Members.Count);
        Assert.Equal(49.295833333333334, east.Overall, 10);
        Approx.Equal([50.48809523809525, 55.210476190476186, 52.194761904761904, 39.29], east.Domains, 1e-10);
    }

    [Fact]
    public void ByKind_KeepsTheNineCitiesTheReportLeftOutAsUnassigned()
    {
        var unassigned = Group(Groups(), GroupAnalysis.EastWest, GroupAnalysis.Unassigned);

        Assert.Equal(9, unassigned.Members.Count);
        Assert.Equal(36.890277777777776, unassigned.Overall, 10);
    }

    [Fact]
    public void ByKind_HasSevenRegionsKeyedInChineseAndThreeLevels()
    {
        var groups = Groups();

        Assert.Equal(["东北", "华北", "华东", "华中", "华南", "西南", "西北"], groups.Where(g => g.Kind == GroupAnalysis.Region).Select(g => g.Key));
        Assert.Equal(["municipality", "capital", "other"], groups.Where(g => g.Kind == GroupAnalysis.Level).Select(g => g.Key));
        Assert.Equal(["north", "south"], groups.Where(g => g.Kind == GroupAnalysis.NorthSouth).Select(g => g.Key));
        Assert.All(GroupAnalysis.Kinds, kind => Assert.Equal(46, groups.Where(g => g.Kind == kind).Sum(g => g.Members.Count)));

        var northwest = Group(groups, GroupAnalysis.Region, "西北");
        Assert.Equal(29.180500000000002, northwest.Overall, 10);
        Assert.Equal(81.109375, Group(groups, GroupAnalysis.Level, "municipality").Overall, 10);
    }

    [Fact]
    public void Figure10_ComparesEastAndWestCapitalsWithMunicipalities()
    {
        var groups = GroupAnalysis.Figure10(Published2013.Cities, Published2013.Sheet());

        Assert.Equal(["east", "east/capital", "west", "west/capital"], groups.Select(g => g.Key));
        var westCapitals = Group(groups, GroupAnalysis.EastWest, "west/capital");
        Assert.Equal(15, westCapitals.Members.Count);
        Approx.Equal([44.473333333333336, 44.25133333333334, 38.60666666666666, 33.888], westCapitals.Domains, 1e-10);
    }

    [Fact]
    public void Figure11_SplitsNorthAndSouthIntoCapitalsAndOthers()
    {
        var groups = GroupAnalysis.Figure11(Published2013.Cities, Published2013.Sheet());

        Assert.Equal(["north", "north/capital", "north/other", "south", "south/capital", "south/other"], groups.Select(g => g.Key));
        var southOthers = Group(groups, GroupAnalysis.NorthSouth, "south/other");
        Assert.Equal(10, southOthers.Members.Count);
        Assert.Equal(33.664, southOthers.Overall, 10);
    }

    [Fact]
    public void Mean_SkipsMissingScores()
    {
        var sheet = Published2013.SheetOf([10, 20, double.NaN, 40], [30, 40, 50, double.NaN]);

        var mean = GroupAnalysis.Mean("test", "all", [0, 1], sheet);

        // Overall: (10+20+40)/3 and (30+40+50)/3 → mean 190/6.
        Assert.Equal(190.0 / 6, mean.Overall, 12);
        Approx.Equal([20, 30, 50, 40], mean.Domains, 1e-12);
    }
}
