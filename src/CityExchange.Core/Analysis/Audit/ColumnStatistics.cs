using CityExchange.Core.Scoring;
using MathNet.Numerics.Statistics;

namespace CityExchange.Core.Analysis.Audit;

/// <summary>
/// Descriptive statistics of one indicator over the cities with a value (NaN where undefined): <see cref="Sd"/> is the
/// sample standard deviation (n − 1), <see cref="Skew"/> and <see cref="Kurtosis"/> are Excel's <c>SKEW</c> and
/// <c>KURT</c> (COINr's <c>skew()</c>/<c>kurt()</c>), all as COINr's <c>get_stats</c> reports them.
/// </summary>
public sealed record ColumnStatistics(
    int N,
    int Missing,
    double Min,
    double Max,
    double Mean,
    double Median,
    double Sd,
    double Skew,
    double Kurtosis)
{
    /// <summary>COINr's <c>check_SkewKurt</c> verdict (|skew| ≥ 2 and kurtosis ≥ 3.5); null when it is undefined.</summary>
    public bool? Outlier => SkewKurtosis.Fails(Skew, Kurtosis);

    public static ColumnStatistics Of(ReadOnlySpan<double> column)
    {
        var present = DataTreatment.Present(column);
        // One pass of MathNet's running moments: the type 2 skewness and kurtosis SkewKurtosis uses too.
        var moments = new RunningStatistics(present);
        var median = present.Length == 0 ? double.NaN : ArrayStatistics.MedianInplace(present);
        return new ColumnStatistics(
            present.Length,
            column.Length - present.Length,
            moments.Minimum,
            moments.Maximum,
            moments.Mean,
            median,
            moments.StandardDeviation,
            moments.Skewness,
            moments.Kurtosis);
    }
}
