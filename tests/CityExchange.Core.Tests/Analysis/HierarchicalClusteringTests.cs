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
    [InlineData(Linkage.Centroid, 4.743416490253, 7.766112283505)]
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
    public void Cluster_BreaksTiesByTheLowestLabels()
    {
        // Four corners of a unit square: every side at distance 1. Of the four sides, {0, 1} has the lowest labels;
        // then {2, 3} (the merged {0, 1} is labelled 1, and Ward puts it further from 2 than 3 is).
        double[][] square = [[0, 0], [1, 0], [0, 1], [1, 1]];

        var first = HierarchicalClustering.Cluster(square, Linkage.Ward);
        var again = HierarchicalClustering.Cluster([.. square], Linkage.Ward);

        Assert.Equal([(0, 1), (2, 3), (4, 5)], first.Merges.Select(m => (m.Left, m.Right)));
        Approx.Equal([1, 1, Math.Sqrt(2)], first.Merges.Select(m => m.Height), 1e-15);
        Assert.Equal(first.Merges, again.Merges);
    }

    [Fact]
    public void Single_BreaksTiesByTheEdgesLowestPoints()
    {
        // The square's sides by their points: {0, 1}, {0, 2}, {1, 3}, {2, 3}; the first three join everything.
        double[][] square = [[0, 0], [1, 0], [0, 1], [1, 1]];

        var tree = HierarchicalClustering.Cluster(square, Linkage.Single);

        Assert.Equal([(0, 1), (2, 4), (3, 5)], tree.Merges.Select(m => (m.Left, m.Right)));
        Assert.Equal([1.0, 1.0, 1.0], tree.Merges.Select(m => m.Height));
    }

    [Theory]
    [MemberData(nameof(ClusteringCases.EveryLinkage), MemberType = typeof(ClusteringCases))]
    public void Duplicates_MergeAtZero_LowestLabelsFirst(Linkage linkage)
    {
        // Four copies of one point and a point apart. {0, 1} (labelled 1) takes 2, then 3; the chain meets them
        // in another order, the output must not.
        double[][] points = [[4, 4], [4, 4], [4, 4], [4, 4], [0, 1]];

        var tree = HierarchicalClustering.Cluster(points, linkage);

        Assert.Equal([(0, 1), (2, 5), (3, 6), (4, 7)], tree.Merges.Select(m => (m.Left, m.Right)));
        Assert.Equal([0.0, 0.0, 0.0], tree.Merges.Take(3).Select(m => m.Height));
        Assert.Equal([2, 3, 4, 5], tree.Merges.Select(m => m.Size));
    }

    [Fact]
    public void Centroid_ReportsAnInversionAsItIs()
    {
        // SciPy 1.10.1, linkage(P, 'centroid'): {0, 1} at 2, then point 2 at 1.8 from their centroid (1, 0).
        double[][] points = [[0, 0], [2, 0], [1, 1.8]];

        var tree = HierarchicalClustering.Cluster(points, Linkage.Centroid);

        Assert.Equal([(0, 1, 2), (2, 3, 3)], tree.Merges.Select(m => (m.Left, m.Right, m.Size)));
        Approx.Equal([2, 1.8], tree.Merges.Select(m => m.Height), 1e-15);
        Assert.Equal([0, 0, 1], tree.Cut(2));
    }

    [Theory]
    [InlineData(Linkage.Average)]
    [InlineData(Linkage.Complete)]
    public void PairwiseLinkages_RefuseMoreThanTheirLimit(Linkage linkage)
    {
        var points = Enumerable.Range(0, 5001).Select(i => new[] { i * 0.5 }).ToList();

        var error = Assert.Throws<ClusteringTooLargeException>(() => HierarchicalClustering.Cluster(points, linkage));

        Assert.Equal((linkage, 5001, 5000), (error.Linkage, error.PointCount, error.Limit));
        Assert.Equal(5000, HierarchicalClustering.PointLimit(linkage));
    }

    [Fact]
    public void PairwiseLimit_MessageOffersAFilterInBothLanguages()
    {
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("en");
            Assert.Equal(
                "Linkage 'average' needs all pairwise distances and clusters at most 5,000 cities; 20,000 were given. Filter the cities (by region, say) or use Ward or single linkage.",
                new ClusteringTooLargeException(Linkage.Average, 20_000, 5_000).Message);
            System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("zh-CN");
            Assert.Equal(
                "联接方法“complete”需要全部两两距离，最多可对 5,000 座城市聚类，现有 20,000 座。请筛选城市（例如按地区），或改用 Ward 法或单联接。",
                new ClusteringTooLargeException(Linkage.Complete, 20_000, 5_000).Message);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }

    [Theory]
    [InlineData(Linkage.Ward)]
    [InlineData(Linkage.Centroid)]
    [InlineData(Linkage.Single)]
    public void CentroidAndTreeLinkages_HaveNoLimit(Linkage linkage) => Assert.Null(HierarchicalClustering.PointLimit(linkage));

    [Fact]
    public void Ward_ClustersMorePointsThanThePairwiseLimit()
    {
        var points = Enumerable.Range(0, 5001).Select(i => new[] { i * 0.5 * i }).ToList();

        var tree = HierarchicalClustering.Cluster(points, Linkage.Ward);

        Assert.Equal(5000, tree.Merges.Count);
        Assert.Equal(5001, tree.Merges[^1].Size);
    }

    /// <summary>
    /// Finding 2: clustering built the n × n distance matrix (10 GB RSS at 20,000 cities). Ward, centroid and single
    /// linkage keep O(n) state: at 3,000 points they allocate well under a megabyte, where the n(n−1)/2 distances alone
    /// would be 36 MB.
    /// </summary>
    [Theory]
    [InlineData(Linkage.Ward)]
    [InlineData(Linkage.Centroid)]
    [InlineData(Linkage.Single)]
    public void Cluster_MemoryIsLinearInThePoints(Linkage linkage)
    {
        var random = new Random(18);
        var points = Enumerable.Range(0, 3_000).Select(_ => new[] { random.NextDouble(), random.NextDouble(), random.NextDouble(), random.NextDouble() }).ToList();
        var before = GC.GetAllocatedBytesForCurrentThread();

        var tree = HierarchicalClustering.Cluster(points, linkage);

        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 2_000_000);
        Assert.Equal(2_999, tree.Merges.Count);
    }

    [Theory]
    [MemberData(nameof(ClusteringCases.EveryLinkage), MemberType = typeof(ClusteringCases))]
    public void Cluster_StopsWhenCancelledBeforehand(Linkage linkage)
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => HierarchicalClustering.Cluster(Points, linkage, cancelled.Token));
    }

    /// <summary>Cancelled while it runs: a run of many seconds ends with the cancellation, not with a result.</summary>
    [Theory]
    [InlineData(Linkage.Ward, 60_000)]
    [InlineData(Linkage.Centroid, 60_000)]
    [InlineData(Linkage.Single, 60_000)]
    [InlineData(Linkage.Average, 5_000)]
    public void Cluster_StopsWhenCancelledWhileRunning(Linkage linkage, int count)
    {
        var random = new Random(18);
        var points = Enumerable.Range(0, count).Select(_ => new[] { random.NextDouble(), random.NextDouble(), random.NextDouble(), random.NextDouble() }).ToList();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        Assert.ThrowsAny<OperationCanceledException>(() => HierarchicalClustering.Cluster(points, linkage, cancellation.Token));
    }

    [Theory]
    [InlineData(1e101)]
    [InlineData(-1e101)]
    [InlineData(double.PositiveInfinity)]
    public void Cluster_RefusesCoordinatesBeyondTheMaximum(double value) =>
        Assert.Throws<ArgumentException>(() => HierarchicalClustering.Cluster([[0.0, 1.0], [value, 2.0]], Linkage.Ward));

    [Fact]
    public void Cluster_AcceptsCoordinatesAtTheMaximum()
    {
        var tree = HierarchicalClustering.Cluster([[-1e100, 0.0], [1e100, 0.0], [1e100, 1.0]], Linkage.Ward);

        Assert.Equal([(1, 2), (0, 3)], tree.Merges.Select(m => (m.Left, m.Right)));
        Assert.All(tree.Merges, m => Assert.True(double.IsFinite(m.Height)));
    }

    [Fact]
    public void Cluster_RefusesPointsOfDifferentDimensions() =>
        Assert.Throws<ArgumentException>(() => HierarchicalClustering.Cluster([[0.0, 1.0], [2.0]], Linkage.Single));

    [Fact]
    public void Cluster_OfNoPointIsEmpty()
    {
        var tree = HierarchicalClustering.Cluster([], Linkage.Ward);

        Assert.Equal(0, tree.LeafCount);
        Assert.Empty(tree.Cut(1));
        Assert.Empty(tree.LeafOrder());
    }

    [Fact]
    public void Cut_OfADeepTreeOf20000Leaves()
    {
        // A chain: leaf i+1 joins the cluster of leaves 0…i, as single linkage does for points at 0, 1, 3, 6, 10…
        const int n = 20_000;
        var merges = new List<Merge> { new(0, 1, 1, 2) };
        for (var m = 1; m < n - 1; m++)
        {
            merges.Add(new Merge(m + 1, n + m - 1, m + 1, m + 2));
        }

        var tree = new Dendrogram(n, merges);

        Assert.All(tree.Cut(1), label => Assert.Equal(0, label));
        var three = tree.Cut(3);
        Assert.Equal((0, 0, 1, 2), (three[0], three[n - 3], three[n - 2], three[n - 1]));
        Assert.Equal(n - 2, three.Count(label => label == 0));
        Assert.Equal(Enumerable.Range(0, n), tree.Cut(n));
        Assert.Equal(n, tree.LeafOrder().Distinct().Count());
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

    [Theory]
    [InlineData("median")]
    [InlineData("ward2")]
    // Centroid linkage is implemented but not offered until the pages can name it and draw its inversions.
    [InlineData("centroid")]
    public void Linkages_RefuseCodesNotOffered(string code) => Assert.False(Linkages.TryParse(code, out _));

    [Fact]
    public void Centroid_HasItsCode() => Assert.Equal("centroid", Linkage.Centroid.Code());
}
