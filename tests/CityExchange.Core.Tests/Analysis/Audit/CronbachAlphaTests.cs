using CityExchange.Core.Analysis.Audit;

namespace CityExchange.Core.Tests.Analysis.Audit;

public sealed class CronbachAlphaTests
{
    private const double N = double.NaN;

    /// <summary>
    /// Columns 1…5; 2, 3, 3, 5, 6; 1, 3, 2, 5, 4 by hand: variances 2.5, 2.7, 2.5, covariances 2.5, 2, 2.25, so
    /// ΣC = 21.2, σ̄ = 13.5/6 = 2.25 and alpha = 9·2.25/21.2 = 405/424.
    /// </summary>
    [Fact]
    public void Of_IsCoinrsFormula()
    {
        Assert.Equal(405.0 / 424, CronbachAlpha.Of([[1, 2, 3, 4, 5], [2, 3, 3, 5, 6], [1, 3, 2, 5, 4]]), 14);
    }

    [Fact]
    public void Of_IdenticalColumnsIsOne()
    {
        Assert.Equal(1, CronbachAlpha.Of([[1, 4, 2, 8], [1, 4, 2, 8]]), 14);
    }

    /// <summary>
    /// Pairwise complete: a = 1, 2, 3, –; b = –, 2, 4, 6: var a = 1, var b = 4, cov over the two shared cities
    /// (2, 2), (3, 4) = 1; ΣC = 7, σ̄ = 2/2 = 1, alpha = 4·1/7.
    /// </summary>
    [Fact]
    public void Of_UsesThePairwiseCompleteCovarianceMatrix()
    {
        Assert.Equal(4.0 / 7, CronbachAlpha.Of([[1, 2, 3, N], [N, 2, 4, 6]]), 14);
    }

    /// <summary>A pair with one shared city has no covariance: left out of the sums, while k still counts both (COINr).</summary>
    [Fact]
    public void Of_SkipsCovariancesWithoutTwoPairsButKeepsK()
    {
        // var a = 1, var b = 4, cov(a, b) undefined: ΣC = 5, σ̄ = 0/2 → alpha 0
        Assert.Equal(0, CronbachAlpha.Of([[1, 2, 3, N, N], [N, N, 2, 4, 6]]));
    }

    [Fact]
    public void Of_IsUndefinedForOneColumnOrNoVariance()
    {
        Assert.True(double.IsNaN(CronbachAlpha.Of([[1, 2, 3]])));
        Assert.True(double.IsNaN(CronbachAlpha.Of([])));
        Assert.True(double.IsNaN(CronbachAlpha.Of([[2, 2, 2], [5, 5, 5]])));
    }
}
