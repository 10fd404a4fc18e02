using MathNet.Numerics.Statistics;

namespace CityExchange.Core.Scoring;

/// <summary>
/// Skewness and excess kurtosis as Excel's <c>SKEW</c> and <c>KURT</c> (the bias-corrected "type 2" estimators, which
/// COINr's <c>skew()</c> and <c>kurt()</c> in R/treat.R copy from e1071), and COINr's <c>check_SkewKurt</c> outlier rule.
/// </summary>
public static class SkewKurtosis
{
    /// <summary>COINr's default absolute-skewness threshold (<c>skew_thresh = 2</c>).</summary>
    public const double SkewThreshold = 2;

    /// <summary>COINr's default kurtosis threshold (<c>kurt_thresh = 3.5</c>).</summary>
    public const double KurtosisThreshold = 3.5;

    /// <summary>
    /// Skewness and excess kurtosis of the values present (NaN is missing), from MathNet's <see cref="RunningStatistics"/>
    /// (the same type 2 formulas). Skewness needs three values and kurtosis four, as in COINr; both are NaN without spread.
    /// </summary>
    public static (double Skew, double Kurtosis) Of(ReadOnlySpan<double> values)
    {
        var statistics = new RunningStatistics();
        foreach (var x in values)
        {
            if (!double.IsNaN(x))
            {
                statistics.Push(x);
            }
        }

        return (statistics.Skewness, statistics.Kurtosis);
    }

    /// <summary>
    /// COINr's <c>check_SkewKurt</c> as a verdict: it passes when |skew| &lt; <paramref name="skewThreshold"/> or
    /// kurtosis &lt; <paramref name="kurtosisThreshold"/>, so it fails (an outlier) when |skew| ≥ 2 and kurtosis ≥ 3.5.
    /// Like R's <c>|</c> with NA, one defined passing side is enough to pass; otherwise an undefined value gives null
    /// (COINr then leaves the indicator untreated). COINr's <c>get_stats</c> table flags with strict &gt; instead; the two
    /// differ only when a value equals its threshold exactly, and this rule is the one that drives treatment.
    /// </summary>
    public static bool? Fails(double skew, double kurtosis, double skewThreshold = SkewThreshold, double kurtosisThreshold = KurtosisThreshold)
    {
        if (Math.Abs(skew) < skewThreshold || kurtosis < kurtosisThreshold)
        {
            return false;
        }

        return double.IsNaN(skew) || double.IsNaN(kurtosis) ? null : true;
    }

    /// <summary><see cref="Fails(double, double, double, double)"/> on the values' own skewness and kurtosis.</summary>
    public static bool? Fails(ReadOnlySpan<double> values, double skewThreshold = SkewThreshold, double kurtosisThreshold = KurtosisThreshold)
    {
        var (skew, kurtosis) = Of(values);
        return Fails(skew, kurtosis, skewThreshold, kurtosisThreshold);
    }
}
