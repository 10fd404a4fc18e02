using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace CityExchange.Core.Analysis;

/// <summary>
/// Ordinary least squares y = Intercept + Slope·x (MathNet <see cref="Fit.Line"/>) with Pearson r, R², the slope's
/// standard error and two-sided p-value (t with n−2 degrees of freedom), and the 95 % confidence band for the mean.
/// </summary>
public sealed record RegressionResult(
    int N,
    double Intercept,
    double Slope,
    double R,
    double RSquared,
    double SlopeStandardError,
    double SlopeP,
    double ResidualStandardError,
    double XMean,
    double Sxx,
    double TCritical)
{
    public double Predict(double x) => Intercept + (Slope * x);

    /// <summary>The 95 % confidence interval of the mean of y at x: ŷ ± t(0.975, n−2)·s·√(1/n + (x−x̄)²/Sxx).</summary>
    public (double Lower, double Upper) ConfidenceBand(double x)
    {
        var half = TCritical * ResidualStandardError * Math.Sqrt((1.0 / N) + ((x - XMean) * (x - XMean) / Sxx));
        var fitted = Predict(x);
        return (fitted - half, fitted + half);
    }
}

public static class LinearRegression
{
    public const double ConfidenceLevel = 0.95;

    /// <summary>Fits y on x over the pairs where both are finite; null when fewer than 3 pairs or x is constant.</summary>
    public static RegressionResult? Fit(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count != y.Count)
        {
            throw new ArgumentException("x and y must have the same length.", nameof(y));
        }

        var pairs = Enumerable.Range(0, x.Count).Where(i => double.IsFinite(x[i]) && double.IsFinite(y[i])).ToList();
        var n = pairs.Count;
        if (n < 3)
        {
            return null;
        }

        var xs = pairs.Select(i => x[i]).ToArray();
        var ys = pairs.Select(i => y[i]).ToArray();
        var xMean = xs.Mean();
        var sxx = xs.Sum(v => (v - xMean) * (v - xMean));
        if (sxx <= 0)
        {
            return null;
        }

        var (intercept, slope) = MathNet.Numerics.Fit.Line(xs, ys);
        var r = Correlation.Pearson(xs, ys);
        var df = n - 2;
        var sse = xs.Select((v, i) => ys[i] - (intercept + (slope * v))).Sum(e => e * e);
        var s = Math.Sqrt(sse / df);
        var slopeSe = s / Math.Sqrt(sxx);
        var slopeP = slopeSe == 0 ? 0 : 2 * StudentT.CDF(0, 1, df, -Math.Abs(slope / slopeSe));
        var tCritical = StudentT.InvCDF(0, 1, df, 1 - ((1 - ConfidenceLevel) / 2));
        return new RegressionResult(n, intercept, slope, r, GoodnessOfFit.RSquared(xs.Select(v => intercept + (slope * v)), ys),
            slopeSe, slopeP, s, xMean, sxx, tCritical);
    }
}
