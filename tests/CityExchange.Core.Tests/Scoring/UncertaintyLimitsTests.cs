using System.Globalization;
using CityExchange.Core.Resources;
using CityExchange.Core.Scoring;
using CsCheck;
using MathNet.Numerics.Statistics;

namespace CityExchange.Core.Tests.Scoring;

/// <summary>
/// Finding 1: <c>/api/sensitivity/{year}/bounds?step=0.0001</c> enumerated ~(1/step)³/6 weight vectors with no bound and
/// no cancellation; a Monte Carlo run of 20,000 samples at 20,000 cities took 70 s. The grid is now counted before it is
/// run, both analyses refuse work over the documented bounds and stop when cancelled.
/// </summary>
public sealed class UncertaintyLimitsTests
{
    private static readonly double[] Equal = [0.25, 0.25, 0.25, 0.25];

    // Three cities, domain-major: under equal weights all three score 50.
    private static readonly double[] Three = [90, 10, 50, 90, 10, 50, 10, 90, 50, 10, 90, 50];

    [Fact]
    public void Constants_AreTheDocumentedBounds()
    {
        Assert.Equal(40_000_000, UncertaintyLimits.MaxBoundsWork);
        Assert.Equal(1_000_000, UncertaintyLimits.MaxBoundsPoints);
        Assert.Equal(30_000_000, UncertaintyLimits.MaxSampleCityProduct);
        Assert.Equal(20_000, UncertaintyLimits.MaxSamples);
        Assert.Equal(20_000_000, UncertaintyLimits.MaxSensitivityRunCityProduct);
    }

    [Theory]
    [InlineData(0.1, 0.4, 0.01, 19_871)]
    [InlineData(0.1, 0.4, 0.05, 231)]
    [InlineData(0, 1, 0.25, 35)]
    [InlineData(0, 1, 0.01, 176_851)]
    [InlineData(0.25, 0.25, 0.01, 1)]
    [InlineData(0, 0.25, 0.0001, 1)]
    [InlineData(0.3, 0.4, 0.01, 0)]
    [InlineData(0, 0.2, 0.01, 0)]
    [InlineData(0.1, 0.4, 0.001, 18_180_701)]
    [InlineData(0, 1, 0.0001, 166_766_685_001)]
    [InlineData(0, 1, 1e-6, 166_667_666_668_500_001)]
    [InlineData(0, 1, 1e-16, long.MaxValue)]
    public void BoundsPoints_CountsTheGridBeforeRunningIt(double lower, double upper, double step, long expected) =>
        Assert.Equal(expected, UncertaintyLimits.BoundsPoints(lower, upper, step));

    [Theory]
    [InlineData(-0.1, 0.4, 0.01)]
    [InlineData(0.5, 0.4, 0.01)]
    [InlineData(0.1, 1.1, 0.01)]
    [InlineData(0.1, 0.4, 0)]
    [InlineData(0.1, 0.4, 0.3)]
    [InlineData(0.1, 0.4, double.NaN)]
    public void BoundsPoints_RefusesInvalidBounds(double lower, double upper, double step) =>
        Assert.Throws<ArgumentException>(() => UncertaintyLimits.BoundsPoints(lower, upper, step));

    [Fact]
    public void BoundsPoints_IsThePointsBoundsVisits()
    {
        double[] levels = [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.75, 1];
        double[] steps = [0.25, 0.125, 0.1, 0.05, 0.04, 0.025, 0.02];
        Gen.Select(Gen.Int[0, levels.Length - 1], Gen.Int[0, levels.Length - 1], Gen.Int[0, steps.Length - 1]).Sample((i, j, k) =>
        {
            var (lower, upper, step) = (levels[Math.Min(i, j)], levels[Math.Max(i, j)], steps[k]);
            var expected = UncertaintyLimits.BoundsPoints(lower, upper, step);
            if (expected == 0)
            {
                Assert.Throws<ArgumentException>(() => RankUncertainty.Bounds(Three, 3, AggregationMethod.Arithmetic, lower, upper, step));
            }
            else
            {
                Assert.Equal(expected, RankUncertainty.Bounds(Three, 3, AggregationMethod.Arithmetic, lower, upper, step).Points);
            }
        }, iter: 200);
    }

