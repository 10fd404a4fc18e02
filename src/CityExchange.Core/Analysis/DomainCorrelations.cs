using CityExchange.Core.Framework;
using CityExchange.Core.Scoring;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace CityExchange.Core.Analysis;

/// <summary>
/// Correlations between the four domains: coefficients and two-sided p-values (NaN where undefined) over the
/// <see cref="N"/> cities that have all four domain scores (listwise deletion, as SPSS reports a single N).
/// </summary>
public sealed record CorrelationMatrix(IReadOnlyList<Domain> Domains, double[,] R, double[,] P, int N);

public static class DomainCorrelations
{
    public static CorrelationMatrix Pearson(ScoreSheet sheet) => Compute(sheet, Correlation.Pearson);

    /// <summary>Spearman's ρ (MathNet, average ranks for ties), p-value from the same t approximation SPSS uses.</summary>
    public static CorrelationMatrix Spearman(ScoreSheet sheet) => Compute(sheet, Correlation.Spearman);

    /// <summary>
    /// Two-sided p-value of a correlation coefficient r from n pairs: t = r·√((n−2)/(1−r²)) with n−2 degrees of
    /// freedom (MathNet <see cref="StudentT"/>). NaN when n &lt; 3 or r is NaN; 0 when |r| = 1.
    /// </summary>
    public static double TwoSidedP(double r, int n)
    {
        if (n < 3 || double.IsNaN(r))
        {
            return double.NaN;
        }

        if (Math.Abs(r) >= 1)
        {
            return 0;
        }

        var df = n - 2;
        var t = Math.Abs(r) * Math.Sqrt(df / (1 - (r * r)));
        return 2 * StudentT.CDF(0, 1, df, -t);
    }

    private static CorrelationMatrix Compute(ScoreSheet sheet, Func<IEnumerable<double>, IEnumerable<double>, double> correlate)
    {
        var complete = Enumerable.Range(0, sheet.CityCount)
            .Where(c => Framework.Domains.All.All(d => !double.IsNaN(sheet.DomainScore(d, c))))
            .ToList();
        var columns = Framework.Domains.All.Select(d => complete.Select(c => sheet.DomainScore(d, c)).ToArray()).ToArray();
        var k = Framework.Domains.Count;
        var n = complete.Count;
        var r = new double[k, k];
        var p = new double[k, k];
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                r[i, j] = n < 3 ? double.NaN : i == j ? 1 : correlate(columns[i], columns[j]);
                p[i, j] = TwoSidedP(r[i, j], n);
            }
        }

        return new CorrelationMatrix(Framework.Domains.All, r, p, n);
    }
}
