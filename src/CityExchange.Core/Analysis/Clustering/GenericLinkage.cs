namespace CityExchange.Core.Analysis.Clustering;

/// <summary>
/// Centroid linkage (UPGMC, SciPy's <c>method='centroid'</c>): the distance between clusters is the distance between
/// their centroids. It is not reducible (a merged cluster can be closer to a third than either part was, and merge
/// lower: an inversion), so the chain does not apply; this is Müllner's generic algorithm (2011, §3.1, as in
/// fastcluster's <c>generic_linkage_vector</c>): each slot keeps a candidate for its nearest neighbour among the
/// higher slots, with a distance that is a lower bound of the true one, in a priority queue; the queue's top is merged
/// once its candidate is confirmed, else its row is searched again. O(n·d) memory; O(n²) time in practice.
/// <para>
/// Merges are reported in the order made, with inversions as they are. Ties: pairs compare by squared distance, then
/// by their slots (lower, then upper); a merged cluster takes the upper slot, which is its highest point number.
/// </para>
/// </summary>
internal static class GenericLinkage
{
    public static Dendrogram Run(Centroids centroids, CancellationToken cancellationToken)
    {
        var n = centroids.Count;
        var log = new MergeLog(n);
        var active = new ActiveClusters(n);
        // (bound[i], candidate[i]): at most the smallest (distance, slot) over the active slots after i, in that order.
        var bound = new double[n];
        var candidate = new int[n];
        var queue = new IndexedMinHeap(n);
        var gone = new bool[n];
        for (var i = 0; i < n - 1; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            SearchRow(i);
        }

        while (active.Count > 1)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var a = queue.Top;
            var b = candidate[a];
            if (gone[b] || centroids.SquaredDistance(a, b) != bound[a])
            {
                // The candidate merged away or moved: the bound still holds, but find the real nearest.
                SearchRow(a);
                continue;
            }

            queue.Remove(a);
            log.Add(a, b, b, bound[a], Math.Sqrt(bound[a]));
            centroids.Merge(a, b);
            active.Remove(a);
            gone[a] = true;

            // Only the distances to b changed. Rows before b that now find b closer take it; the others keep their
            // bound, still a lower bound (a distance that went away or grew can only raise the minimum).
            foreach (var k in active.Slots)
            {
                if (k >= b)
                {
                    break;
                }

                var d = centroids.SquaredDistance(k, b);
                if (d < bound[k] || (d == bound[k] && b < candidate[k]))
                {
                    bound[k] = d;
                    candidate[k] = b;
                    queue.Set(k, d);
                }
            }

            if (b == active.Last)
            {
                queue.Remove(b);
            }
            else
            {
                SearchRow(b);
            }
        }

        return log.InFoundOrder();

        void SearchRow(int i)
        {
            var from = centroids.Of(i);
            var best = double.PositiveInfinity;
            var nearest = -1;
            foreach (var j in active.After(i))
            {
                var d = centroids.SquaredDistance(from, j);
                if (d < best || nearest < 0)
                {
                    best = d;
                    nearest = j;
                }
            }

            bound[i] = best;
            candidate[i] = nearest;
            queue.Set(i, best);
        }
    }
}
