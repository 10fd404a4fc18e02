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
    public static Dendrogram Run(Centroids points, CancellationToken cancellationToken)
    {
        var n = points.Count;
        // For each point outside the tree, its shortest edge to the tree: squared length and the tree end.
        var outside = new int[Math.Max(0, n - 1)];
        var length = new double[n];
        var end = new int[n];
        for (var v = 1; v < n; v++)
        {
            outside[v - 1] = v;
            length[v] = double.PositiveInfinity;
        }

        var edges = new (double Length, int Lower, int Upper)[Math.Max(0, n - 1)];
        var remaining = n - 1;
        var added = 0;
        while (remaining > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var from = points.Of(added);
            var nearest = -1;
            for (var p = 0; p < remaining; p++)
            {
                var v = outside[p];
                var d = points.SquaredDistance(from, v);
                if (EdgeBefore(d, added, v, length[v], end[v], v))
                {
                    length[v] = d;
                    end[v] = added;
                }

                if (nearest < 0 || EdgeBefore(length[v], end[v], v, length[outside[nearest]], end[outside[nearest]], outside[nearest]))
                {
                    nearest = p;
                }
            }

            added = outside[nearest];
            edges[n - 1 - remaining] = (length[added], Math.Min(added, end[added]), Math.Max(added, end[added]));
            outside[nearest] = outside[--remaining];
        }

        Array.Sort(edges);
        return Merges(n, edges);
    }

    private static bool EdgeBefore(double length1, int end1, int v1, double length2, int end2, int v2)
    {
        if (length1 != length2)
        {
            return length1 < length2;
        }

        int lower1 = Math.Min(end1, v1), lower2 = Math.Min(end2, v2);
        return lower1 != lower2 ? lower1 < lower2 : Math.Max(end1, v1) < Math.Max(end2, v2);
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
