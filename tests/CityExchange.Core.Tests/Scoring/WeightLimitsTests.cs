using System.Globalization;
using CityExchange.Core.Framework;
using CityExchange.Core.Resources;
using CityExchange.Core.Scoring;
using CityExchange.Core.Tests.Builders;

namespace CityExchange.Core.Tests.Scoring;

/// <summary>Weights outside their documented range are refused by field; any weight within it gives finite scores.</summary>
public sealed class WeightLimitsTests
{
    private static readonly IndicatorFramework Framework =
        new FrameworkBuilder().Social("a").Culture("b").Trade("c").Politics("consulates").Politics("sister_cities").Build();

    // Min–max scores: a 0, 50, 100; b 100, 0, 50; c 0, 100, 50; consulates 0, 25, 100; sister_cities 100, 0, 50.
    private static readonly IndicatorMatrix Matrix = new MatrixBuilder(Framework, 3)
        .Column("a", 0, 5, 10).Column("b", 9, 1, 5).Column("c", 2, 4, 3).Column("consulates", 0, 1, 4).Column("sister_cities", 8, 0, 4)
        .Build();

    [Fact]
    public void MaxWeight_IsAMillion() => Assert.Equal(1e6, ScoringWeights.MaxWeight);

    [Theory]
    [InlineData(0.0, null)]
    [InlineData(1e6, null)]
    [InlineData(1e-300, null)]
    [InlineData(1000000.0000000001, WeightProblem.TooLarge)]
    [InlineData(1e308, WeightProblem.TooLarge)]
    [InlineData(-1e-9, WeightProblem.Negative)]
    [InlineData(double.NaN, WeightProblem.NotFinite)]
    [InlineData(double.PositiveInfinity, WeightProblem.NotFinite)]
    [InlineData(double.NegativeInfinity, WeightProblem.NotFinite)]
    public void Check_NamesTheProblem(double weight, WeightProblem? expected) => Assert.Equal(expected, ScoringWeights.Check(weight));

    [Fact]
    public void Validate_NamesTheIndicatorCode()
    {
        var weights = ScoringWeights.Equal(Framework) with { Indicator = [1, 1, 1, 1e308, 1e308] };

        Assert.Equal(new WeightIssue("consulates", 1e308, WeightProblem.TooLarge), weights.Validate(Framework));
    }

    [Fact]
    public void Validate_NamesTheDomainCodeFirst()
    {
        var weights = new ScoringWeights([0.25, double.NaN, 0.25, 0.25], [1, 1, 1, -2, 1]);

        Assert.Equal(new WeightIssue("culture", double.NaN, WeightProblem.NotFinite), weights.Validate(Framework));
    }

    [Fact]
    public void Validate_WeightsWithinRangeHaveNoIssue() =>
        Assert.Null(new ScoringWeights([1e6, 0, 1e-9, 3], [0, 1e6, 1, 1, 2]).Validate(Framework));

    [Fact]
    public void Issue_MessageIsLocalised()
    {
        var issue = new WeightIssue("consulates", 2e6, WeightProblem.TooLarge);
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            Assert.Equal("Weight 'consulates' must be at most 1000000; got 2000000.", issue.Message);
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
            Assert.Equal("权重“consulates”不能超过 1000000，收到 2000000。", issue.Message);
            Assert.Equal(LimitMessages.WeightTooLarge, issue.Key);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Theory]
    [InlineData(double.NaN, WeightProblem.NotFinite)]
    [InlineData(double.PositiveInfinity, WeightProblem.NotFinite)]
    [InlineData(-1.0, WeightProblem.Negative)]
    public void Score_RefusesANonFiniteOrNegativeWeightByField(double weight, WeightProblem problem)
    {
        var weights = ScoringWeights.Equal(Framework) with { Indicator = [1, 1, 1, weight, 1] };

        var error = Assert.Throws<InvalidWeightException>(() => ScoringEngine.Score(Matrix, new ScoringOptions(Weights: weights)));

        Assert.Equal(("consulates", problem), (error.Issue.Field, error.Issue.Problem));
    }

    [Fact]
    public void Score_RefusesANonFiniteDomainWeightByField()
    {
        var weights = ScoringWeights.Equal(Framework) with { Domain = [0.25, 0.25, 0.25, double.PositiveInfinity] };

        var error = Assert.Throws<InvalidWeightException>(() => ScoringEngine.Score(Matrix, new ScoringOptions(Weights: weights)));

        Assert.Equal("politics", error.Issue.Field);
    }

