using MathNet.Numerics.Statistics;

namespace CityExchange.Core.Scoring;

/// <summary>
/// What happens to raw values before normalisation (after the coverage screen): group-median imputation, then
/// winsorisation (OECD/JRC Handbook order: imputation, then outlier treatment, then normalisation).
/// </summary>
public static class DataTreatment
{
    /// <summary>Lower winsorisation threshold: the 5th percentile (R-7, linear interpolation, as numpy's default).</summary>
    public const double LowerPercentile = 0.05;

    /// <summary>Upper winsorisation threshold: the 95th percentile.</summary>
    public const double UpperPercentile = 0.95;

    /// <summary>
    /// Returns the values to normalise: <paramref name="matrix"/> itself when no treatment applies, else a treated copy.
    /// <paramref name="imputed"/> and <paramref name="winsorised"/> (indicator-major, one flag per cell) are set for
    /// the cells changed.
    /// </summary>
    public static IndicatorMatrix Apply(IndicatorMatrix matrix, ScoringOptions options, Span<bool> imputed, Span<bool> winsorised) =>
        Apply(matrix, options, imputed, winsorised, [], null);

    /// <summary>
    /// As <see cref="Apply(IndicatorMatrix, ScoringOptions, Span{bool}, Span{bool})"/>, for a matrix screened by
    /// <see cref="CoverageScreen.Mask"/>: the <paramref name="excluded"/> cities (positions) are not imputed, and with
    /// conditional winsorisation every indicator's report is added to <paramref name="reports"/>.
    /// </summary>
    public static IndicatorMatrix Apply(
        IndicatorMatrix matrix, ScoringOptions options, Span<bool> imputed, Span<bool> winsorised,
        ReadOnlySpan<int> excluded, List<IndicatorWinsorisation>? reports)
    {
        if (options.Missing == MissingDataTreatment.AvailableMean && options.Winsorise == Winsorisation.None)
        {
            return matrix;
        }

        var treated = matrix.Clone();
        if (options.Missing == MissingDataTreatment.GroupMedian)
        {
            ImputeGroupMedians(treated, imputed, excluded);
        }

        if (options.Winsorise == Winsorisation.Percentile)
        {
            // The percentiles come from the observed values only, never from imputed ones.
            Winsorise(matrix, treated, winsorised);
        }
        else if (options.Winsorise == Winsorisation.Conditional)
        {
            TreatConditionally(treated, options.WinMax, winsorised, reports);
        }

        return treated;
    }

    /// <summary>
    /// Conditional winsorisation of every indicator in place, on the values after imputation (COINr's order: Impute,
    /// then Treat); every changed cell is flagged and every indicator's report added.
    /// </summary>
    public static void TreatConditionally(IndicatorMatrix matrix, int winMax, Span<bool> treatedCells, List<IndicatorWinsorisation>? reports)
    {
        var n = matrix.CityCount;
        for (var j = 0; j < matrix.Framework.Count; j++)
        {
            var column = ConditionalWinsorisation.Treat(matrix.Column(j), winMax);
            column.Values.CopyTo(matrix.Values.AsSpan(j * n, n));
            foreach (var cell in column.Report.Cells)
            {
                treatedCells[(j * n) + cell.City] = true;
            }

            reports?.Add(new IndicatorWinsorisation(matrix.Framework.Indicators[j].Code, column.Report));
        }
    }

    /// <summary>Replaces each missing cell by the median of the indicator among the cities of the same group that have a value.</summary>
    public static void ImputeGroupMedians(IndicatorMatrix matrix, Span<bool> imputed) => ImputeGroupMedians(matrix, imputed, []);

    /// <summary>As <see cref="ImputeGroupMedians(IndicatorMatrix, Span{bool})"/>, leaving the <paramref name="excluded"/> cities missing.</summary>
    public static void ImputeGroupMedians(IndicatorMatrix matrix, Span<bool> imputed, ReadOnlySpan<int> excluded)
    {
        var groups = matrix.Groups
            ?? throw new ArgumentException("Group-median imputation needs the cities' groups (IndicatorMatrix.Groups).", nameof(matrix));
        var n = matrix.CityCount;
        var labels = new Dictionary<string, int>(StringComparer.Ordinal);
        var groupOf = new int[n];
        for (var c = 0; c < n; c++)
        {
            var label = groups[c];
            groupOf[c] = string.IsNullOrWhiteSpace(label) ? -1
                : labels.TryGetValue(label, out var g) ? g
                : labels[label] = labels.Count;
        }

        // A screened-out city belongs to no group: its values are missing (no median uses them) and none is filled in.
        foreach (var c in excluded)
        {
            groupOf[c] = -1;
        }

        var original = (double[])matrix.Values.Clone();
        var buffer = new double[n];
        var medians = new double[labels.Count];
        for (var j = 0; j < matrix.Framework.Count; j++)
        {
            var column = original.AsSpan(j * n, n);
            for (var g = 0; g < medians.Length; g++)
            {
                var count = 0;
                for (var c = 0; c < n; c++)
                {
                    if (groupOf[c] == g && !double.IsNaN(column[c]))
                    {
                        buffer[count++] = column[c];
                    }
                }

                medians[g] = count == 0 ? double.NaN : ArrayStatistics.MedianInplace(buffer[..count]);
            }

            for (var c = 0; c < n; c++)
            {
                if (double.IsNaN(column[c]) && groupOf[c] >= 0 && !double.IsNaN(medians[groupOf[c]]))
                {
                    matrix[j, c] = medians[groupOf[c]];
                    imputed[(j * n) + c] = true;
                }
            }
        }
    }

    /// <summary>
    /// Clips every value of <paramref name="treated"/> to the 5th–95th percentile range of the indicator's observed
    /// values in <paramref name="observed"/> (at least two values needed).
    /// </summary>
    public static void Winsorise(IndicatorMatrix observed, IndicatorMatrix treated, Span<bool> winsorised)
    {
        var n = observed.CityCount;
        for (var j = 0; j < observed.Framework.Count; j++)
        {
            if (!Percentiles(observed.Column(j), out var lower, out var upper))
            {
                continue;
            }

            for (var c = 0; c < n; c++)
            {
                var x = treated[j, c];
                if (x < lower || x > upper)
                {
                    treated[j, c] = Math.Clamp(x, lower, upper);
                    winsorised[(j * n) + c] = true;
                }
            }
        }
    }

    /// <summary>The winsorisation thresholds of one indicator's values; false with fewer than two values.</summary>
    public static bool Percentiles(ReadOnlySpan<double> values, out double lower, out double upper)
    {
        var sorted = Present(values);
        if (sorted.Length < 2)
        {
            lower = upper = double.NaN;
            return false;
        }

        Array.Sort(sorted);
        lower = SortedArrayStatistics.QuantileCustom(sorted, LowerPercentile, QuantileDefinition.R7);
        upper = SortedArrayStatistics.QuantileCustom(sorted, UpperPercentile, QuantileDefinition.R7);
        return true;
    }

    internal static double[] Present(ReadOnlySpan<double> values)
    {
        var count = 0;
        foreach (var x in values)
        {
            if (!double.IsNaN(x))
            {
                count++;
            }
        }

        var present = new double[count];
        var k = 0;
        foreach (var x in values)
        {
            if (!double.IsNaN(x))
            {
                present[k++] = x;
            }
        }

        return present;
    }
}
