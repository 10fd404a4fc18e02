using CityExchange.Core.Scoring;
using CityExchange.Core.Tests.Builders;

namespace CityExchange.Core.Tests.Scoring;

public sealed class CoverageScreenTests
{
    private const double N = double.NaN;

    /// <summary>Four indicators; cities a…e have 4, 3, 2, 1 and 0 values.</summary>
    private static IndicatorMatrix Matrix()
    {
        var framework = new FrameworkBuilder().Social("s").Culture("c").Trade("t").Politics("p").Build();
        return new IndicatorMatrix(framework, 5,
        [
            1, 2, 3, 4, N,
            1, 2, 3, N, N,
            1, 2, N, N, N,
            1, N, N, N, N,
        ])
        { Groups = ["east", "west", "east", null, "west"] };
    }

    private static readonly string[] Codes = ["a", "b", "c", "d", "e"];

    [Fact]
    public void Coverage_IsTheShareOfIndicatorsPresent()
    {
        Assert.Equal([1, 0.75, 0.5, 0.25, 0], DataAvailability.Coverage(Matrix()));
        Assert.Equal([1, 2, 3], DataAvailability.MissingIndicators(Matrix(), 3));
    }

    [Fact]
    public void Coverage_IsTheScoringEnginesCoverage()
    {
        var matrix = Matrix();

        Assert.Equal(ScoringEngine.Score(matrix).Coverage, DataAvailability.Coverage(matrix));
    }

    /// <summary>COINr's Screen excludes Dat_Avail &lt; dat_thresh: a city exactly at the threshold stays.</summary>
    [Theory]
    [InlineData(0.0, "")]
    [InlineData(0.25, "e")]
    [InlineData(0.5, "d e")]
    [InlineData(0.6, "c d e")]
    [InlineData(1.0, "b c d e")]
    public void Apply_ExcludesCitiesBelowTheThreshold(double minCoverage, string excluded)
    {
        var result = CoverageScreen.Apply(Matrix(), Codes, minCoverage);

        Assert.Equal(excluded, string.Join(' ', result.Excluded.Select(e => e.Code)));
        Assert.Equal(5 - result.Excluded.Count, result.Screened.CityCount);
    }

    [Fact]
    public void Apply_KeepsTheIncludedCitiesValuesGroupsAndCoverage()
    {
        var result = CoverageScreen.Apply(Matrix(), Codes, 0.5);

        Assert.Equal([0, 1, 2], result.Included);
        Assert.Equal([new ExcludedCity("d", 0.25), new ExcludedCity("e", 0)], result.Excluded);
        Assert.Equal([1, 2, 3, 1, 2, 3, 1, 2, N, 1, N, N], result.Screened.Values);
        Assert.Equal(["east", "west", "east"], result.Screened.Groups!);
    }

    [Fact]
    public void Apply_WithNothingExcludedReturnsTheMatrixItself()
    {
        var matrix = Matrix();

        Assert.Same(matrix, CoverageScreen.Apply(matrix, Codes, 0).Screened);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void Apply_RejectsAThresholdOutsideZeroToOne(double minCoverage)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CoverageScreen.Apply(Matrix(), Codes, minCoverage));
    }

    [Fact]
    public void Apply_NeedsOneCodePerCity()
    {
        Assert.Throws<ArgumentException>(() => CoverageScreen.Apply(Matrix(), ["a"], 0.5));
    }
}
