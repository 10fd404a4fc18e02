using CityExchange.Core.Analysis.Clustering;

namespace CityExchange.Core.Analysis;

/// <summary>
/// Agglomerative hierarchical clustering of points with Euclidean distances; the merges and heights of SciPy's
/// <c>scipy.cluster.hierarchy.linkage(points, method)</c>, numbered as SciPy numbers them.
/// <list type="table">
///   <listheader><term>Linkage</term><description>Algorithm · memory · time</description></listheader>
///   <item><term>Ward (default)</term><description>nearest-neighbour chain on centroids and sizes · O(n·d) · O(n²·d)</description></item>
///   <item><term>Centroid</term><description>Müllner's generic algorithm on centroids · O(n·d) · O(n²·d) in practice</description></item>
///   <item><term>Single</term><description>Prim's minimum spanning tree on the implicit complete graph · O(n·d) · O(n²·d)</description></item>
///   <item><term>Average, complete</term><description>nearest-neighbour chain on the n(n−1)/2 distances · O(n²) · O(n²), up to <see cref="PairwiseLimit"/> points</description></item>
/// </list>
/// Merges are output by increasing height, except centroid linkage, whose merges come in the order made, with any
/// inversion (a merge lower than the one before) as it is, as SciPy does.
/// <para>
/// Ties are resolved the same way every time. A cluster's label is its highest point number (input position). Of
/// pairs of clusters at the same distance, the pair with the lowest labels (compared lower first, then upper) merges
/// first; for single linkage the rule is the same on the points at the two ends of the shortest edge between the
/// clusters. Merges at the same height are output in the order that rule makes them.
/// </para>
/// </summary>
public static class HierarchicalClustering
{
    /// <summary>
    /// The most points average and complete linkage accept: they need all n(n−1)/2 distances, 100 MB at 5,000 points
    /// (about 0.5 s on one core of the reference machine, docs/performance.md), growing with n². Ward, centroid and
    /// single linkage have no limit.
    /// </summary>
    public const int PairwiseLimit = 5_000;

    /// <summary>The largest magnitude of a coordinate: squared distances of such points stay far from overflowing.</summary>
    public const double MaxCoordinate = 1e100;

    /// <summary>The most points <paramref name="linkage"/> accepts, or null when it has no limit.</summary>
    public static int? PointLimit(Linkage linkage) => linkage is Linkage.Average or Linkage.Complete ? PairwiseLimit : null;

    /// <summary>Clusters <paramref name="points"/> (each with the same number of finite coordinates).</summary>
    /// <exception cref="ArgumentException">The points have different numbers of coordinates, or one is not finite or exceeds <see cref="MaxCoordinate"/>.</exception>
    /// <exception cref="ClusteringTooLargeException">More points than <see cref="PointLimit"/> allows for the linkage.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Dendrogram Cluster(IReadOnlyList<double[]> points, Linkage linkage, CancellationToken cancellationToken = default)
    {
        var n = points.Count;
        var dimensions = n > 0 ? points[0].Length : 0;
        foreach (var point in points)
        {
            if (point.Length != dimensions || point.Any(v => !double.IsFinite(v) || Math.Abs(v) > MaxCoordinate))
            {
                throw new ArgumentException($"Every point needs the same number of finite coordinates, each at most {MaxCoordinate:G} in magnitude.", nameof(points));
            }
        }

        if (PointLimit(linkage) is { } limit && n > limit)
        {
            throw new ClusteringTooLargeException(linkage, n, limit);
        }

        if (n < 2)
        {
            return new Dendrogram(n, []);
        }

        return linkage switch
        {
            Linkage.Ward => NearestNeighbourChain.Run(n, new WardLinkage(new Centroids(points, dimensions)), cancellationToken),
            Linkage.Average or Linkage.Complete => NearestNeighbourChain.Run(n, new PairwiseLinkage(points, linkage, cancellationToken), cancellationToken),
            Linkage.Single => MinimumSpanningTree.Run(points, dimensions, cancellationToken),
            Linkage.Centroid => GenericLinkage.Run(new Centroids(points, dimensions), cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(linkage)),
        };
    }
}
