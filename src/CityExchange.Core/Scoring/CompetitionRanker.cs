using System.Buffers;

namespace CityExchange.Core.Scoring;

/// <summary>Standard competition ranking ("1224"), highest score first.</summary>
public static class CompetitionRanker
{
    /// <summary>Scores closer than this are a tie, so floating-point noise never splits equal cities.</summary>
    public const double TieTolerance = 1e-9;

    /// <summary>Ranks <paramref name="scores"/> descending into <paramref name="ranks"/>; a missing (NaN) score gets rank 0.</summary>
    public static void RankDescending(ReadOnlySpan<double> scores, Span<int> ranks)
    {
        if (ranks.Length != scores.Length)
        {
            throw new ArgumentException("ranks and scores must have the same length.", nameof(ranks));
        }

        var n = scores.Length;
        var keys = ArrayPool<ulong>.Shared.Rent(2 * n);
        var order = ArrayPool<int>.Shared.Rent(2 * n);
        try
        {
            Rank(scores, ranks, keys.AsSpan(0, 2 * n), order.AsSpan(0, 2 * n));
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(keys);
            ArrayPool<int>.Shared.Return(order);
        }
    }

    /// <summary>
    /// As <see cref="RankDescending(ReadOnlySpan{double}, Span{int})"/> with caller-owned scratch arrays (no allocation).
    /// <paramref name="order"/> must hold one entry per score.
    /// </summary>
    public static void RankDescending(ReadOnlySpan<double> scores, Span<int> ranks, int[] order)
    {
        if (ranks.Length != scores.Length || order.Length < scores.Length)
        {
            throw new ArgumentException("ranks and order must hold one entry per score.", nameof(ranks));
        }

        if (scores.Length < RadixSort.RadixThreshold)
        {
            Span<ulong> sortKeys = stackalloc ulong[scores.Length];
            Rank(scores, ranks, sortKeys, order);
        }
        else
        {
            RankDescending(scores, ranks);
        }
    }

    public static int[] RankDescending(ReadOnlySpan<double> scores)
    {
        var ranks = new int[scores.Length];
        RankDescending(scores, ranks);
        return ranks;
    }

    /// <summary>
    /// Sorts the present scores descending once (radix sort of their order-preserving bits, <see cref="RadixSort"/>),
    /// then walks the sorted run: a score within <see cref="TieTolerance"/> of the one before shares its rank.
    /// <paramref name="keys"/> and <paramref name="order"/> hold at least n entries (2n for the radix sort's scratch).
    /// </summary>
    private static void Rank(ReadOnlySpan<double> scores, Span<int> ranks, Span<ulong> keys, Span<int> order)
    {
        var n = scores.Length;
        var count = 0;
        for (var i = 0; i < n; i++)
        {
            ranks[i] = 0;
            var s = scores[i];
            if (!double.IsNaN(s))
            {
                keys[count] = RadixSort.Descending(s);
                order[count] = i;
                count++;
            }
        }

        if (count < RadixSort.RadixThreshold)
        {
            RadixSort.Sort(keys[..count], order[..count], keys, order);
        }
        else
        {
            RadixSort.Sort(keys[..count], order[..count], keys.Slice(n, count), order.Slice(n, count));
        }

        var previous = double.NaN;
        var rank = 0;
        for (var k = 0; k < count; k++)
        {
            var s = scores[order[k]];
            if (k == 0 || !(Math.Abs(s - previous) <= TieTolerance))
            {
                rank = k + 1;
            }

            ranks[order[k]] = rank;
            previous = s;
        }
    }
}
