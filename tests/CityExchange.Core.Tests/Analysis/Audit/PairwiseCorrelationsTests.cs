using CityExchange.Core.Analysis.Audit;

namespace CityExchange.Core.Tests.Analysis.Audit;

public sealed class PairwiseCorrelationsTests
{
    private const double N = double.NaN;

    /// <summary>
    /// x = 1, 2, 3, 4 and y = 1, 3, 2, 4: r = ρ = 0.8 by hand; with 2 degrees of freedom the two-sided p of t is
    /// 1 − t/√(t² + 2) = 1 − r = 0.2.
    /// </summary>
    [Fact]
    public void Compute_GivesCoefficientsAndPValues()
    {
        var table = PairwiseCorrelations.Compute(["x", "y"], [[1, 2, 3, 4], [1, 3, 2, 4]]);

        Assert.Equal(["x", "y"], table.Codes);
        Assert.Equal([4, 4], table.N[0]);
        Assert.Equal(0.8, table.Pearson[0][1], 14);
        Assert.Equal(0.8, table.Spearman[1][0], 14);
        Assert.Equal(0.2, table.PearsonP[0][1], 13);
        Assert.Equal(0.2, table.SpearmanP[0][1], 13);
        Assert.Equal(1, table.Pearson[0][0]);
        Assert.Equal(0, table.PearsonP[1][1]);
    }

    /// <summary>
    /// x = 1, 2, 3, 10, – and y = 1, –, 2, 4, 3 have three complete pairs, (1, 1), (3, 2), (10, 4): ranked among
    /// themselves ρ = 1; ranks taken over each column's four values would give (1, 3, 4) against (1, 2, 4), ρ = 0.94.
    /// </summary>
    [Fact]
    public void Compute_RanksEachPairsCompleteCasesAmongThemselves()
    {
        var table = PairwiseCorrelations.Compute(["x", "y"], [[1, 2, 3, 10, N], [1, N, 2, 4, 3]]);

        Assert.Equal(3, table.N[0][1]);
        Assert.Equal(4, table.N[0][0]);
        Assert.Equal(1, table.Spearman[0][1], 14);
        // scipy.stats.pearsonr([1, 3, 10], [1, 2, 4])
        Assert.Equal(0.992777757560162, table.Pearson[0][1], 14);
    }

    /// <summary>
    /// x = 1, 2, 2, 3 ranks 1, 2.5, 2.5, 4 (tied values share the mean of their ranks) against y's 1, 2, 3, 4:
    /// ρ = 4.5/√(4.5·5) = 3/√10 by hand; giving the tie its first rank (1, 2, 2, 4) would make it 0.9234 (scipy.stats.spearmanr gives 3/√10).
    /// </summary>
    [Fact]
    public void Compute_GivesTiedValuesTheirAverageRank()
    {
        var table = PairwiseCorrelations.Compute(["x", "y"], [[1, 2, 2, 3], [10, 20, 30, 40]]);

        Assert.Equal(0.9486832980505138, table.Spearman[0][1], 14);
    }

    [Fact]
    public void Compute_LeavesUndefinedCorrelationsNaN()
    {
        var table = PairwiseCorrelations.Compute(["a", "b", "c"], [[1, 2, N, N], [3, 1, 2, N], [5, 5, 5, 5]]);

        // two pairs: r = −1 is defined, its p-value needs a third
        Assert.Equal(-1, table.Pearson[0][1]);
        Assert.True(double.IsNaN(table.PearsonP[0][1]));
        // a constant column has no correlation, not even with itself
        Assert.True(double.IsNaN(table.Pearson[2][2]));
        Assert.True(double.IsNaN(table.Spearman[1][2]));
        Assert.True(double.IsNaN(table.PearsonP[1][2]));
        Assert.Equal(4, table.N[2][2]);
    }

    [Fact]
    public void Pearson_UsesTheCitiesWithBothValues()
    {
        Assert.Equal(1, PairwiseCorrelations.Pearson([1, 2, N, 4], [2, 4, 5, N]), 14);
        Assert.True(double.IsNaN(PairwiseCorrelations.Pearson([1, N], [N, 2])));
    }
}
