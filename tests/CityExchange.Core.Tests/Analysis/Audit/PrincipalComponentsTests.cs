using CityExchange.Core.Analysis.Audit;

namespace CityExchange.Core.Tests.Analysis.Audit;

public sealed class PrincipalComponentsTests
{
    private const double N = double.NaN;

    /// <summary>Two standardised indicators with correlation r: eigenvalues 1 ± r, so the first takes (1 + r)/2.</summary>
    [Fact]
    public void First_OfTwoIndicatorsSharesTheirCorrelation()
    {
        // r = 0.8 (see PairwiseCorrelationsTests)
        var pca = PrincipalComponents.First(["x", "y"], [[1, 2, 3, 4], [1, 3, 2, 4]]);

        Assert.Equal(0.9, pca.FirstShare, 14);
        Assert.Equal(["x", "y"], pca.Loadings.Keys);
        Assert.Equal(Math.Sqrt(0.5), pca.Loadings["x"], 14);
        Assert.Equal(Math.Sqrt(0.5), pca.Loadings["y"], 14);
        Assert.Equal(4, pca.Cases);
    }

    /// <summary>Negatively correlated: (1, −1)/√2 sums to zero, so the first indicator's loading is made positive.</summary>
    [Fact]
    public void First_BreaksASignTieByTheFirstLoading()
    {
        var pca = PrincipalComponents.First(["x", "y"], [[1, 2, 3, 4], [4, 2, 3, 1]]);

        Assert.Equal(0.9, pca.FirstShare, 14);
        Assert.Equal(Math.Sqrt(0.5), pca.Loadings["x"], 14);
        Assert.Equal(-Math.Sqrt(0.5), pca.Loadings["y"], 14);
    }

    /// <summary>The loadings are turned to sum to a positive number: here two of three load negatively at first.</summary>
    [Fact]
    public void First_TurnsTheLoadingsToAPositiveSum()
    {
        var pca = PrincipalComponents.First(["a", "b", "c"], [[1, 2, 3, 4, 5], [5, 4, 3, 1, 2], [2, 1, 4, 3, 5]]);

        Assert.True(pca.Loadings.Values.Sum() > 0);
        Assert.Equal(1, pca.Loadings.Values.Sum(x => x * x), 14);
    }

    [Fact]
    public void First_UsesCompleteCasesOnly()
    {
        var pca = PrincipalComponents.First(["x", "y"], [[1, 2, 3, 4, 100], [1, 3, 2, 4, N]]);

        Assert.Equal(4, pca.Cases);
        Assert.Equal(0.9, pca.FirstShare, 14);
    }

    [Fact]
    public void First_IsUndefinedWithoutTwoCasesOrWithAConstantIndicator()
    {
        var oneCase = PrincipalComponents.First(["x", "y"], [[1, 2, N], [N, 3, 4]]);
        Assert.True(double.IsNaN(oneCase.FirstShare));
        Assert.Equal(1, oneCase.Cases);
        Assert.True(double.IsNaN(oneCase.Loadings["y"]));

        var constant = PrincipalComponents.First(["x", "y"], [[1, 2, 3], [5, 5, 5]]);
        Assert.True(double.IsNaN(constant.FirstShare));
        Assert.True(double.IsNaN(constant.Loadings["x"]));
    }

    [Fact]
    public void First_OfOneIndicatorIsAllOfIt()
    {
        var pca = PrincipalComponents.First(["x"], [[3, 1, 2]]);

        Assert.Equal(1, pca.FirstShare, 14);
        Assert.Equal(1, pca.Loadings["x"], 14);
    }
}
