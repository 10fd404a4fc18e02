using MathNet.Numerics.Statistics;

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
        var (mean, sd) = valueCount < 2 ? (double.NaN, double.NaN) : ArrayStatistics.MeanStandardDeviation(present);
        return Apply(raw, polarity, valueCount, mean, sd, scores);
    }

    /// <summary>Standardises with given goalposts (e.g. the panel's mean and SD over <paramref name="poolCount"/> values).</summary>
    public static NormalisationOutcome Apply(ReadOnlySpan<double> raw, int polarity, int poolCount, double mean, double sd, Span<double> scores)
    {
        var outcome = poolCount < 2 ? NormalisationOutcome.TooFewValues
            : !(sd > 0) ? NormalisationOutcome.Constant
            : NormalisationOutcome.Scored;
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
}
