namespace CityExchange.Core.Analysis;

/// <summary>
/// One merge of agglomerative clustering. Clusters are numbered as in SciPy: the leaves are 0…n−1 (the input order)
/// and merge i creates cluster n+i. <see cref="Left"/> is the lower-numbered of the two.
/// </summary>
public sealed record Merge(int Left, int Right, double Height, int Size);

/// <summary>
/// The merge tree of <see cref="LeafCount"/> points: n−1 merges in order, with non-decreasing heights except for
/// centroid linkage, which can merge lower than the merge before (an inversion); a merge always comes after the merges
/// that made its two clusters.
/// </summary>
public sealed class Dendrogram
{
    internal Dendrogram(int leafCount, IReadOnlyList<Merge> merges)
    {
        LeafCount = leafCount;
        Merges = merges;
    }

    public int LeafCount { get; }

    public IReadOnlyList<Merge> Merges { get; }

    /// <summary>
    /// Cuts the tree into <paramref name="k"/> clusters by undoing the last k−1 merges. Returns each leaf's cluster
    /// (0…k−1), numbered in order of each cluster's first leaf. O(n) time and memory.
    /// </summary>
    public int[] Cut(int k)
    {
        if (LeafCount == 0)
        {
            return [];
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, LeafCount);

        // Each node's top-most kept ancestor: a merge's children come before it, so walking the kept merges from the
        // last down hands every node its parent's, already final.
        var kept = LeafCount - k;
        var top = new int[LeafCount + kept];
        for (var i = 0; i < top.Length; i++)
        {
            top[i] = i;
        }

        for (var m = kept - 1; m >= 0; m--)
        {
            var merge = Merges[m];
            top[merge.Left] = top[merge.Right] = top[LeafCount + m];
        }

        var labels = new int[LeafCount];
        var label = new int[top.Length];
        Array.Fill(label, -1);
        var next = 0;
        for (var leaf = 0; leaf < LeafCount; leaf++)
        {
            ref var cluster = ref label[top[leaf]];
            if (cluster < 0)
            {
                cluster = next++;
            }

            labels[leaf] = cluster;
        }

        return labels;
    }

    /// <summary>
    /// The height at which the tree is cut into k clusters: midway between the last kept and the first undone merge
    /// (with an inversion there, the line no longer separates the clusters).
    /// </summary>
    public double CutHeight(int k)
    {
        if (Merges.Count == 0)
        {
            return 0;
        }

        var kept = LeafCount - k;
        var below = kept > 0 ? Merges[kept - 1].Height : 0;
        var above = kept < Merges.Count ? Merges[kept].Height : Merges[^1].Height;
        return (below + above) / 2;
    }

    /// <summary>The leaves in drawing order: a depth-first walk from the root, left child first.</summary>
    public IReadOnlyList<int> LeafOrder()
    {
        if (LeafCount == 0)
        {
            return [];
        }

        var order = new List<int>(LeafCount);
        var stack = new Stack<int>();
        stack.Push(LeafCount + Merges.Count - 1);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node < LeafCount)
            {
                order.Add(node);
                continue;
            }

            var merge = Merges[node - LeafCount];
            stack.Push(merge.Right);
            stack.Push(merge.Left);
        }

        return order;
    }
}
