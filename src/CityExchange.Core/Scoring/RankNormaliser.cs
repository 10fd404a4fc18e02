namespace CityExchange.Core.Scoring;

/// <summary>
/// The report's rank score (part 3.3): sort ascending, equal values share the lowest rank (1,1,1,4),
/// score = 100·rank/n where n is the number of cities with a value. Polarity −1 ranks descending.
/// Every indicator with at least one value is kept; all-equal values all score 100/n.
/// </summary>
public static class RankNormaliser
{
    public static NormalisationOutcome Normalise(ReadOnlySpan<double> raw, int polarity, Span<double> scores, out int valueCount)
    {
        scores.Fill(double.NaN);
        var keys = new double[raw.Length];
        var order = new int[raw.Length];
        valueCount = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            if (!double.IsNaN(raw[i]))
            {
                keys[valueCount] = polarity < 0 ? -raw[i] : raw[i];
                order[valueCount] = i;
                valueCount++;
            }
        }

        if (valueCount == 0)
        {
            return NormalisationOutcome.TooFewValues;
        }

        Array.Sort(keys, order, 0, valueCount);
        var n = (double)valueCount;
        var rank = 1;
        for (var k = 0; k < valueCount; k++)
        {
            if (k > 0 && keys[k] != keys[k - 1])
            {
                rank = k + 1;
            }

            scores[order[k]] = 100.0 * rank / n;
        }

        return NormalisationOutcome.Scored;
    }

    /// <summary>
    /// Rank score against a pool of values sorted ascending (the panel): rank = 1 + the number of pooled values below x
    /// (above x for polarity −1), score = 100·rank/pool size. Within one year this is exactly <see cref="Normalise"/>.
    /// </summary>
    public static NormalisationOutcome ApplyPooled(ReadOnlySpan<double> raw, int polarity, ReadOnlySpan<double> sortedPool, Span<double> scores)
    {
        if (sortedPool.Length == 0)
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
