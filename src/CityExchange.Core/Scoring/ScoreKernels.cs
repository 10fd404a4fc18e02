using System.Numerics;
using System.Runtime.InteropServices;
using CityExchange.Core.Framework;

namespace CityExchange.Core.Scoring;

/// <summary>
/// The engine's inner loops over cities, in <see cref="Vector{T}"/> lanes. Each lane does exactly the scalar formula's
/// operations in the same order (a NaN lane adds +0, which changes no sum), so results are bit-for-bit those of the
/// scalar loops; the scalar tail handles what does not fill a vector.
/// </summary>
internal static class ScoreKernels
{
    /// <summary>Adds one to <paramref name="present"/>[c] for each city with a value.</summary>
    public static void CountPresent(ReadOnlySpan<double> raw, Span<double> present)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var values = MemoryMarshal.Cast<double, Vector<double>>(raw);
            var counts = MemoryMarshal.Cast<double, Vector<double>>(present);
            for (var k = 0; k < values.Length; k++)
            {
                counts[k] += Vector.ConditionalSelect(Vector.Equals(values[k], values[k]), Vector<double>.One, Vector<double>.Zero);
            }

            i = values.Length * Vector<double>.Count;
        }

        for (; i < raw.Length; i++)
        {
            if (!double.IsNaN(raw[i]))
            {
                present[i]++;
            }
        }
    }

    /// <summary>sum[c] += w·s[c] and wsum[c] += w for each city whose score is not NaN.</summary>
    public static void Accumulate(ReadOnlySpan<double> scores, double w, Span<double> sum, Span<double> wsum)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var s = MemoryMarshal.Cast<double, Vector<double>>(scores);
            var vsum = MemoryMarshal.Cast<double, Vector<double>>(sum);
            var vwsum = MemoryMarshal.Cast<double, Vector<double>>(wsum);
            var vw = new Vector<double>(w);
            for (var k = 0; k < s.Length; k++)
            {
                var x = s[k];
                var present = Vector.Equals(x, x);
                vsum[k] += Vector.ConditionalSelect(present, vw * x, Vector<double>.Zero);
                vwsum[k] += Vector.ConditionalSelect(present, vw, Vector<double>.Zero);
            }

            i = s.Length * Vector<double>.Count;
        }

        for (; i < scores.Length; i++)
        {
            var x = scores[i];
            if (!double.IsNaN(x))
            {
                sum[i] += w * x;
                wsum[i] += w;
            }
        }
    }

    /// <summary>The geometric variant: sum[c] += w·ln(1 + s[c]) (scalar: the logarithm has no vector form with the same bits).</summary>
    public static void AccumulateLog(ReadOnlySpan<double> scores, double w, Span<double> sum, Span<double> wsum)
    {
        for (var i = 0; i < scores.Length; i++)
        {
            var x = scores[i];
            if (!double.IsNaN(x))
            {
                sum[i] += w * Math.Log(1 + x);
                wsum[i] += w;
            }
        }
    }

    /// <summary>Turns weighted sums into means in place: sum/wsum (geometric: exp(sum/wsum) − 1), NaN where no weight.</summary>
    public static void Means(Span<double> sums, ReadOnlySpan<double> weightSums, bool geometric)
    {
        var i = 0;
        if (!geometric && Vector.IsHardwareAccelerated)
        {
            var s = MemoryMarshal.Cast<double, Vector<double>>(sums);
            var w = MemoryMarshal.Cast<double, Vector<double>>(weightSums);
            var nan = new Vector<double>(double.NaN);
            for (var k = 0; k < s.Length; k++)
            {
                s[k] = Vector.ConditionalSelect(Vector.GreaterThan(w[k], Vector<double>.Zero), s[k] / w[k], nan);
            }

            i = s.Length * Vector<double>.Count;
        }

        for (; i < sums.Length; i++)
        {
            sums[i] = weightSums[i] > 0
                ? geometric ? Math.Exp(sums[i] / weightSums[i]) - 1 : sums[i] / weightSums[i]
                : double.NaN;
        }
    }

    /// <summary>
    /// The arithmetic weighted mean of each city's available domain scores (domain-major, <paramref name="n"/> cities),
    /// as <see cref="ScoringEngine.AggregateDomains"/> computes it for one city.
    /// </summary>
    public static void WeightedMeans(ReadOnlySpan<double> domainScores, int n, ReadOnlySpan<double> weights, Span<double> overall)
    {
        var c = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var lanes = Vector<double>.Count;
            var nan = new Vector<double>(double.NaN);
            for (; c + lanes <= n; c += lanes)
            {
                var sum = Vector<double>.Zero;
                var wsum = Vector<double>.Zero;
                for (var d = 0; d < Domains.Count; d++)
                {
                    var w = weights[d];
                    if (!(w > 0))
                    {
                        continue;
                    }

                    var s = new Vector<double>(domainScores.Slice((d * n) + c, lanes));
                    var present = Vector.Equals(s, s);
                    var vw = new Vector<double>(w);
                    sum += Vector.ConditionalSelect(present, vw * s, Vector<double>.Zero);
                    wsum += Vector.ConditionalSelect(present, vw, Vector<double>.Zero);
                }

                Vector.ConditionalSelect(Vector.GreaterThan(wsum, Vector<double>.Zero), sum / wsum, nan).CopyTo(overall.Slice(c, lanes));
            }
        }

        for (; c < n; c++)
        {
            overall[c] = ScoringEngine.AggregateDomains(domainScores, n, c, weights, AggregationMethod.Arithmetic);
        }
    }
}