    [Theory]
    [InlineData(0, 1_000_000)]
    [InlineData(1, 1_000_000)]
    [InlineData(46, 869_565)]
    [InlineData(5_000, 8_000)]
    [InlineData(20_000, 2_000)]
    public void MaxBoundsPointsFor_DividesTheWorkByTheCities(int cities, long expected) =>
        Assert.Equal(expected, UncertaintyLimits.MaxBoundsPointsFor(cities));

    [Theory]
    [InlineData(46, 20_000)]
    [InlineData(5_000, 6_000)]
    [InlineData(20_000, 1_500)]
    [InlineData(1_000_000, 30)]
    public void MaxSamplesFor_DividesTheProductByTheCities(int cities, int expected) =>
        Assert.Equal(expected, UncertaintyLimits.MaxSamplesFor(cities));

    [Fact]
    public void CheckBounds_TheDefaultGridIsTooFineFor20000Cities()
    {
        var issue = UncertaintyLimits.CheckBounds(0.1, 0.4, 0.01, 20_000);

        Assert.Equal(new LimitIssue("step", LimitMessages.TooManyGridPoints, 19_871, 2_000, 20_000), issue);
        Assert.Null(UncertaintyLimits.CheckBounds(0.1, 0.4, 0.01, 2_000));
        Assert.Null(UncertaintyLimits.CheckBounds(0.1, 0.4, 0.025, 20_000));
    }

