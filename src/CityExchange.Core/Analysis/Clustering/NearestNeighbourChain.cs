namespace CityExchange.Core.Analysis.Clustering;

/// <summary>A linkage whose clusters the nearest-neighbour chain can merge: reducible (Ward, average, complete).</summary>
internal interface IReducibleLinkage
{
    /// <summary>
    /// The active cluster closest to <paramref name="a"/> (never <paramref name="a"/>) and its dissimilarity; of equal
    /// dissimilarities, the lowest slot (the first met in <paramref name="active"/>, which is sorted).
    /// </summary>
    int Nearest(int a, ReadOnlySpan<int> active, out double dissimilarity);

    /// <summary>Merges the clusters in slots <paramref name="a"/> &lt; <paramref name="b"/> into slot <paramref name="b"/>; <paramref name="active"/> still holds both.</summary>
    void Merge(int a, int b, ReadOnlySpan<int> active);

    /// <summary>The merge height SciPy reports for a dissimilarity.</summary>
    double Height(double dissimilarity);
}

/// <summary>
/// The nearest-neighbour chain (Murtagh 1985; Müllner 2011, §3.2): follow nearest neighbours from a cluster until two
/// clusters are each other's nearest, merge them, and carry on from the rest of the chain. For a reducible linkage
/// (a merged cluster is never closer to a third than the nearer of its parts) this finds the same merges as merging
/// the closest pair each time, in O(n²) time, with the memory of the linkage alone.
/// <para>
/// Ties: pairs compare by dissimilarity, then by their slots (lower, then upper). A merged cluster takes the upper of
/// its two slots, so a slot is always the highest point number in its cluster; this order stays reducible, which is
/// why the chain reproduces the closest-pair algorithm under the same rule exactly, ties included.
/// </para>
/// </summary>
internal static class NearestNeighbourChain
{
    public static Dendrogram Run<TLinkage>(int n, TLinkage linkage, CancellationToken cancellationToken)
        where TLinkage : IReducibleLinkage
    {
        var log = new MergeLog(n);
        var active = new ActiveClusters(n);
        var chain = new int[n];
        var inChain = new bool[n];
        var length = 0;
        while (active.Count > 1)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (length == 0)
            {
                chain[length++] = active.First;
                inChain[active.First] = true;
            }

            var a = chain[length - 1];
            var b = linkage.Nearest(a, active.Slots, out var dissimilarity);
            if (length > 1 && b == chain[length - 2])
            {
                length -= 2;
                inChain[a] = inChain[b] = false;
                var (lower, upper) = a < b ? (a, b) : (b, a);
                linkage.Merge(lower, upper, active.Slots);
                log.Add(lower, upper, upper, dissimilarity, linkage.Height(dissimilarity));
                active.Remove(lower);
            }
            else if (inChain[b])
            {
                // Only rounding can make a merged cluster closer than the chain allows; resume the chain at b.
                while (chain[length - 1] != b)
                {
                    inChain[chain[--length]] = false;
                }
            }
            else
            {
                chain[length++] = b;
                inChain[b] = true;
            }
        }

        return log.ByHeight();
    }
}
