using CityExchange.Core.Analysis;
using MathNet.Numerics;

namespace CityExchange.Core.Tests.Analysis.Reference;

/// <summary>
/// The clustering as it was before the scalable algorithms (commit cf36b16), kept as the oracle of the property tests:
/// the primitive algorithm (scan every pair for the closest, merge, update by Lance–Williams), O(n²) memory, O(n³) time.
/// Euclidean distances (MathNet <see cref="Distance.Euclidean(double[], double[])"/>) and the Lance–Williams update for
/// each <see cref="Linkage"/>. Ward and centroid work on squared distances and report merge heights as their square
/// root, as SciPy does. Merges are output in the order made.
/// <para>
/// Two changes since cf36b16, so that it decides ties as <see cref="HierarchicalClustering"/> documents: pairs at the
/// same distance compare by their clusters' highest point numbers (lower, then upper) instead of the clusters'
/// numbers, and for single linkage by the points at the ends of the shortest edge between them; and centroid linkage
/// (its Lance–Williams coefficients) was added.
/// </para>
/// <para>
/// With <paramref name="fromCentroids"/>, Ward and centroid dissimilarities are instead recomputed from the clusters'
/// centroids and sizes after each merge, with the same floating-point operations as the production code. Exact ties
/// between clusters (on a grid of points) are then equal in both, as Lance–Williams' rounding, which depends on the
/// order of merges, does not keep them: this tests the merge order and the tie rule, where the default tests the values.
/// </para>
/// </summary>
public static class ReferenceClustering
{
    public static Dendrogram Cluster(IReadOnlyList<double[]> points, Linkage linkage, bool fromCentroids = false)
    {
        var n = points.Count;
        if (n > 0 && points.Any(p => p.Length != points[0].Length || p.Any(v => !double.IsFinite(v))))
        {
            throw new ArgumentException("Every point needs the same number of finite coordinates.", nameof(points));
        }

        var squared = linkage is Linkage.Ward or Linkage.Centroid;
        fromCentroids &= squared;
        var centroid = points.Select(p => p.ToArray()).ToArray();

        // Slot s holds the active cluster id[s]; a merged pair keeps the lower slot.
        var d = new double[n, n];
        // The tie-break of each pair: the points of the shortest edge (single linkage), else the clusters' highest points.
        var lower = new int[n, n];
        var upper = new int[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var e = Distance.Euclidean(points[i], points[j]);
                d[i, j] = d[j, i] = fromCentroids ? FromCentroids(linkage, centroid[i], 1, centroid[j], 1) : squared ? e * e : e;
                lower[i, j] = lower[j, i] = i;
                upper[i, j] = upper[j, i] = j;
            }
        }

        var id = Enumerable.Range(0, n).ToArray();
        var highest = Enumerable.Range(0, n).ToArray();
        var size = Enumerable.Repeat(1, n).ToArray();
        var active = Enumerable.Repeat(true, n).ToArray();
        var merges = new List<Merge>(Math.Max(0, n - 1));

        for (var step = 0; step < n - 1; step++)
        {
            int a = -1, b = -1;
            var best = double.PositiveInfinity;
            for (var i = 0; i < n; i++)
            {
                if (!active[i])
                {
                    continue;
                }

                for (var j = i + 1; j < n; j++)
                {
                    if (!active[j])
                    {
                        continue;
                    }

                    var dij = d[i, j];
                    if (a < 0 || dij < best || (dij == best && PairBefore(lower[i, j], upper[i, j], lower[a, b], upper[a, b])))
                    {
                        best = dij;
                        a = i;
                        b = j;
                    }
                }
            }

            int na = size[a], nb = size[b];
            if (fromCentroids)
            {
                // As the production code: a step from the centroid of the cluster with the higher highest point.
                var (from, into) = highest[a] < highest[b] ? (a, b) : (b, a);
                var weight = (double)size[from] / (size[from] + size[into]);
                centroid[a] = [.. centroid[into].Select((v, k) => v + ((centroid[from][k] - v) * weight))];
            }

            highest[a] = Math.Max(highest[a], highest[b]);
            for (var k = 0; k < n; k++)
            {
                if (!active[k] || k == a || k == b)
                {
                    continue;
                }

                var nk = size[k];
                var updated = linkage switch
                {
                    Linkage.Single => Math.Min(d[a, k], d[b, k]),
                    Linkage.Complete => Math.Max(d[a, k], d[b, k]),
                    Linkage.Average => ((na * d[a, k]) + (nb * d[b, k])) / (na + nb),
                    Linkage.Ward => (((na + nk) * d[a, k]) + ((nb + nk) * d[b, k]) - (nk * best)) / (na + nb + nk),
                    Linkage.Centroid => (((na * d[a, k]) + (nb * d[b, k])) / (na + nb)) - (na * (double)nb * best / ((na + nb) * (double)(na + nb))),
                    _ => throw new ArgumentOutOfRangeException(nameof(linkage)),
                };
                if (fromCentroids)
                {
                    updated = FromCentroids(linkage, centroid[a], na + nb, centroid[k], nk);
                }

                if (linkage == Linkage.Single)
                {
                    var fromB = d[b, k] < d[a, k] || (d[b, k] == d[a, k] && PairBefore(lower[b, k], upper[b, k], lower[a, k], upper[a, k]));
                    (lower[a, k], upper[a, k]) = fromB ? (lower[b, k], upper[b, k]) : (lower[a, k], upper[a, k]);
                }
                else
                {
                    (lower[a, k], upper[a, k]) = (Math.Min(highest[a], highest[k]), Math.Max(highest[a], highest[k]));
                }

                (lower[k, a], upper[k, a]) = (lower[a, k], upper[a, k]);
                d[a, k] = d[k, a] = updated;
            }

            var height = squared ? Math.Sqrt(Math.Max(0, best)) : best;
            merges.Add(new Merge(Math.Min(id[a], id[b]), Math.Max(id[a], id[b]), height, na + nb));
            id[a] = n + step;
            size[a] = na + nb;
            active[b] = false;
        }

        return new Dendrogram(n, merges);
    }

    private static double FromCentroids(Linkage linkage, double[] a, int sizeA, double[] b, int sizeB)
    {
        var sum = 0.0;
        for (var k = 0; k < a.Length; k++)
        {
            var t = a[k] - b[k];
            sum += t * t;
        }

        return linkage == Linkage.Ward ? 2 * (double)sizeA * sizeB / (sizeA + (double)sizeB) * sum : sum;
    }

    private static bool PairBefore(int lower1, int upper1, int lower2, int upper2) =>
        lower1 < lower2 || (lower1 == lower2 && upper1 < upper2);
}
