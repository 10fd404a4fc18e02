using CityExchange.Core.Framework;
using CityExchange.Core.Scoring;
using MathNet.Numerics.Statistics;

namespace CityExchange.Core.Analysis;

/// <summary>A cluster of cities: <see cref="Members"/> are positions in the score sheet, sorted by city code.</summary>
public sealed record CityCluster(int Id, IReadOnlyList<int> Members, double Overall, IReadOnlyList<double> Domains);

/// <summary>
/// The cities of a year clustered on their four domain scores. <see cref="Leaves"/> maps the dendrogram's leaves to
/// score-sheet positions; <see cref="Excluded"/> are the cities left out because a domain score is missing.
/// </summary>
public sealed record ClusterResult(
    Linkage Linkage,
    int K,
    Dendrogram Tree,
    IReadOnlyList<int> Leaves,
    IReadOnlyList<int> LeafClusters,
    IReadOnlyList<CityCluster> Clusters,
    IReadOnlyList<int> Excluded);

/// <summary>
/// Clusters a year's cities as the report does (part 4.2): Euclidean distance on the four domain scores, unstandardised.
/// Rule for missing data: a city without all four domain scores is left out of the clustering and listed in
/// <see cref="ClusterResult.Excluded"/> (distances between incomplete profiles are not comparable).
/// Clusters are numbered 1…k by descending mean overall score of their members (ties by the smallest city code),
/// so that cluster 1 is the most vital, as in Figure 9.
/// </summary>
public static class ClusterAnalysis
{
    public const int DefaultK = 5;

    /// <summary>The positions of the cities with all four domain scores, in order of city code.</summary>
    public static IReadOnlyList<int> Clusterable(ScoreSheet sheet, IReadOnlyList<string> codes) =>
        [.. Enumerable.Range(0, sheet.CityCount)
            .Where(c => Domains.All.All(d => !double.IsNaN(sheet.DomainScore(d, c))))
            .OrderBy(c => codes[c], StringComparer.Ordinal)];

    /// <exception cref="ClusteringTooLargeException">More clusterable cities than the linkage accepts (<see cref="HierarchicalClustering.PointLimit"/>).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static ClusterResult Run(ScoreSheet sheet, IReadOnlyList<string> codes, Linkage linkage, int k, CancellationToken cancellationToken = default)
    {
        if (codes.Count != sheet.CityCount)
        {
            throw new ArgumentException("One code per city of the sheet.", nameof(codes));
        }

        var leaves = Clusterable(sheet, codes);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, Math.Max(1, leaves.Count));

        var points = leaves.Select(c => Domains.All.Select(d => sheet.DomainScore(d, c)).ToArray()).ToList();
        var tree = HierarchicalClustering.Cluster(points, linkage, cancellationToken);
        var raw = tree.Cut(Math.Min(k, Math.Max(1, leaves.Count)));

        var groups = Enumerable.Range(0, leaves.Count).GroupBy(l => raw[l])
            .Select(g => g.Select(l => leaves[l]).OrderBy(c => codes[c], StringComparer.Ordinal).ToList())
            .Select(members => (Members: members, Overall: members.Select(c => sheet.Overall[c]).Mean()))
            .OrderByDescending(g => g.Overall)
            .ThenBy(g => codes[g.Members[0]], StringComparer.Ordinal)
            .ToList();

        var clusterOf = new Dictionary<int, int>();
        var clusters = new List<CityCluster>(groups.Count);
        for (var i = 0; i < groups.Count; i++)
        {
            var (members, overall) = groups[i];
            foreach (var c in members)
            {
                clusterOf[c] = i + 1;
            }

            clusters.Add(new CityCluster(i + 1, members, overall,
                [.. Domains.All.Select(d => members.Select(c => sheet.DomainScore(d, c)).Mean())]));
        }

        var excluded = Enumerable.Range(0, sheet.CityCount).Except(leaves).OrderBy(c => codes[c], StringComparer.Ordinal).ToList();
        return new ClusterResult(linkage, k, tree, leaves, [.. leaves.Select(c => clusterOf[c])], clusters, excluded);
    }
}
