using MathNet.Numerics.Statistics;

namespace CityExchange.Core.Analysis.Audit;

/// <summary>
/// Cronbach's alpha as COINr's <c>get_cronbach</c> (R/correlations.R): with k columns and C their covariance matrix
/// with <c>use = "pairwise.complete.obs"</c> (each entry over the cities with both values, n − 1), alpha =
/// k²·σ̄/ΣC, where σ̄ = (ΣC − Σdiag C)/(k(k − 1)). Entries without two complete pairs are left out of the sums (COINr's
/// <c>na.rm = TRUE</c>) while k stays the number of columns. NaN with fewer than two columns or no variance at all.
/// </summary>
public static class CronbachAlpha
{
    public static double Of(IReadOnlyList<double[]> columns)
    {
        var k = columns.Count;
        if (k < 2)
        {
            return double.NaN;
        }

        var all = 0.0;
        var diagonal = 0.0;
        for (var i = 0; i < k; i++)
        {
            for (var j = i; j < k; j++)
            {
                var (x, y) = PairwiseComplete.Pairs(columns[i], columns[j]);
                if (x.Length < 2)
                {
                    continue;
                }

                var covariance = Statistics.Covariance(x, y);
                if (i == j)
                {
                    diagonal += covariance;
                    all += covariance;
                }
                else
                {
                    all += 2 * covariance;
                }
            }
        }

        var meanCovariance = (all - diagonal) / (k * (k - 1.0));
        return k * k * meanCovariance / all;
    }
}
