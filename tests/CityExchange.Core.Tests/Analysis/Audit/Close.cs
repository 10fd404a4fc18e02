namespace CityExchange.Core.Tests.Analysis.Audit;

/// <summary>
/// Agreement with an independent computation to 1e-9: |expected − actual| ≤ 1e-9·max(1, |expected|) (relative for
/// large values such as passports in the millions), and NaN exactly where the expected value is undefined (null).
/// </summary>
public static class Close
{
    public const double Tolerance = 1e-9;

    public static void Equal(double expected, double actual, string what)
    {
        if (double.IsNaN(expected) || double.IsNaN(actual))
        {
            Assert.True(double.IsNaN(expected) && double.IsNaN(actual), $"{what}: expected {expected:R}, actual {actual:R}");
            return;
        }

        Assert.True(
            Math.Abs(expected - actual) <= Tolerance * Math.Max(1, Math.Abs(expected)),
            $"{what}: expected {expected:R}, actual {actual:R}");
    }

    /// <summary>
    /// Relative agreement to 1e-9 for values that can be tiny (p-values down to 1e-20): |expected − actual| ≤
    /// 1e-9·|expected|, NaN where expected is undefined.
    /// </summary>
    public static void Relative(double[][] expected, double[][] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            for (var j = 0; j < expected[i].Length; j++)
            {
                var (e, a) = (expected[i][j], actual[i][j]);
                Assert.True(
                    double.IsNaN(e) ? double.IsNaN(a) : Math.Abs(e - a) <= Tolerance * Math.Abs(e),
                    $"{what}[{i}][{j}]: expected {e:R}, actual {a:R}");
            }
        }
    }

    public static void Equal(IReadOnlyList<double> expected, IReadOnlyList<double> actual, string what)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Equal(expected[i], actual[i], $"{what}[{i}]");
        }
    }

    public static void Equal(double[][] expected, double[][] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Equal(expected[i], actual[i], $"{what}[{i}]");
        }
    }
}
