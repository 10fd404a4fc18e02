namespace CityExchange.Core.Tests.Builders;

public static class Approx
{
    /// <summary>Asserts two sequences of doubles are element-wise equal within <paramref name="tolerance"/>.</summary>
    public static void Equal(IEnumerable<double> expected, IEnumerable<double> actual, double tolerance)
    {
        var e = expected.ToList();
        var a = actual.ToList();
        Assert.Equal(e.Count, a.Count);
        for (var i = 0; i < e.Count; i++)
        {
            Assert.True(Math.Abs(e[i] - a[i]) <= tolerance, $"Element {i}: expected {e[i]:R}, actual {a[i]:R} (tolerance {tolerance})");
        }
    }
}
