using System.Buffers;

namespace CityExchange.Core.Scoring;

/// <summary>
/// Sorting doubles by their bits. <see cref="Ascending"/> maps a double to an unsigned 64-bit key whose unsigned order is
/// the double's numeric order (IEEE 754 total order: −0 just below +0; NaN must be filtered out first), and
/// <see cref="Sort"/> sorts such keys with a payload (the city's position) by a stable least-significant-digit radix sort:
/// eight passes of one byte each, skipping every pass whose byte is the same in all keys (the sign and exponent bytes
/// of values of similar size). For 10,000 cities this is several times faster than <see cref="Array.Sort{TKey, TValue}(TKey[], TValue[])"/>
/// with double keys, which compares; small inputs (below <see cref="RadixThreshold"/>) use an insertion sort.
/// </summary>
public static class RadixSort
{
    /// <summary>Below this many keys an insertion sort (also stable) is faster than eight histogram passes.</summary>
    public const int RadixThreshold = 96;

    private const int Passes = sizeof(ulong);
    private const int Buckets = 256;

    /// <summary>The key of <paramref name="value"/>: ascending keys are ascending values. Flips all bits of a negative value, only the sign bit otherwise.</summary>
    public static ulong Ascending(double value)
    {
        var bits = (ulong)BitConverter.DoubleToInt64Bits(value);
        return (bits & 0x8000_0000_0000_0000UL) != 0 ? ~bits : bits | 0x8000_0000_0000_0000UL;
    }

    /// <summary>The key that sorts <paramref name="value"/> descending: the complement of <see cref="Ascending"/>.</summary>
    public static ulong Descending(double value) => ~Ascending(value);

    /// <summary>
    /// Sorts <paramref name="keys"/> ascending, moving <paramref name="items"/> with them; equal keys keep their order
    /// (stable). <paramref name="keyScratch"/> and <paramref name="itemScratch"/> must hold as many entries; their
    /// contents afterwards are unspecified.
    /// </summary>
    public static void Sort(Span<ulong> keys, Span<int> items, Span<ulong> keyScratch, Span<int> itemScratch)
    {
        var n = keys.Length;
        if (items.Length != n || keyScratch.Length < n || itemScratch.Length < n)
        {
            throw new ArgumentException("items and the scratch spans must hold one entry per key.", nameof(items));
        }

        if (n < RadixThreshold)
        {
            InsertionSort(keys, items);
            return;
        }

        Span<int> counts = stackalloc int[Passes * Buckets];
        counts.Clear();
        foreach (var key in keys)
        {
            for (var p = 0; p < Passes; p++)
            {
                counts[(p * Buckets) + (int)((key >> (8 * p)) & 0xFF)]++;
            }
        }

        Span<ulong> sourceKeys = keys, targetKeys = keyScratch[..n];
        Span<int> sourceItems = items, targetItems = itemScratch[..n];
        var inScratch = false;
        for (var p = 0; p < Passes; p++)
        {
            var count = counts.Slice(p * Buckets, Buckets);
            var shift = 8 * p;
            if (count[(int)((sourceKeys[0] >> shift) & 0xFF)] == n)
            {
                continue; // every key has this byte: the pass would not move anything
            }

            // Counts become the start of each bucket.
            var start = 0;
            for (var b = 0; b < Buckets; b++)
            {
                var c = count[b];
                count[b] = start;
                start += c;
            }

            for (var i = 0; i < n; i++)
            {
                var key = sourceKeys[i];
                var at = count[(int)((key >> shift) & 0xFF)]++;
                targetKeys[at] = key;
                targetItems[at] = sourceItems[i];
            }

            var k = sourceKeys;
            sourceKeys = targetKeys;
            targetKeys = k;
            var t = sourceItems;
            sourceItems = targetItems;
            targetItems = t;
            inScratch = !inScratch;
        }

        if (inScratch)
        {
            sourceKeys.CopyTo(keys);
            sourceItems.CopyTo(items);
        }
    }

    /// <summary>As <see cref="Sort(Span{ulong}, Span{int}, Span{ulong}, Span{int})"/>, with scratch rented from <see cref="ArrayPool{T}.Shared"/>.</summary>
    public static void Sort(Span<ulong> keys, Span<int> items)
    {
        if (keys.Length < RadixThreshold)
        {
            Sort(keys, items, keys, items);
            return;
        }

        var keyScratch = ArrayPool<ulong>.Shared.Rent(keys.Length);
        var itemScratch = ArrayPool<int>.Shared.Rent(keys.Length);
        try
        {
            Sort(keys, items, keyScratch, itemScratch);
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(keyScratch);
            ArrayPool<int>.Shared.Return(itemScratch);
        }
    }

    private static void InsertionSort(Span<ulong> keys, Span<int> items)
    {
        for (var i = 1; i < keys.Length; i++)
        {
            var key = keys[i];
            var item = items[i];
            var j = i - 1;
            while (j >= 0 && keys[j] > key)
            {
                keys[j + 1] = keys[j];
                items[j + 1] = items[j];
                j--;
            }

            keys[j + 1] = key;
            items[j + 1] = item;
        }
    }
}
