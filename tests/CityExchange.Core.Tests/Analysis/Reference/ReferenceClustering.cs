using CityExchange.Core.Analysis;
using MathNet.Numerics;

namespace CityExchange.Core.Tests.Analysis.Reference;

/// <summary>
/// The clustering as it was before the scalable algorithms (commit cf36b16), kept as the oracle of the property tests:
/// the primitive algorithm (scan every pair for the closest, merge, update by Lance–Williams), O(n²) memory, O(n³) time.
/// Euclidean distances (MathNet <see cref="Distance.Euclidean(double[], double[])"/>) and the Lance–Williams update for
/// each <see cref="Linkage"/>. Ward works on squared distances and reports merge heights as their square root, as SciPy does.
/// Deterministic: among pairs at the same distance, the pair with the lowest cluster numbers merges first.
/// </summary>
public static class ReferenceClustering
{
    public static Dendrogram Cluster(IReadOnlyList<double[]> points, Linkage linkage)
    {
        var n = points.Count;
        if (n > 0 && points.Any(p => p.Length != points[0].Length || p.Any(v => !double.IsFinite(v))))
        {
            throw new ArgumentException("Every point needs the same number of finite coordinates.", nameof(points));
        }

        // Slot s holds the active cluster id[s]; a merged pair keeps the lower slot.
        var d = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var e = Distance.Euclidean(points[i], points[j]);
                d[i, j] = d[j, i] = linkage == Linkage.Ward ? e * e : e;
            }
        }

        var id = Enumerable.Range(0, n).ToArray();
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
                    if (a < 0 || dij < best || (dij == best && IdPairBefore(id[i], id[j], id[a], id[b])))
                    {
                        best = dij;
                        a = i;
                        b = j;
                    }
                }
            }

            int na = size[a], nb = size[b];
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
                    _ => throw new ArgumentOutOfRangeException(nameof(linkage)),
                };
                d[a, k] = d[k, a] = updated;
            }

            var height = linkage == Linkage.Ward ? Math.Sqrt(Math.Max(0, best)) : best;
            merges.Add(new Merge(Math.Min(id[a], id[b]), Math.Max(id[a], id[b]), height, na + nb));
            id[a] = n + step;
            size[a] = na + nb;
            active[b] = false;
        }

        return new Dendrogram(n, merges);
    }

    private static bool IdPairBefore(int i1, int j1, int i2, int j2)
    {
        var (lo1, hi1) = i1 < j1 ? (i1, j1) : (j1, i1);
        var (lo2, hi2) = i2 < j2 ? (i2, j2) : (j2, i2);
        return lo1 < lo2 || (lo1 == lo2 && hi1 < hi2);
    }
}
