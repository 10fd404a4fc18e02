namespace CityExchange.Core.Scoring;

/// <summary>
/// x' = (x − mean)/s with the sample standard deviation s (n − 1) over the cities with a value; polarity −1 uses
/// (mean − x)/s. Fewer than two values, or s = 0, leaves the indicator out.
/// </summary>
public static class ZScoreNormaliser
{
    public static NormalisationOutcome Normalise(ReadOnlySpan<double> raw, int polarity, Span<double> scores, out int valueCount)
    {
        var present = DataTreatment.Present(raw);
        valueCount = present.Length;
        if (valueCount < 2)
        {
            return Apply(raw, polarity, valueCount, double.NaN, double.NaN, scores);
        }

        // Standardised in the scaled units: the same bits as in raw units for ordinary values, and finite for any.
        var exponent = ScaleExponent(present);
        var (mean, sd) = ScaledMeanStandardDeviation(present, exponent);
        var outcome = Outcome(valueCount, sd);
        if (outcome != NormalisationOutcome.Scored)
        {
            scores.Fill(double.NaN);
            return outcome;
        }

        for (var i = 0; i < raw.Length; i++)
        {
            var x = Math.ScaleB(raw[i], -exponent);
            scores[i] = polarity < 0 ? (mean - x) / sd : (x - mean) / sd;
        }

        return outcome;
    }

    /// <summary>Standardises with given goalposts (e.g. the panel's mean and SD over <paramref name="poolCount"/> values).</summary>
    public static NormalisationOutcome Apply(ReadOnlySpan<double> raw, int polarity, int poolCount, double mean, double sd, Span<double> scores)
    {
        var outcome = Outcome(poolCount, sd);
        if (outcome != NormalisationOutcome.Scored)
        {
            scores.Fill(double.NaN);
            return outcome;
        }

        for (var i = 0; i < raw.Length; i++)
        {
            scores[i] = polarity < 0 ? (mean - raw[i]) / sd : (raw[i] - mean) / sd;
        }

        return outcome;
    }

    /// <summary>
    /// The mean and sample standard deviation of <paramref name="values"/> (at least two, finite), computed stably:
    /// the corrected two-pass algorithm on shifted data (Chan, Golub and LeVeque 1983) — mean = K + Σ(x − K)/n with
    /// K the first value, then (Σd² − (Σd)²/n)/(n − 1) with d = x − mean — on the values scaled by a power of two to
    /// below 1 (exactly), then scaled back. The squares cannot overflow (1e200 values did) and subnormal values keep
    /// their spread. MathNet's estimators are not used: its one-pass formula (ArrayStatistics, Statistics) and
    /// Welford's update (RunningStatistics) both lose the spread of values near 1e15, the documented value maximum
    /// (cities at 1e15 and 1e15 + 8: a mean off by the whole spread).
    /// </summary>
    public static (double Mean, double StandardDeviation) MeanStandardDeviation(ReadOnlySpan<double> values)
    {
        var exponent = ScaleExponent(values);
        var (mean, sd) = ScaledMeanStandardDeviation(values, exponent);
        return (Math.ScaleB(mean, exponent), Math.ScaleB(sd, exponent));
    }

    private static NormalisationOutcome Outcome(int count, double sd) =>
        count < 2 ? NormalisationOutcome.TooFewValues
        : !(sd > 0) ? NormalisationOutcome.Constant
        : NormalisationOutcome.Scored;

    /// <summary>The power of two that brings the largest magnitude into [0.5, 1); 0 when every value is 0.</summary>
    private static int ScaleExponent(ReadOnlySpan<double> values)
    {
        var max = 0.0;
        foreach (var x in values)
        {
            max = Math.Max(max, Math.Abs(x));
        }

        return max > 0 ? Math.ILogB(max) + 1 : 0;
    }

    private static (double Mean, double StandardDeviation) ScaledMeanStandardDeviation(ReadOnlySpan<double> values, int exponent)
    {
        var n = values.Length;
        var shift = Math.ScaleB(values[0], -exponent);
        var sum = 0.0;
        foreach (var x in values)
        {
            sum += Math.ScaleB(x, -exponent) - shift;
        }

        var mean = shift + (sum / n);
        double squares = 0, residual = 0;
        foreach (var x in values)
        {
            var d = Math.ScaleB(x, -exponent) - mean;
            squares += d * d;
            residual += d;
        }

        return (mean, Math.Sqrt(Math.Max(0, (squares - (residual * residual / n)) / (n - 1))));
    }
}
