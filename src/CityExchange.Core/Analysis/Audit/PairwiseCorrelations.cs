using MathNet.Numerics.Statistics;

namespace CityExchange.Core.Analysis.Audit;

/// <summary>
/// Correlation matrices over <see cref="Codes"/> (rows and columns in that order): the number of cities with both
/// values, Pearson's r and Spearman's ρ on those cities, each with its two-sided p-value (NaN where undefined).
/// </summary>
public sealed record CorrelationTable(
    IReadOnlyList<string> Codes,
    int[][] N,
    double[][] Pearson,
    double[][] PearsonP,
    double[][] Spearman,
    double[][] SpearmanP);

/// <summary>
/// Pairwise-complete correlations, as R's <c>cor(use = "pairwise.complete.obs")</c> (which COINr's <c>get_corr</c>
/// uses): each pair on the cities that have both values; Spearman ranks those cities' values (average ranks for ties).
/// p-values use t = r·√((n − 2)/(1 − r²)) with n − 2 degrees of freedom for both coefficients (R's <c>cor.test</c> for
/// Pearson; scipy's <c>spearmanr</c> for Spearman, where R's default would be an exact test for small n without ties).
/// r needs two pairs and spread in both columns, p three pairs.
/// </summary>
public static class PairwiseCorrelations
{
    public static CorrelationTable Compute(IReadOnlyList<string> codes, IReadOnlyList<double[]> columns)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(columns.Count, codes.Count, nameof(columns));
        var m = columns.Count;
        var n = Square<int>(m);
        var pearson = Square<double>(m);
        var pearsonP = Square<double>(m);
        var spearman = Square<double>(m);
        var spearmanP = Square<double>(m);
        // Ranks of each column's own values: a pair where neither column loses a city to the other can reuse them.
        var counts = new int[m];
        var ranks = new double[m][];
        for (var i = 0; i < m; i++)
        {
            var present = Scoring.DataTreatment.Present(columns[i]);
            counts[i] = present.Length;
            ranks[i] = Spread(columns[i], present.Length == 0 ? [] : ArrayStatistics.RanksInplace(present));
        }

        for (var i = 0; i < m; i++)
        {
            for (var j = i; j < m; j++)
            {
                var (x, y) = PairwiseComplete.Pairs(columns[i], columns[j]);
                var count = x.Length;
                var r = Pearson(x, y);
                double[] rx, ry;
                if (count == counts[i] && count == counts[j])
                {
                    (rx, ry) = PairwiseComplete.Pairs(ranks[i], ranks[j]);
                }
                else
                {
                    rx = ArrayStatistics.RanksInplace((double[])x.Clone());
                    ry = ArrayStatistics.RanksInplace((double[])y.Clone());
                }

                var rho = Pearson(rx, ry);
                if (i == j && !double.IsNaN(r))
                {
                    r = rho = 1;
                }

                n[i][j] = n[j][i] = count;
                pearson[i][j] = pearson[j][i] = r;
                spearman[i][j] = spearman[j][i] = rho;
                pearsonP[i][j] = pearsonP[j][i] = DomainCorrelations.TwoSidedP(r, count);
                spearmanP[i][j] = spearmanP[j][i] = DomainCorrelations.TwoSidedP(rho, count);
            }
        }

        return new CorrelationTable(codes, n, pearson, pearsonP, spearman, spearmanP);
    }

    /// <summary>Pearson's r on the cities where both have a value (MathNet); NaN with fewer than two pairs or no spread.</summary>
    public static double Pearson(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var (x, y) = PairwiseComplete.Pairs(a, b);
        return Pearson(x, y);
    }

    private static double Pearson(double[] x, double[] y) =>
        // R clips |r| to 1 the same way: rounding can take a perfect correlation just past it.
        x.Length < 2 ? double.NaN : Math.Clamp(Correlation.Pearson(x, y), -1, 1);

    /// <summary>Puts the ranks of the present values back at their cities' positions (NaN elsewhere).</summary>
    private static double[] Spread(double[] column, double[] presentRanks)
    {
        var spread = new double[column.Length];
        var k = 0;
        for (var c = 0; c < column.Length; c++)
        {
            spread[c] = double.IsNaN(column[c]) ? double.NaN : presentRanks[k++];
        }

        return spread;
    }

    private static T[][] Square<T>(int m)
    {
        var rows = new T[m][];
        for (var i = 0; i < m; i++)
        {
            rows[i] = new T[m];
        }

        return rows;
    }
}
