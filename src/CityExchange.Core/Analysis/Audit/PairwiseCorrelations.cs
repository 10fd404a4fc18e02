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
        // Each column's cities in ascending order of value, sorted once: a pair's ranks are then read off in one pass
        // over the cities it keeps, where R ranks each pair's cases afresh (same ranks, no sort per pair).
        var orders = columns.Select(AscendingOrder).ToArray();
        var position = new int[m == 0 ? 0 : columns[0].Length];
        for (var i = 0; i < m; i++)
        {
            for (var j = i; j < m; j++)
            {
                var (x, y) = PairwiseComplete.Pairs(columns[i], columns[j]);
                var count = x.Length;
                var r = Pearson(x, y);
                PairPositions(columns[i], columns[j], position);
                var rx = RanksAmong(columns[i], orders[i], position, count);
                var ry = RanksAmong(columns[j], orders[j], position, count);
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

    /// <summary>The positions of the cities with a value, ordered by that value (ties in any order).</summary>
    private static int[] AscendingOrder(double[] column)
    {
        var values = Scoring.DataTreatment.Present(column);
        var cities = new int[values.Length];
        var k = 0;
        for (var c = 0; c < column.Length; c++)
        {
            if (!double.IsNaN(column[c]))
            {
                cities[k++] = c;
            }
        }

        Array.Sort(values, cities);
        return cities;
    }

    /// <summary>position[c] = the city's index among the pair's complete cases (city order, as in the pair's arrays), or −1.</summary>
    private static void PairPositions(double[] a, double[] b, int[] position)
    {
        var k = 0;
        for (var c = 0; c < a.Length; c++)
        {
            position[c] = double.IsNaN(a[c]) || double.IsNaN(b[c]) ? -1 : k++;
        }
    }

    /// <summary>
    /// Average ranks (1-based; tied values share the mean of their ranks, as MathNet's and R's default) of the
    /// column's values among the pair's cities, in the pair's order: the column's sorted cities, filtered.
    /// </summary>
    private static double[] RanksAmong(double[] column, int[] order, int[] position, int count)
    {
        var kept = new int[count];
        var k = 0;
        foreach (var c in order)
        {
            if (position[c] >= 0)
            {
                kept[k++] = c;
            }
        }

        var ranks = new double[count];
        for (var first = 0; first < count;)
        {
            var last = first;
            while (last + 1 < count && column[kept[last + 1]] == column[kept[first]])
            {
                last++;
            }

            var rank = ((first + last) / 2.0) + 1;
            for (var t = first; t <= last; t++)
            {
                ranks[position[kept[t]]] = rank;
            }

            first = last + 1;
        }

        return ranks;
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
