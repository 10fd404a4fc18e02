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
}
