namespace CityExchange.Core.Analysis.Audit;

/// <summary>R's <c>use = "pairwise.complete.obs"</c>: the cities where both columns have a value.</summary>
internal static class PairwiseComplete
{
    /// <summary>Copies the pairs where neither value is NaN into new arrays, in city order.</summary>
    public static (double[] X, double[] Y) Pairs(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var count = 0;
        for (var c = 0; c < a.Length; c++)
        {
            if (!double.IsNaN(a[c]) && !double.IsNaN(b[c]))
            {
                count++;
            }
        }

        var x = new double[count];
        var y = new double[count];
        var k = 0;
        for (var c = 0; c < a.Length; c++)
        {
            if (!double.IsNaN(a[c]) && !double.IsNaN(b[c]))
            {
                x[k] = a[c];
                y[k++] = b[c];
            }
        }

        return (x, y);
    }
}
