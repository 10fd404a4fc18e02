namespace CityExchange.Core.Analysis.Clustering;

/// <summary>
/// The slots of the clusters still active, kept sorted so that the distance loops walk memory forwards and meet
/// candidates in slot order (which is how equal distances are resolved: the lower slot is met first and kept).
/// Removing a slot shifts the tail: O(n) per merge, O(n²) ints over a whole clustering, small beside the distances.
/// </summary>
internal sealed class ActiveClusters
{
    private readonly int[] _slots;

    public ActiveClusters(int count)
    {
        _slots = new int[count];
        for (var i = 0; i < count; i++)
        {
            _slots[i] = i;
        }

        Count = count;
    }

    public int Count { get; private set; }

    public ReadOnlySpan<int> Slots => _slots.AsSpan(0, Count);

    public int First => _slots[0];

    public int Last => _slots[Count - 1];

    /// <summary>The active slots after <paramref name="slot"/> (which need not be active).</summary>
    public ReadOnlySpan<int> After(int slot)
    {
        var position = Array.BinarySearch(_slots, 0, Count, slot);
        var start = position >= 0 ? position + 1 : ~position;
        return _slots.AsSpan(start, Count - start);
    }

    public void Remove(int slot)
    {
        var position = Array.BinarySearch(_slots, 0, Count, slot);
        Array.Copy(_slots, position + 1, _slots, position, Count - position - 1);
        Count--;
    }
}
