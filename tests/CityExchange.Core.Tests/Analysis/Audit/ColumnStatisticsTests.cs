using CityExchange.Core.Analysis.Audit;

namespace CityExchange.Core.Tests.Analysis.Audit;

public sealed class ColumnStatisticsTests
{
    /// <summary>1, 2, 2, 3 (and a missing value) by hand: mean 2, median 2, sd √(2/3), skew 0, KURT 1.5.</summary>
    [Fact]
    public void Of_DescribesTheValuesPresent()
    {
        var s = ColumnStatistics.Of([2, double.NaN, 1, 3, 2]);

        Assert.Equal(4, s.N);
        Assert.Equal(1, s.Missing);
        Assert.Equal(1, s.Min);
        Assert.Equal(3, s.Max);
        Assert.Equal(2, s.Mean, 15);
        Assert.Equal(2, s.Median);
        Assert.Equal(Math.Sqrt(2.0 / 3), s.Sd, 15);
        Assert.Equal(0, s.Skew, 15);
        Assert.Equal(1.5, s.Kurtosis, 14);
        Assert.False(s.Outlier);
    }

    [Fact]
    public void Of_AnEvenCountHasTheMeanOfTheMiddleTwoAsMedian()
    {
        Assert.Equal(3.5, ColumnStatistics.Of([10, 1, 3, 4]).Median);
    }

    [Fact]
    public void Of_FlagsCoinrsExampleAsAnOutlier()
    {
        var s = ColumnStatistics.Of([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100]);

        // scipy.stats.skew/kurtosis(bias=False): 3.0632410342394993, 9.741390834569144
        Assert.Equal(3.0632410342394993, s.Skew, 12);
        Assert.Equal(9.741390834569144, s.Kurtosis, 12);
        Assert.True(s.Outlier);
    }

    [Fact]
    public void Of_LeavesUndefinedValuesNaN()
    {
        var empty = ColumnStatistics.Of([double.NaN, double.NaN]);
        Assert.Equal((0, 2), (empty.N, empty.Missing));
        Assert.All([empty.Min, empty.Max, empty.Mean, empty.Median, empty.Sd, empty.Skew, empty.Kurtosis], x => Assert.True(double.IsNaN(x)));
        Assert.Null(empty.Outlier);

        var single = ColumnStatistics.Of([7]);
        Assert.Equal((7.0, 7.0, 7.0, 7.0), (single.Min, single.Max, single.Mean, single.Median));
        Assert.True(double.IsNaN(single.Sd));

        var constant = ColumnStatistics.Of([5, 5, 5, 5, 5]);
        Assert.Equal(0, constant.Sd);
        Assert.True(double.IsNaN(constant.Skew) && double.IsNaN(constant.Kurtosis));
        Assert.Null(constant.Outlier);
    }
}
