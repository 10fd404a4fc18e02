namespace CityExchange.Core.Scoring;

/// <summary>A city left out by the data-availability threshold, with its coverage (0–1).</summary>
public sealed record ExcludedCity(string Code, double Coverage);

/// <summary>
/// The screened matrix (the included cities, in their original order, with their groups), the original positions of
/// those cities, and the cities left out.
/// </summary>
public sealed record CoverageScreenResult(IndicatorMatrix Screened, IReadOnlyList<int> Included, IReadOnlyList<ExcludedCity> Excluded);

/// <summary>
/// Screening by data availability as COINr's <c>Screen</c> with <c>unit_screen = "byNA"</c> (R/screen_units.R): a city
/// whose coverage is below the threshold (<c>Dat_Avail &lt; dat_thresh</c>, strictly) is left out. It runs before
/// normalisation, so excluded cities do not set the goalposts. A threshold of 0 keeps every city.
/// </summary>
public static class CoverageScreen
{
    public static bool IsExcluded(double coverage, double minCoverage) => coverage < minCoverage;

    /// <summary>
    /// The screen in place of the cities rather than by removing them (what the engine uses, so positions stay those of
    /// the input): the positions of the cities below <paramref name="minCoverage"/>, and a copy of
    /// <paramref name="matrix"/> with their values missing — or <paramref name="matrix"/> itself when none is excluded.
    /// </summary>
    public static IndicatorMatrix Mask(IndicatorMatrix matrix, ReadOnlySpan<double> coverage, double minCoverage, out int[] excluded)
    {
        var count = 0;
        foreach (var c in coverage)
        {
            count += IsExcluded(c, minCoverage) ? 1 : 0;
        }

        if (count == 0)
        {
            excluded = [];
            return matrix;
        }

        excluded = new int[count];
        var k = 0;
        for (var c = 0; c < coverage.Length; c++)
        {
            if (IsExcluded(coverage[c], minCoverage))
            {
                excluded[k++] = c;
            }
        }

        var masked = matrix.Clone();
        for (var j = 0; j < matrix.Framework.Count; j++)
        {
            foreach (var c in excluded)
            {
                masked[j, c] = double.NaN;
            }
        }

        return masked;
    }

    public static CoverageScreenResult Apply(IndicatorMatrix matrix, IReadOnlyList<string> cityCodes, double minCoverage)
    {
        if (!(minCoverage is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(minCoverage), minCoverage, "The coverage threshold must be between 0 and 1.");
        }

        if (cityCodes.Count != matrix.CityCount)
        {
            throw new ArgumentException("One city code per matrix column is needed.", nameof(cityCodes));
        }

        var coverage = DataAvailability.Coverage(matrix);
        var included = new List<int>(matrix.CityCount);
        var excluded = new List<ExcludedCity>();
        for (var c = 0; c < matrix.CityCount; c++)
        {
            if (IsExcluded(coverage[c], minCoverage))
            {
                excluded.Add(new ExcludedCity(cityCodes[c], coverage[c]));
            }
            else
            {
                included.Add(c);
            }
        }

        if (excluded.Count == 0)
        {
            return new CoverageScreenResult(matrix, included, excluded);
        }

        var screened = new IndicatorMatrix(matrix.Framework, included.Count)
        {
            Groups = matrix.Groups is { } groups ? [.. included.Select(c => groups[c])] : null,
        };
        for (var j = 0; j < matrix.Framework.Count; j++)
        {
            for (var k = 0; k < included.Count; k++)
            {
                screened[j, k] = matrix[j, included[k]];
            }
        }

        return new CoverageScreenResult(screened, included, excluded);
    }
}
