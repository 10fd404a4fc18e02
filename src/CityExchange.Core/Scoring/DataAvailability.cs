namespace CityExchange.Core.Scoring;

/// <summary>
/// Which of the framework's indicators each city has a value for. Coverage is the share present (present ÷ indicators,
/// the same figure as <see cref="ScoreSheet.Coverage"/>; COINr's <c>Dat_Avail</c>).
/// </summary>
public static class DataAvailability
{
    public static double[] Coverage(IndicatorMatrix matrix)
    {
        var n = matrix.CityCount;
        var present = new double[n];
        for (var j = 0; j < matrix.Framework.Count; j++)
        {
            ScoreKernels.CountPresent(matrix.Column(j), present);
        }

        for (var c = 0; c < n; c++)
        {
            present[c] /= matrix.Framework.Count;
        }

        return present;
    }

    /// <summary>The positions (framework order) of the indicators <paramref name="city"/> has no value for.</summary>
    public static IReadOnlyList<int> MissingIndicators(IndicatorMatrix matrix, int city)
    {
        var missing = new List<int>();
        for (var j = 0; j < matrix.Framework.Count; j++)
        {
            if (double.IsNaN(matrix[j, city]))
            {
                missing.Add(j);
            }
        }

        return missing;
    }
}