    /// <summary>Finding 3/7: 1e308 weights overflowed Σw·s to ∞ and every score was NaN (JSON <c>null</c>, or a 500).</summary>
    [Fact]
    public void Score_AllEqualHugeWeightsGiveTheScoresOfEqualWeights()
    {
        var huge = new ScoringWeights([1e308, 1e308, 1e308, 1e308], [1e308, 1e308, 1e308, 1e308, 1e308]);

        var equal = ScoringEngine.Score(Matrix);
        var sheet = ScoringEngine.Score(Matrix, new ScoringOptions(Weights: huge));

        // Politics = (consulates + sister_cities) / 2 = 50, 12.5, 75; overall = mean of the four domains.
        Assert.Equal([37.5, 40.625, 68.75], sheet.Overall);
        Assert.Equal(equal.Overall, sheet.Overall);
        Assert.Equal(equal.DomainScores, sheet.DomainScores);
        Assert.Equal([3, 2, 1], sheet.OverallRanks);
    }

    [Fact]
    public void Score_HugeUnequalWeightsKeepTheirRatio()
    {
        // consulates:1e308, sister_cities:1e308 as in the finding, every other weight 1: politics is still their mean, and the
        // politics domain weighs 1e308 against 1 for the others, so the overall score is the politics score.
        var weights = new ScoringWeights([1, 1, 1, 1e308], [1, 1, 1, 1e308, 1e308]);

        var sheet = ScoringEngine.Score(Matrix, new ScoringOptions(Weights: weights));

        Assert.Equal([50, 12.5, 75], sheet.Overall);
        Assert.Equal([2, 3, 1], sheet.OverallRanks);
    }

    [Fact]
    public void Score_GeometricAggregationWithHugeWeightsStaysFinite()
    {
        var huge = new ScoringWeights([1e308, 1e308, 1e308, 1e308], [1e308, 1e308, 1e308, 1e308, 1e308]);
        var options = new ScoringOptions { Aggregation = AggregationMethod.Geometric };

        var equal = ScoringEngine.Score(Matrix, options);
        var sheet = ScoringEngine.Score(Matrix, options with { Weights = huge });

        Assert.All(sheet.Overall, s => Assert.True(double.IsFinite(s)));
        Assert.Equal(equal.Overall, sheet.Overall);
    }

    [Fact]
    public void FromDomainScores_HugeDomainWeightsStayFinite()
    {
        double[] domains = [10, 20, 30, 40, 50, 60, 70, 80];

        var sheet = ScoringEngine.FromDomainScores(2, domains, [1e308, 1e308, 1e308, 1e308]);

        Assert.Equal([40, 50], sheet.Overall);
    }

    [Fact]
    public void FromDomainScores_RefusesANegativeDomainWeight()
    {
        var error = Assert.Throws<InvalidWeightException>(() => ScoringEngine.FromDomainScores(1, [1, 2, 3, 4], [1, -1, 1, 1]));

        Assert.Equal(new WeightIssue("culture", -1, WeightProblem.Negative), error.Issue);
    }

    [Fact]
    public void RankUncertainty_HugeEqualWeightsGiveTheIntervalsOfEqualWeights()
    {
        double[] domains = [90, 10, 50, 90, 10, 50, 10, 90, 50, 10, 90, 50];
        var options = new UncertaintyOptions { Samples = 200, Seed = 4 };

        var equal = RankUncertainty.Run([domains], 3, [0.25, 0.25, 0.25, 0.25], AggregationMethod.Arithmetic, options);
        var huge = RankUncertainty.Run([domains], 3, [1e308, 1e308, 1e308, 1e308], AggregationMethod.Arithmetic, options);
        var uniform = RankUncertainty.Run([domains], 3, [1e308, 1e308, 1e308, 1e308], AggregationMethod.Arithmetic,
            options with { Sampling = WeightSampling.Uniform });

        Assert.Equal(equal, huge);
        Assert.All(uniform, r => Assert.True(r.Rank > 0 && double.IsFinite(r.Median)));
    }

    [Fact]
    public void RankUncertainty_RefusesANonFiniteDomainWeight()
    {
        var error = Assert.Throws<InvalidWeightException>(() =>
            RankUncertainty.Run([[1, 2, 3, 4]], 1, [0.25, 0.25, double.NaN, 0.25], AggregationMethod.Arithmetic, new UncertaintyOptions { Samples = 2 }));

        Assert.Equal("trade", error.Issue.Field);
    }
}
