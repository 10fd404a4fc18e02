using CityExchange.Core.Cities;
using CityExchange.Core.Framework;
using CityExchange.Web.Dashboard;
using static CityExchange.Web.Tests.Dashboard.DashboardBuilders;

namespace CityExchange.Web.Tests.Dashboard;

public sealed class DashboardQueriesTests
{
    [Fact]
    public void Median_IgnoresMissingValues()
    {
        Assert.Equal(3, DashboardQueries.Median([5, double.NaN, 1, 3]));
        Assert.Equal(2.5, DashboardQueries.Median([4, 1, double.NaN, 2, 3]));
        Assert.True(double.IsNaN(DashboardQueries.Median([double.NaN])));
    }

    [Fact]
    public void IndicatorRows_GiveRawValueRankAndTheYearsSpread()
    {
        var framework = Framework(("consulates", Domain.Politics), ("trade_volume", Domain.Trade));
        City[] cities = [City("a"), City("b"), City("c"), City("d")];
        // consulates 10, 30, 20, 30 → min–max 0, 100, 50, 100; trade_volume 5, NaN, 15, 10.
        var year = IndicatorYear(2043, framework, cities, [10, 30, 20, 30], [5, double.NaN, 15, 10]);

        var a = DashboardQueries.IndicatorRows(year, 0)!;
        var b = DashboardQueries.IndicatorRows(year, 1)!;

        Assert.Equal(new IndicatorRow(framework.Indicators[0], 10, 0, 4, 4, 10, 25, 30, "yearbook"), a[0]);
        Assert.Equal(1, b[0].Rank);
        Assert.Equal(100, b[0].Normalised);
        Assert.False(b[1].HasValue);
        Assert.Equal(0, b[1].Rank);
        Assert.Equal((3, 5.0, 10.0, 15.0), (a[1].ValueCount, a[1].Min, a[1].Median, a[1].Max));
        Assert.Null(DashboardQueries.IndicatorRows(PublishedYear(2041, cities, [1, 1, 1, 1], [2, 2, 2, 2], [3, 3, 3, 3], [4, 4, 4, 4]), 0));
    }

    [Fact]
    public void Deviations_MeasureTheNormalisedScoreFromTheMedianCity()
    {
        var framework = Framework(("consulates", Domain.Politics), ("trade_volume", Domain.Trade));
        City[] cities = [City("a"), City("b"), City("c"), City("d")];
        var year = IndicatorYear(2043, framework, cities, [10, 30, 20, 30], [5, double.NaN, 15, 10]);

        var c = DashboardQueries.Deviations(year, 2, []);

        // consulates: c scores 50, median of 0, 100, 50, 100 is 75 → −25; trade_volume: c scores 100, median of 0, 100, 50 is 50 → +50.
        Assert.Equal([-25.0, 50.0], c.Select(x => x.Difference));
        Assert.Single(DashboardQueries.Deviations(year, 1, []));
    }

    [Fact]
    public void Deviations_OfAPublishedYearAreTheDomainScoresAgainstTheMedians()
    {
        City[] cities = [City("a"), City("b")];
        var year = PublishedYear(2041, cities, [80, 60, double.NaN, 20], [40, 40, 40, 40]);

        var a = DashboardQueries.Deviations(year, 0, [60, 50, 40, 30]);

        Assert.Equal([(Domain.Social, 20.0), (Domain.Culture, 10.0), (Domain.Politics, -10.0)], a.Select(x => (x.Domain, x.Difference)));
    }

    [Fact]
    public void Regions_FollowTheReportsOrder()
    {
        var regions = DashboardQueries.Regions([City("x", region: "西北"), City("y", region: "东北"), City("z", region: "华北"), City("w", region: "东北")]);

        Assert.Equal(["东北", "华北", "西北"], regions.Select(r => r.Key));
    }
}