    [Fact]
    public void CheckBounds_MessageIsLocalised()
    {
        var issue = UncertaintyLimits.CheckBounds(0.1, 0.4, 0.01, 20_000)!;
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            Assert.Equal(
                "Step too small for this range: 19,871 grid points, more than the 2,000 allowed for 20,000 cities. Use a larger step or a narrower range.",
                issue.Message);
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
            Assert.Equal("步长过小：该范围有 19,871 个网格点，超过 20,000 个城市时允许的 2,000 个。请增大步长或缩小范围。", issue.Message);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void Messages_EveryKeyHasEnglishAndChinese()
    {
        var keys = typeof(LimitMessages).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            Assert.Equal(7, keys.Count);
            foreach (var key in keys)
            {
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
                var english = LimitMessages.Format(key, 1, 2, 3);
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
                var chinese = LimitMessages.Format(key, 1, 2, 3);

                Assert.NotEqual(key, english);
                Assert.NotEqual(english, chinese);
                Assert.Contains(chinese, c => c >= '\u4e00' && c <= '\u9fff');
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void CheckSamples_NamesTheSamplesParameter()
    {
        Assert.Equal(new LimitIssue("samples", LimitMessages.TooManySamples, 20_000, 1_500, 20_000), UncertaintyLimits.CheckSamples(20_000, 20_000));
        Assert.Null(UncertaintyLimits.CheckSamples(1_500, 20_000));
        Assert.Null(UncertaintyLimits.CheckSamples(20_000, 46));
    }

    [Theory]
    [InlineData(0.1, 0.4, 46, 0.005)]
    [InlineData(0.1, 0.4, 2_000, 0.01)]
    [InlineData(0.1, 0.4, 5_000, 0.02)]
    [InlineData(0.1, 0.4, 20_000, 0.025)]
    [InlineData(0, 1, 20_000, 0.05)]
    public void SmallestStep_IsTheFinestThatFits(double lower, double upper, int cities, double expected) =>
        Assert.Equal(expected, UncertaintyLimits.SmallestStep(lower, upper, cities));

    [Fact]
    public void SmallestStep_NoneWhenNoGridPointLiesWithinTheBounds() => Assert.Null(UncertaintyLimits.SmallestStep(0.3, 0.4, 46));

    [Fact]
    public void Bounds_RefusesMoreGridPointsThanTheCitiesAllow()
    {
        var error = Assert.Throws<AnalysisTooLargeException>(() =>
            RankUncertainty.Bounds(new double[4 * 20_000], 20_000, AggregationMethod.Arithmetic, 0.1, 0.4, 0.01));

        Assert.Equal(new LimitIssue("step", LimitMessages.TooManyGridPoints, 19_871, 2_000, 20_000), error.Issue);
        Assert.Equal("step", error.ParamName);
    }

    [Fact]
    public void Bounds_TheFinding()
    {
        var error = Assert.Throws<AnalysisTooLargeException>(() =>
            RankUncertainty.Bounds(Three, 3, AggregationMethod.Arithmetic, 0, 1, 0.0001));

        Assert.Equal((166_766_685_001, 1_000_000), (error.Issue.Requested, error.Issue.Limit));
    }

    /// <summary>One weight vector (all 0.25) in a box of 2,501⁴ steps: the loops used to walk the box, 1.5·10¹⁰ passes.</summary>
    [Fact]
    public void Bounds_WalksThePointsNotTheBoxAroundThem()
    {
        var bounds = RankUncertainty.Bounds(Three, 3, AggregationMethod.Arithmetic, 0, 0.25, 0.0001);

        Assert.Equal(1, bounds.Points);
        Assert.All(bounds.Cities, city => Assert.Equal(new RankRange(1, 1), city));
    }

    [Fact]
    public void Bounds_StopsWhenCancelledBeforehand()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            RankUncertainty.Bounds(Three, 3, AggregationMethod.Arithmetic, 0.1, 0.4, 0.01, cancelled.Token));
    }

    /// <summary>A grid at the bound for 20,000 cities runs for about a second; cancelled after 50 ms, it ends with the cancellation.</summary>
    [Fact]
    public void Bounds_StopsWhenCancelledWhileRunning()
    {
        var scores = Cities(20_000);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        Assert.ThrowsAny<OperationCanceledException>(() =>
            RankUncertainty.Bounds(scores, 20_000, AggregationMethod.Geometric, 0.1, 0.4, 0.025, cancellation.Token));
    }

    [Fact]
    public void Run_RefusesMoreSamplesThanTheCitiesAllow()
    {
        var error = Assert.Throws<AnalysisTooLargeException>(() =>
            RankUncertainty.Run([new double[4 * 20_000]], 20_000, Equal, AggregationMethod.Arithmetic, new UncertaintyOptions { Samples = 20_000 }));

        Assert.Equal(new LimitIssue("samples", LimitMessages.TooManySamples, 20_000, 1_500, 20_000), error.Issue);
    }

    [Fact]
    public void Run_StopsWhenCancelledBeforehand()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            RankUncertainty.Run([Three], 3, Equal, AggregationMethod.Arithmetic, new UncertaintyOptions(), cancelled.Token));
    }

    [Fact]
    public void Run_StopsWhenCancelledWhileRunning()
    {
        var scores = Cities(20_000);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        Assert.ThrowsAny<OperationCanceledException>(() =>
            RankUncertainty.Run([scores], 20_000, Equal, AggregationMethod.Geometric, new UncertaintyOptions { Samples = 1_500 }, cancellation.Token));
    }

    /// <summary>Counted quantiles are MathNet's R-1 quantiles exactly, narrow spans (counted) and wide ones (selected) alike.</summary>
    [Fact]
    public void Quantiles_AreMathNetsR1Quantiles()
    {
        Gen.Select(Gen.Int[1, 60], Gen.Int[1, 2_000], Gen.Int[1, 400]).SelectMany((samples, lowest, width) =>
            Gen.Int[lowest, lowest + width].Array[samples]).Sample(ranks =>
        {
            var values = ranks.Select(r => (float)r).ToArray();
            var counts = new int[(4 * values.Length) + 64];

            var actual = RankUncertainty.Quantiles([.. values], counts);

            Assert.Equal(
                (ArrayStatistics.QuantileCustomInplace([.. values], 0.5, QuantileDefinition.R1),
                 ArrayStatistics.QuantileCustomInplace([.. values], 0.05, QuantileDefinition.R1),
                 ArrayStatistics.QuantileCustomInplace([.. values], 0.95, QuantileDefinition.R1)),
                actual);
        }, iter: 2_000);
    }

    private static double[] Cities(int n)
    {
        var random = new Random(18);
        return [.. Enumerable.Range(0, 4 * n).Select(_ => random.NextDouble() * 100)];
    }
}
