using System.Numerics;
using System.Runtime.InteropServices;

namespace CityExchange.Core.Scoring;

public enum NormalisationOutcome
{
    Scored,
    TooFewValues,
    Constant,
}

/// <summary>
/// x' = 100·(x−min)/(max−min) over the cities with a value; polarity −1 uses (max−x).
/// Both passes use <see cref="Vector{T}"/> lanes with the same operations as the scalar formula, so results are the same bits.
/// </summary>
public static class MinMaxNormaliser
{
    public static NormalisationOutcome Normalise(ReadOnlySpan<double> raw, int polarity, Span<double> scores, out int valueCount)
    {
        MinMax(raw, out var min, out var max, out valueCount);
        return Apply(raw, polarity, valueCount, min, max, scores);
    }

    /// <summary>Min–max with given goalposts (e.g. the panel's min and max over <paramref name="poolCount"/> values).</summary>
    public static NormalisationOutcome Apply(ReadOnlySpan<double> raw, int polarity, int poolCount, double min, double max, Span<double> scores)
    {
        var outcome = poolCount < 2 ? NormalisationOutcome.TooFewValues
            : !(max > min) ? NormalisationOutcome.Constant
            : NormalisationOutcome.Scored;
        if (outcome != NormalisationOutcome.Scored)
        {
            scores.Fill(double.NaN);
            return outcome;
        }

        // NaN propagates, so a missing value stays missing without a branch.
        Scale(raw, polarity, min, max, scores);
        return outcome;
    }

    /// <summary>The smallest and largest values and how many there are, skipping NaN (±∞ and 0 values when none).</summary>
    public static void MinMax(ReadOnlySpan<double> raw, out double min, out double max, out int valueCount)
    {
        min = double.PositiveInfinity;
        max = double.NegativeInfinity;
        valueCount = 0;
        var i = 0;
        if (Vector.IsHardwareAccelerated && raw.Length >= 2 * Vector<double>.Count)
        {
            var vectors = MemoryMarshal.Cast<double, Vector<double>>(raw);
            var vmin = new Vector<double>(double.PositiveInfinity);
            var vmax = new Vector<double>(double.NegativeInfinity);
            var vcount = Vector<long>.Zero;
            foreach (var v in vectors)
            {
                var present = Vector.Equals(v, v); // false for NaN
                vmin = Vector.Min(vmin, Vector.ConditionalSelect(present, v, new Vector<double>(double.PositiveInfinity)));
                vmax = Vector.Max(vmax, Vector.ConditionalSelect(present, v, new Vector<double>(double.NegativeInfinity)));
                vcount -= present; // a true lane is all ones, i.e. −1
            }

            for (var lane = 0; lane < Vector<double>.Count; lane++)
            {
                min = Math.Min(min, vmin[lane]);
                max = Math.Max(max, vmax[lane]);
                valueCount += (int)vcount[lane];
            }

            i = vectors.Length * Vector<double>.Count;
        }

        for (; i < raw.Length; i++)
        {
            var x = raw[i];
            if (double.IsNaN(x))
            {
                continue;
            }

            valueCount++;
            if (x < min)
            {
                min = x;
            }

            if (x > max)
            {
                max = x;
            }
        }
    }

    private static void Scale(ReadOnlySpan<double> raw, int polarity, double min, double max, Span<double> scores)
    {
        var scale = 100.0 / (max - min);
        if (!double.IsFinite(scale) || !double.IsFinite(max - min))
        {
            ScaleExtreme(raw, polarity, min, max, scores);
            return;
        }

        var i = 0;
        if (Vector.IsHardwareAccelerated && raw.Length >= Vector<double>.Count)
        {
            var input = MemoryMarshal.Cast<double, Vector<double>>(raw);
            var output = MemoryMarshal.Cast<double, Vector<double>>(scores);
            var vscale = new Vector<double>(scale);
            if (polarity < 0)
            {
                var vmax = new Vector<double>(max);
                for (var k = 0; k < input.Length; k++)
                {
                    output[k] = (vmax - input[k]) * vscale;
                }
            }
            else
            {
                var vmin = new Vector<double>(min);
                for (var k = 0; k < input.Length; k++)
                {
                    output[k] = (input[k] - vmin) * vscale;
                }
            }

            i = input.Length * Vector<double>.Count;
        }

        for (; i < raw.Length; i++)
        {
            scores[i] = polarity < 0 ? (max - raw[i]) * scale : (raw[i] - min) * scale;
        }
    }

    /// <summary>
    /// A spread so small (subnormal) that 100/(max − min) is +∞, or so large that max − min is: the values are first
    /// scaled by a power of two (exactly) so that the goalposts' larger magnitude is about 1, then divided.
    /// </summary>
    private static void ScaleExtreme(ReadOnlySpan<double> raw, int polarity, double min, double max, Span<double> scores)
    {
        var exponent = Math.ILogB(Math.Max(Math.Abs(min), Math.Abs(max))) + 1;
        var low = Math.ScaleB(min, -exponent);
        var high = Math.ScaleB(max, -exponent);
        var range = high - low;
        for (var i = 0; i < raw.Length; i++)
        {
            var x = Math.ScaleB(raw[i], -exponent);
            scores[i] = 100 * (polarity < 0 ? high - x : x - low) / range;
        }
    }
}
