using CityExchange.Core.Analysis;
using CityExchange.Core.Tests.Analysis.Reference;
using CsCheck;

namespace CityExchange.Core.Tests.Analysis;

/// <summary>
/// The scalable algorithms (nearest-neighbour chain, generic algorithm, minimum spanning tree) against the primitive
/// O(n³) algorithm they replace (<see cref="ReferenceClustering"/>) on random points: 2–200 points in 1–6 dimensions,
/// continuous, with duplicated points, and on a small integer grid where equal distances are everywhere. The same
/// partition at every k and the same heights to 1e-9 relative.
/// <para>
/// On the grid, clusters tie exactly, and an exact tie survives only arithmetic that keeps it. Single and complete
/// linkage only compare distances, so they meet the reference as it is. Ward and centroid meet it when it recomputes
/// dissimilarities from centroids as the production code does (Lance–Williams rounds differently along different
/// merge orders). Average linkage has no such arithmetic (a mean of distances rounds by the order it was built in), so
/// its ties are tested where they are exact: between duplicates, at 0.
/// </para>
/// </summary>
public sealed class ClusteringEquivalenceTests
{
    private const double Tolerance = 1e-9;

    public static TheoryData<Linkage, bool> GridLinkages => new()
    {
        { Linkage.Ward, true },
        { Linkage.Centroid, true },
        { Linkage.Single, false },
        { Linkage.Complete, false },
    };

    /// <summary>
    /// Points in general position (no two distances equal): uniform coordinates in [−100, 100), not CsCheck's
    /// <c>Gen.Double[…]</c>, which favours simple values (0, integers) and so makes exact ties, the grid's business.
    /// </summary>
    private static readonly Gen<double[][]> Continuous =
        Gen.Int[1, 6].SelectMany(dims => Gen.Double.Unit.Select(u => (u * 200) - 100).Array[dims].Array[2, 200]);

    /// <summary>Continuous points, some repeated up to three more times (distance 0, ties at 0).</summary>
    private static readonly Gen<double[][]> Duplicated =
        Gen.Select(Continuous, Gen.Int[0, 3].Array[200], (points, copies) =>
            points.SelectMany((p, i) => Enumerable.Repeat(p, 1 + copies[i])).Take(200).ToArray());

    /// <summary>Points of a {0, 1, 2}ᵈ grid, most of them repeated: equal distances between singletons and clusters.</summary>
    private static readonly Gen<double[][]> Grid =
        Gen.Int[1, 3].SelectMany(dims => Gen.Int[0, 2].Select(v => (double)v).Array[dims].Array[2, 120]);

    [Theory]
    [MemberData(nameof(ClusteringCases.EveryLinkage), MemberType = typeof(ClusteringCases))]
    public void ContinuousPoints_MergeAsTheReference(Linkage linkage) =>
        Continuous.Sample(points => AssertSameTree(points, linkage, fromCentroids: false));

    [Theory]
    [MemberData(nameof(ClusteringCases.EveryLinkage), MemberType = typeof(ClusteringCases))]
    public void DuplicatedPoints_MergeAsTheReference(Linkage linkage) =>
        Duplicated.Sample(points => AssertSameTree(points, linkage, fromCentroids: false));

    [Theory]
    [MemberData(nameof(GridLinkages))]
    public void GridPoints_MergeAsTheReference(Linkage linkage, bool fromCentroids) =>
        Grid.Sample(points => AssertSameTree(points, linkage, fromCentroids), iter: 200);

    private static void AssertSameTree(double[][] points, Linkage linkage, bool fromCentroids)
    {
        var expected = ReferenceClustering.Cluster(points, linkage, fromCentroids);

        var actual = HierarchicalClustering.Cluster(points, linkage);

        Assert.Equal(expected.LeafCount, actual.LeafCount);
        for (var k = 1; k <= points.Length; k++)
        {
            Assert.True(expected.Cut(k).SequenceEqual(actual.Cut(k)), $"Partitions differ at k = {k}.");
        }

        for (var m = 0; m < expected.Merges.Count; m++)
        {
            double e = expected.Merges[m].Height, a = actual.Merges[m].Height;
            Assert.True(Math.Abs(e - a) <= Tolerance * Math.Max(Math.Abs(e), Math.Abs(a)),
                $"Merge {m}: height {a:R}, reference {e:R}.");
        }

        Assert.Equal(expected.Merges.Select(m => (m.Left, m.Right, m.Size)), actual.Merges.Select(m => (m.Left, m.Right, m.Size)));
    }
}
