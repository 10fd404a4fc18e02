using CityExchange.Core.Analysis;
using CityExchange.Core.Tests.Builders;

namespace CityExchange.Core.Tests.Analysis;

/// <summary>
/// Which linkage reproduces the report's Figure 9 (five clusters of the 46 cities, column <c>cluster</c> of
/// siis2015_published.csv) from the published 2013 domain scores. Recorded in docs/analysis.md.
/// </summary>
public sealed class Figure9ReproductionTests
{
    private static readonly int[] Figure9 =
        [.. Published2013.Codes.Select(code => TestData.Published.Single(p => p.CityCode == code).Cluster!.Value)];

    private static PartitionAgreement Agreement(Linkage linkage)
    {
        var result = ClusterAnalysis.Run(Published2013.Sheet(), Published2013.Codes, linkage, 5);
        return PartitionAgreement.Compare(result.LeafClusters, Figure9);
    }

    [Fact]
    public void Ward_ReproducesFigure9Exactly_WithTheReportsClusterNumbers()
    {
        var result = ClusterAnalysis.Run(Published2013.Sheet(), Published2013.Codes, Linkage.Ward, 5);

        Assert.Empty(result.Excluded);
        Assert.Equal(46, result.Leaves.Count);
        // Numbering clusters by descending mean overall score gives Figure 9's own numbers, city by city.
        Assert.Equal(Figure9, result.LeafClusters);
        Assert.Equal(["beijing", "shanghai"], result.Clusters[0].Members.Select(c => Published2013.Codes[c]));
    }

    /// <summary>
    /// Expected values from SciPy 1.10.1 (scipy.cluster.hierarchy.linkage on the same 46×4 matrix, fcluster
    /// maxclust=5) with the adjusted Rand index computed from the contingency table, and the misplaced count from
    /// the best of the 120 label permutations.
    /// </summary>
    [Theory]
    [InlineData(Linkage.Ward, 1.0, 0)]
    [InlineData(Linkage.Complete, 0.4316, 12)]
    [InlineData(Linkage.Average, 0.3399, 20)]
    [InlineData(Linkage.Single, 0.0661, 27)]
    public void EachLinkage_AgreesWithFigure9AsSciPySays(Linkage linkage, double adjustedRand, int misplaced)
    {
        var agreement = Agreement(linkage);

        Assert.Equal(adjustedRand, agreement.AdjustedRandIndex, 4);
        Assert.Equal(misplaced, agreement.Misplaced);
    }

    [Fact]
    public void DefaultLinkage_IsTheOneThatReproducesFigure9() =>
        Assert.Equal(Linkages.Default, Linkages.All.MaxBy(l => Agreement(l).AdjustedRandIndex));
}
