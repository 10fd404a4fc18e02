namespace CityExchange.Core.Analysis.Clustering;

/// <summary>
/// Single linkage from a minimum spanning tree (Gower &amp; Ross 1969; Müllner 2011, §3.3): Prim's algorithm on the
/// implicit complete graph of the points, distances computed as needed (O(n·d) memory, O(n²·d) time), then the tree's
/// edges by increasing length are the merges.
/// <para>
/// Ties: edges compare by length, then by their points (lower, then upper). With a strict order the tree is unique and
/// the merges are those of merging, each time, the two clusters joined by the smallest edge between them.
/// </para>
/// </summary>
internal static class MinimumSpanningTree
{
    public static Dendrogram Run(IReadOnlyList<double[]> points, int dimensions, CancellationToken cancellationToken)
    {
        var n = points.Count;
        // The points outside the tree, compacted by position (a point joining the tree swaps with the last), each with
        // its shortest edge to the tree: squared length and the tree end. By position, the loop reads memory in order.
        var remaining = n - 1;
        var outside = new Centroids([.. points.Skip(1)], dimensions);
        var point = new int[remaining];
        var length = new double[remaining];
        var end = new int[remaining];
        for (var p = 0; p < remaining; p++)
        {
            point[p] = p + 1;
            length[p] = double.PositiveInfinity;
        }

        var edges = new (double Length, int Lower, int Upper)[remaining];
        var added = 0;
        var from = points[0].ToArray();
        while (remaining > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var nearest = -1;
            for (var p = 0; p < remaining; p++)
            {
                var d = outside.SquaredDistance(from, p);
                if (d < length[p] || (d == length[p] && PairBefore(added, point[p], end[p], point[p])))
                {
                    length[p] = d;
                    end[p] = added;
                }

                if (nearest < 0 || length[p] < length[nearest]
                    || (length[p] == length[nearest] && PairBefore(end[p], point[p], end[nearest], point[nearest])))
                {
                    nearest = p;
                }
            }

            added = point[nearest];
            edges[n - 1 - remaining] = (length[nearest], Math.Min(added, end[nearest]), Math.Max(added, end[nearest]));
            outside.Of(nearest).CopyTo(from);
            remaining--;
            outside.Move(remaining, nearest);
            point[nearest] = point[remaining];
            length[nearest] = length[remaining];
            end[nearest] = end[remaining];
        }

        Array.Sort(edges);
        return Merges(n, edges);
    }

    /// <summary>Whether the edge between points a1 and b1 comes before the one between a2 and b2 (of equal length).</summary>
    private static bool PairBefore(int a1, int b1, int a2, int b2)
    {
        int lower1 = Math.Min(a1, b1), lower2 = Math.Min(a2, b2);
        return lower1 != lower2 ? lower1 < lower2 : Math.Max(a1, b1) < Math.Max(a2, b2);
    }

    /// <summary>Kruskal's pass over the sorted edges, with a union–find of the points naming each cluster's slot.</summary>
    private static Dendrogram Merges(int n, (double Length, int Lower, int Upper)[] edges)
    {
        var log = new MergeLog(n);
        var parent = new int[n];
        for (var i = 0; i < n; i++)
        {
            parent[i] = i;
        }

        foreach (var (length, lower, upper) in edges)
        {
            int a = Root(lower), b = Root(upper);
            parent[a] = b;
            log.Add(a, b, b, length, Math.Sqrt(length));
        }

        return log.InFoundOrder();

        int Root(int x)
        {
            var root = x;
            while (parent[root] != root)
            {
                root = parent[root];
            }

            while (parent[x] != root)
            {
                var next = parent[x];
                parent[x] = root;
                x = next;
            }

            return root;
        }
    }
}
