namespace CityExchange.Core.Scoring;

public enum NormalisationOutcome
{
    Scored,
    TooFewValues,
    Constant,
}

/// <summary>x' = 100·(x−min)/(max−min) over the cities with a value; polarity −1 uses (max−x).</summary>
public static class MinMaxNormaliser
{
    public static NormalisationOutcome Normalise(ReadOnlySpan<double> raw, int polarity, Span<double> scores, out int valueCount)
    {
        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        valueCount = 0;
        foreach (var x in raw)
        {
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

        var outcome = valueCount < 2 ? NormalisationOutcome.TooFewValues
            : max == min ? NormalisationOutcome.Constant
            : NormalisationOutcome.Scored;
        if (outcome != NormalisationOutcome.Scored)
        {
            scores.Fill(double.NaN);
            return outcome;
        }

        var scale = 100.0 / (max - min);
        for (var i = 0; i < raw.Length; i++)
        {
            var x = raw[i];
            // NaN propagates, so a missing value stays missing without a branch.
            scores[i] = polarity < 0 ? (max - x) * scale : (x - min) * scale;
        }

        return outcome;
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

        var scale = 100.0 / (max - min);
        for (var i = 0; i < raw.Length; i++)
        {
            scores[i] = polarity < 0 ? (max - raw[i]) * scale : (raw[i] - min) * scale;
        }

        return outcome;
    }
}
