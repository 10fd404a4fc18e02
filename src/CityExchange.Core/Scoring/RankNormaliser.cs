using System.Buffers;

namespace CityExchange.Core.Scoring;

/// <summary>
/// The report's rank score (part 3.3): sort ascending, equal values share the lowest rank (1,1,1,4),
/// score = 100·rank/n where n is the number of cities with a value. Polarity −1 ranks descending.
/// An indicator with fewer than two values (in the year, or in the pool with panel goalposts) is left out, as with
/// min–max: a city alone reporting it would otherwise score 100 on it. All-equal values (two or more) all score 100/n.
/// </summary>
public static class RankNormaliser
{
    public static NormalisationOutcome Normalise(ReadOnlySpan<double> raw, int polarity, Span<double> scores, out int valueCount)
    {
        scores.Fill(double.NaN);
        var length = raw.Length;
        var keys = ArrayPool<ulong>.Shared.Rent(2 * length);
        var order = ArrayPool<int>.Shared.Rent(2 * length);
        try
        {
            // Sorted once by the values' order-preserving bits (descending bits for polarity −1, i.e. ascending −x).
            valueCount = 0;
            for (var i = 0; i < length; i++)
            {
                var x = raw[i];
                if (!double.IsNaN(x))
                {
                    keys[valueCount] = polarity < 0 ? RadixSort.Descending(x) : RadixSort.Ascending(x);
                    order[valueCount] = i;
                    valueCount++;
                }
            }

            if (valueCount < 2)
            {
                return NormalisationOutcome.TooFewValues;
            }

            RadixSort.Sort(keys.AsSpan(0, valueCount), order.AsSpan(0, valueCount), keys.AsSpan(length, valueCount), order.AsSpan(length, valueCount));
            var n = (double)valueCount;
            var rank = 1;
            var previous = double.NaN;
            for (var k = 0; k < valueCount; k++)
            {
                var x = raw[order[k]];
                if (k > 0 && x != previous)
                {
                    rank = k + 1;
                }

                scores[order[k]] = 100.0 * rank / n;
                previous = x;
            }

            return NormalisationOutcome.Scored;
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(keys);
            ArrayPool<int>.Shared.Return(order);
        }
    }

    /// <summary>
    /// Rank score against a pool of values sorted ascending (the panel): rank = 1 + the number of pooled values below x
    /// (above x for polarity −1), score = 100·rank/pool size. Within one year this is exactly <see cref="Normalise"/>.
    /// </summary>
    public static NormalisationOutcome ApplyPooled(ReadOnlySpan<double> raw, int polarity, ReadOnlySpan<double> sortedPool, Span<double> scores)
    {
        if (sortedPool.Length < 2)
        {
            scores.Fill(double.NaN);
            return NormalisationOutcome.TooFewValues;
        }

        var n = (double)sortedPool.Length;
        for (var i = 0; i < raw.Length; i++)
        {
            var x = raw[i];
            if (double.IsNaN(x))
            {
                scores[i] = double.NaN;
                continue;
            }

            var below = polarity < 0 ? sortedPool.Length - CountAtMost(sortedPool, x) : CountBelow(sortedPool, x);
            scores[i] = 100.0 * (below + 1) / n;
        }

        return NormalisationOutcome.Scored;
    }

    private static int CountBelow(ReadOnlySpan<double> sorted, double x)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < x)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static int CountAtMost(ReadOnlySpan<double> sorted, double x)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
