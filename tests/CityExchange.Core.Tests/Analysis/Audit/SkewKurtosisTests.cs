using CityExchange.Core.Scoring;

namespace CityExchange.Core.Tests.Analysis.Audit;

public sealed class SkewKurtosisTests
{
    /// <summary>
    /// 1, 2, 3, 10 by hand: deviations −3, −2, −1, 6, so Σd² = 50, Σd³ = 180, Σd⁴ = 1394; Excel's SKEW =
    /// n√(n−1)·Σd³/((n−2)(Σd²)^1.5) = 7.2√3/√50 and KURT = ((n+1)(nΣd⁴/(Σd²)² − 3) + 6)(n−1)/((n−2)(n−3)) = 3.228.
    /// </summary>
    [Fact]
    public void Of_IsExcelsSkewAndKurt()
    {
        var (skew, kurtosis) = SkewKurtosis.Of([1, 2, double.NaN, 3, 10]);

        Assert.Equal(7.2 * Math.Sqrt(3) / Math.Sqrt(50), skew, 14);
        Assert.Equal(3.228, kurtosis, 13);
    }

    [Fact]
    public void Of_NeedsThreeValuesForSkewFourForKurtosisAndSpreadForBoth()
    {
        var (skew3, kurtosis3) = SkewKurtosis.Of([1, 2, 10]);
        Assert.False(double.IsNaN(skew3));
        Assert.True(double.IsNaN(kurtosis3));

        var (skew2, _) = SkewKurtosis.Of([1, 2]);
        Assert.True(double.IsNaN(skew2));

        var (skewConstant, kurtosisConstant) = SkewKurtosis.Of([4, 4, 4, 4, 4]);
        Assert.True(double.IsNaN(skewConstant));
        Assert.True(double.IsNaN(kurtosisConstant));
    }

    /// <summary>COINr's check_SkewKurt passes when |skew| &lt; 2 or kurtosis &lt; 3.5, so both at the threshold fail.</summary>
    [Theory]
    [InlineData(2.0, 3.5, true)]
    [InlineData(-2.0, 3.5, true)]
    [InlineData(1.9999, 10.0, false)]
    [InlineData(5.0, 3.4999, false)]
    [InlineData(-3.0, 12.0, true)]
    public void Fails_AtOrBeyondBothThresholds(double skew, double kurtosis, bool fails)
    {
        Assert.Equal(fails, SkewKurtosis.Fails(skew, kurtosis));
    }

    /// <summary>R's NA logic: (|sk| &lt; 2) | (kt &lt; 3.5) is TRUE if either side is TRUE, NA if neither is and one is NA.</summary>
    [Theory]
    [InlineData(double.NaN, 2.0, false)]
    [InlineData(1.0, double.NaN, false)]
    [InlineData(3.0, double.NaN, null)]
    [InlineData(double.NaN, 5.0, null)]
    [InlineData(double.NaN, double.NaN, null)]
    public void Fails_FollowsRsMissingValueLogic(double skew, double kurtosis, bool? fails)
    {
        Assert.Equal(fails, SkewKurtosis.Fails(skew, kurtosis));
    }

    [Fact]
    public void Fails_TakesOtherThresholds()
    {
        Assert.False(SkewKurtosis.Fails(2.5, 5, skewThreshold: 3));
        Assert.True(SkewKurtosis.Fails(2.5, 5, skewThreshold: 2.25, kurtosisThreshold: 4));
    }
}
