using CityExchange.Core.Cities;
using CityExchange.Core.Framework;
using CityExchange.Web.Pages.Cities;
using static CityExchange.Web.Tests.Infrastructure.YearScoreBuilders;

namespace CityExchange.Web.Tests.Pages.Cities;

public sealed class CitySnapshotsTests
{
    [Fact]
    public void Median_IgnoresMissingValues()
    {
        Assert.Equal(3, CitySnapshots.Median([5, double.NaN, 1, 3]));
        Assert.Equal(2.5, CitySnapshots.Median([4, 1, double.NaN, 2, 3]));
        Assert.True(double.IsNaN(CitySnapshots.Median([double.NaN])));
    }

    [Fact]
    public void IndicatorRows_GiveRawValueRankAndTheYearsSpread()
    {
        var framework = Framework(("consulates", Domain.Politics), ("trade_volume", Domain.Trade));
        City[] cities = [City("a"), City("b"), City("c"), City("d")];
        // consulates 10, 30, 20, 30 → min–max 0, 100, 50, 100; trade_volume 5, NaN, 15, 10.
        var year = IndicatorYear(2043, framework, cities, [10, 30, 20, 30], [5, double.NaN, 15, 10]);

        var a = CitySnapshots.IndicatorRows(year, 0)!;
        var b = CitySnapshots.IndicatorRows(year, 1)!;

        Assert.Equal(new IndicatorRow(framework.Indicators[0], 10, 0, 4, 4, 10, 25, 30, "yearbook"), a[0]);
        Assert.Equal(1, b[0].Rank);
        Assert.Equal(100, b[0].Normalised);
        Assert.False(b[1].HasValue);
        Assert.Equal(0, b[1].Rank);
        Assert.Equal((3, 5.0, 10.0, 15.0), (a[1].ValueCount, a[1].Min, a[1].Median, a[1].Max));
        Assert.Null(CitySnapshots.IndicatorRows(PublishedYear(2041, cities, [1, 1, 1, 1], [2, 2, 2, 2], [3, 3, 3, 3], [4, 4, 4, 4]), 0));
    }

    [Fact]
    public void Deviations_MeasureTheNormalisedScoreFromTheMedianCity()
    {
        var framework = Framework(("consulates", Domain.Politics), ("trade_volume", Domain.Trade));
        City[] cities = [City("a"), City("b"), City("c"), City("d")];
        var year = IndicatorYear(2043, framework, cities, [10, 30, 20, 30], [5, double.NaN, 15, 10]);

        var c = CitySnapshots.Deviations(year, 2, []);

        // consulates: c scores 50, median of 0, 100, 50, 100 is 75 → −25; trade_volume: c scores 100, median of 0, 100, 50 is 50 → +50.
        Assert.Equal([-25.0, 50.0], c.Select(x => x.Difference));
        Assert.Single(CitySnapshots.Deviations(year, 1, []));
    }

    [Fact]
    public void Deviations_OfAPublishedYearAreTheDomainScoresAgainstTheMedians()
    {
        City[] cities = [City("a"), City("b")];
        var year = PublishedYear(2041, cities, [80, 60, double.NaN, 20], [40, 40, 40, 40]);

        var a = CitySnapshots.Deviations(year, 0, [60, 50, 40, 30]);

        Assert.Equal([(Domain.Social, 20.0), (Domain.Culture, 10.0), (Domain.Politics, -10.0)], a.Select(x => (x.Domain, x.Difference)));
    }
}
