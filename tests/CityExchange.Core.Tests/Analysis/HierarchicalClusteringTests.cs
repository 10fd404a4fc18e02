using CityExchange.Core.Analysis;
using CityExchange.Core.Tests.Builders;

namespace CityExchange.Core.Tests.Analysis;

public sealed class HierarchicalClusteringTests
{
    // Six points in the plane: two tight pairs, one looser pair.
    private static readonly double[][] Points = [[0, 0], [1, 0], [5, 0], [5, 3], [10, 1], [11, 1.5]];

    /// <summary>
    /// Expected merges (left, right, height) from SciPy 1.10.1: scipy.cluster.hierarchy.linkage(P, method) on the
    /// same six points. The first three merges are the pairs at distances 1, √1.25 and 3 for every linkage.
    /// </summary>
    [Theory]
    [InlineData(Linkage.Average, 4.957737973711, 7.896554727563)]
    [InlineData(Linkage.Complete, 5.830951894845, 11.101801655587)]
    [InlineData(Linkage.Single, 4.0, 5.099019513593)]
    [InlineData(Linkage.Ward, 6.708203932499, 12.682008253165)]
    public void Cluster_MergesAsSciPyDoes(Linkage linkage, double fourthHeight, double fifthHeight)
    {
        var tree = HierarchicalClustering.Cluster(Points, linkage);

        Assert.Equal(
            [(0, 1), (4, 5), (2, 3), (6, 8), (7, 9)],
            tree.Merges.Select(m => (m.Left, m.Right)));
        Approx.Equal([1, 1.11803398875, 3, fourthHeight, fifthHeight], tree.Merges.Select(m => m.Height), 1e-11);
        Assert.Equal([2, 2, 2, 4, 6], tree.Merges.Select(m => m.Size));
    }

    [Fact]
    public void Average_IsTheMeanOfPairwiseDistances()
    {
        // Hand computation: {0,1} and {2,3} at (0,0),(1,0) and (5,0),(5,3):
        // distances 5, √34, 4, 5 → mean (14 + √34) / 4.
        var tree = HierarchicalClustering.Cluster(Points, Linkage.Average);

        Assert.Equal((14 + Math.Sqrt(34)) / 4, tree.Merges[3].Height, 12);
    }

    [Fact]
    public void Cut_UndoesTheLastMerges()
    {
        var tree = HierarchicalClustering.Cluster(Points, Linkage.Ward);

        Assert.Equal([0, 0, 1, 1, 2, 2], tree.Cut(3));
        Assert.Equal([0, 0, 0, 0, 1, 1], tree.Cut(2));
        Assert.Equal([0, 0, 0, 0, 0, 0], tree.Cut(1));
        Assert.Equal([0, 1, 2, 3, 4, 5], tree.Cut(6));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.Cut(7));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.Cut(0));
    }

    [Fact]
    public void CutHeight_LiesBetweenTheKeptAndTheUndoneMerge()
    {
        var tree = HierarchicalClustering.Cluster(Points, Linkage.Single);

        Assert.Equal((3 + 4) / 2.0, tree.CutHeight(3), 12);
    }

    [Fact]
    public void LeafOrder_WalksTheTreeLeftFirst()
    {
        var tree = HierarchicalClustering.Cluster(Points, Linkage.Average);

        // Root = (7, 9); 7 = (4, 5); 9 = (6, 8); 6 = (0, 1); 8 = (2, 3).
        Assert.Equal([4, 5, 0, 1, 2, 3], tree.LeafOrder());
    }

    [Fact]
    public void Cluster_BreaksTiesByTheLowestClusterNumbers()
    {
        // Four corners of a unit square: every side is at distance 1.
        double[][] square = [[0, 0], [1, 0], [0, 1], [1, 1]];

        var first = HierarchicalClustering.Cluster(square, Linkage.Single);
        var again = HierarchicalClustering.Cluster([.. square], Linkage.Single);

        Assert.Equal((0, 1), (first.Merges[0].Left, first.Merges[0].Right));
        Assert.Equal((2, 3), (first.Merges[1].Left, first.Merges[1].Right));
        Assert.Equal(first.Merges, again.Merges);
    }

    [Fact]
    public void Cluster_OfOnePointHasNoMerge()
    {
        var tree = HierarchicalClustering.Cluster([[3.0, 4.0]], Linkage.Ward);

        Assert.Empty(tree.Merges);
        Assert.Equal([0], tree.Cut(1));
    }

    [Fact]
    public void Cluster_RefusesNonFinitePoints() =>
        Assert.Throws<ArgumentException>(() => HierarchicalClustering.Cluster([[0.0, 1.0], [double.NaN, 2.0]], Linkage.Average));

    [Theory]
    [InlineData("average", Linkage.Average)]
    [InlineData("WARD", Linkage.Ward)]
    [InlineData(null, Linkage.Ward)]
    public void Linkages_ParseCodes(string? code, Linkage expected)
    {
        Assert.True(Linkages.TryParse(code, out var linkage));
        Assert.Equal(expected, linkage);
    }

    [Fact]
    public void Linkages_RefuseUnknownCodes() => Assert.False(Linkages.TryParse("centroid", out _));
}
