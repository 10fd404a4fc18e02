using CityExchange.Core.Framework;
using CityExchange.Core.Scoring;
using CityExchange.Core.Tests.Builders;

namespace CityExchange.Core.Tests.Scoring;

/// <summary>Hand-computed cases (checked with numpy where noted) for each scoring option beyond the report's method.</summary>
public sealed class ScoringOptionsTests
{
    private static readonly IndicatorFramework Small = new FrameworkBuilder().Social("a").Social("b").Trade("c").Build();

    [Fact]
    public void ZScore_UsesTheSampleStandardDeviation()
    {
        var framework = new FrameworkBuilder().Social("a").Build();
        var matrix = new MatrixBuilder(framework, 5).Column("a", 1, 2, 3, 4, 5).Build();

        var sheet = ScoringEngine.Score(matrix, new ScoringOptions(NormalisationMethod.ZScore));

        // numpy: (x - x.mean()) / x.std(ddof=1) for 1..5; mean 3, s = sqrt(2.5).
        double[] expected = [-1.26491106, -0.63245553, 0, 0.63245553, 1.26491106];
        for (var c = 0; c < 5; c++)
        {
            Assert.Equal(expected[c], sheet.NormalisedScore(0, c), 8);
        }

        Assert.Equal(1.26491106, sheet.Overall[4], 8);
        Assert.Equal([5, 4, 3, 2, 1], sheet.OverallRanks);
    }

    [Fact]
    public void ZScore_NegativePolarityFlipsTheSign()
    {
        var framework = new FrameworkBuilder().Social("a", polarity: -1).Build();
        var matrix = new MatrixBuilder(framework, 3).Column("a", 1, 2, 3).Build();

        var sheet = ScoringEngine.Score(matrix, new ScoringOptions(NormalisationMethod.ZScore));

        // mean 2, s = 1: (2 − x)/1.
        Assert.Equal([1, 0, -1], [sheet.Overall[0], sheet.Overall[1], sheet.Overall[2]]);
    }

    [Fact]
    public void ZScore_ConstantOrSingleValueIndicatorIsLeftOutWithAWarning()
    {
        var matrix = new MatrixBuilder(Small, 3).Column("a", 4, 4, 4).Column("b", 1, 2, 6).Column("c", null, 3, null).Build();

        var sheet = ScoringEngine.Score(matrix, new ScoringOptions(NormalisationMethod.ZScore));

        Assert.Equal(
            [new ScoringWarning("a", ScoringWarningKind.Constant, 3), new ScoringWarning("c", ScoringWarningKind.TooFewValues, 1)],
            sheet.Warnings);
        Assert.True(double.IsNaN(sheet.NormalisedScore(0, 0)));
    }

    [Fact]
    public void Geometric_AggregatesOnOnePlusScoreAtBothLevels()
    {
        var matrix = new MatrixBuilder(Small, 3)
            .Column("a", 0, 10, 5)      // 0, 100, 50
            .Column("b", 100, 50, 0)    // 100, 50, 0
            .Column("c", 5, 0, 10)      // 50, 0, 100
            .Build();

        var sheet = ScoringEngine.Score(matrix, new ScoringOptions { Aggregation = AggregationMethod.Geometric });

        // City 0: social = sqrt(1·101) − 1 = 9.0498756; overall = exp((ln(1+social) + ln 51)/2) − 1 = 21.6394270.
        Assert.Equal(9.04987562112089, sheet.DomainScore(Domain.Social, 0), 10);
        Assert.Equal(21.639427039507105, sheet.Overall[0], 10);
        // City 1: social = sqrt(101·51) − 1 = 70.7704675; trade 0 → overall = sqrt(71.77…·1) − 1 = 7.4717452.
        Assert.Equal(70.77046746399246, sheet.DomainScore(Domain.Social, 1), 10);
        Assert.Equal(7.471745243100294, sheet.Overall[1], 10);
    }

    [Fact]
    public void Geometric_WithZScoresIsRefused()
    {
        var matrix = new MatrixBuilder(Small, 2).Column("a", 1, 2).Build();

        Assert.Throws<ArgumentException>(() => ScoringEngine.Score(matrix,
            new ScoringOptions(NormalisationMethod.ZScore) { Aggregation = AggregationMethod.Geometric }));
    }

    [Fact]
    public void GroupMedian_ImputesFromTheSameGroupAndFlagsTheCell()
    {
        var matrix = new MatrixBuilder(Small, 6)
            .Column("a", 1, 3, 10, null, 20, null)
            .Column("b", 1, 2, 3, 4, 5, 6)
            .Build();
        var grouped = new IndicatorMatrix(Small, 6, matrix.Values) { Groups = ["east", "east", "east", "east", "west", null] };

        var sheet = ScoringEngine.Score(grouped, new ScoringOptions { Missing = MissingDataTreatment.GroupMedian });

        // City 3 (east) gets the median of 1, 3, 10 = 3; city 5 has no group and stays missing.
        Assert.Equal(3, sheet.TreatedValues[3], 12);
        Assert.True(sheet.IsImputed(0, 3));
        Assert.False(sheet.IsImputed(0, 0));
        Assert.True(double.IsNaN(sheet.TreatedValues[5]));
        Assert.False(sheet.IsImputed(0, 5));
        // The imputed value is scored like any other: (3 − 1)/(20 − 1)·100.
        Assert.Equal(200.0 / 19, sheet.NormalisedScore(0, 3), 12);
        // Coverage counts raw values only.
        Assert.Equal(1.0 / 3, sheet.Coverage[3], 12);
        // The raw matrix is untouched.
        Assert.True(double.IsNaN(grouped[0, 3]));
    }

    [Fact]
    public void GroupMedian_EvenGroupTakesTheMeanOfTheMiddleTwo()
    {
        var matrix = new IndicatorMatrix(Small, 5) { Groups = ["g", "g", "g", "g", "g"] };
        double?[] a = [1, 2, 10, 40, null];
        for (var c = 0; c < 5; c++)
        {
            matrix[0, c] = a[c] ?? double.NaN;
        }

        var sheet = ScoringEngine.Score(matrix, new ScoringOptions { Missing = MissingDataTreatment.GroupMedian });

        // numpy.median([1, 2, 10, 40]) = 6.
        Assert.Equal(6, sheet.TreatedValues[4], 12);
    }

    [Fact]
    public void GroupMedian_WithoutGroupsIsRefused()
    {
        var matrix = new MatrixBuilder(Small, 2).Column("a", 1, null).Build();

        Assert.Throws<ArgumentException>(() => ScoringEngine.Score(matrix, new ScoringOptions { Missing = MissingDataTreatment.GroupMedian }));
    }

    [Fact]
    public void Winsorise_ClipsAtTheFifthAndNinetyFifthPercentiles()
    {
        var framework = new FrameworkBuilder().Social("a").Build();
        var matrix = new MatrixBuilder(framework, 6).Column("a", 1, 2, 3, 4, 5, 100).Build();

        var sheet = ScoringEngine.Score(matrix, new ScoringOptions { Winsorise = Winsorisation.Percentile });

        // numpy.percentile([1,2,3,4,5,100], [5, 95]) = 1.25, 76.25 (linear, R-7).
        Assert.Equal(1.25, sheet.TreatedValues[0], 12);
        Assert.Equal(76.25, sheet.TreatedValues[5], 12);
        Assert.True(sheet.IsWinsorised(0, 5));
        Assert.False(sheet.IsWinsorised(0, 2));
        // Min–max of the clipped values: (2 − 1.25)/(76.25 − 1.25)·100 = 1.
        Assert.Equal(1, sheet.NormalisedScore(0, 1), 10);
        Assert.Equal(100, sheet.NormalisedScore(0, 5), 10);
    }

    [Fact]
    public void Panel_MinMaxUsesGoalpostsOverAllYears()
    {
        var framework = new FrameworkBuilder().Social("a").Build();
        var year1 = new MatrixBuilder(framework, 2).Column("a", 0, 10).Build();
        var year2 = new MatrixBuilder(framework, 2).Column("a", 5, 20).Build();
        var options = new ScoringOptions { Scale = ScoreScale.Panel };
        var panel = PanelGoalposts.From([year1, year2], options);

        var sheet1 = ScoringEngine.Score(year1, options, panel);
        var sheet2 = ScoringEngine.Score(year2, options, panel);

        // Goalposts 0 and 20 for both years.
        Assert.Equal([0, 50], sheet1.Overall);
        Assert.Equal([25, 100], sheet2.Overall);
    }

    [Fact]
    public void Panel_ZScoreUsesThePooledMeanAndSampleDeviation()
    {
        var framework = new FrameworkBuilder().Social("a").Build();
        var year1 = new MatrixBuilder(framework, 2).Column("a", 0, 10).Build();
        var year2 = new MatrixBuilder(framework, 2).Column("a", 5, 20).Build();
        var options = new ScoringOptions(NormalisationMethod.ZScore) { Scale = ScoreScale.Panel };

        var sheet = ScoringEngine.Score(year1, options, PanelGoalposts.From([year1, year2], options));

        // numpy: pool = [0,10,5,20]; (x - pool.mean()) / pool.std(ddof=1) → -1.02469508, 0.14638501.
        Assert.Equal(-1.02469508, sheet.Overall[0], 8);
        Assert.Equal(0.14638501, sheet.Overall[1], 8);
    }

    [Fact]
    public void Panel_RankScoresAgainstThePool()
    {
        var framework = new FrameworkBuilder().Social("a").Build();
        var year1 = new MatrixBuilder(framework, 2).Column("a", 0, 10).Build();
        var year2 = new MatrixBuilder(framework, 2).Column("a", 10, 20).Build();
        var options = new ScoringOptions(NormalisationMethod.Rank) { Scale = ScoreScale.Panel };

        var sheet = ScoringEngine.Score(year2, options, PanelGoalposts.From([year1, year2], options));

        // Pool 0, 10, 10, 20: 10 has one value below → rank 2 → 50; 20 → rank 4 → 100.
        Assert.Equal([50, 100], sheet.Overall);
    }

    [Fact]
    public void Panel_OfOneYearIsThePerYearScale()
    {
        var matrix = new MatrixBuilder(Small, 4).Column("a", 1, 5, 3, 8).Column("b", 0, 2, 9, 4).Column("c", 3, 3, 1, 7).Build();

        foreach (var method in NormalisationMethods.All)
        {
            var year = ScoringEngine.Score(matrix, new ScoringOptions(method));
            var panel = ScoringEngine.Score(matrix, new ScoringOptions(method) { Scale = ScoreScale.Panel });
            for (var c = 0; c < 4; c++)
            {
                Assert.Equal(year.Overall[c], panel.Overall[c], 10);
            }
        }
    }

    [Fact]
    public void DefaultOptions_GiveTheReportsMethod()
    {
        Assert.Equal(ScoringOptions.Default, new ScoringOptions
        {
            Aggregation = AggregationMethod.Arithmetic,
            Scale = ScoreScale.Year,
            Missing = MissingDataTreatment.AvailableMean,
            Winsorise = Winsorisation.None,
        });
        Assert.False(ScoringOptions.Default.UsesIndicatorLevelOptions);
    }

    [Fact]
    public void FromDomainScores_GeometricAggregatesPublishedDomains()
    {
        double[] domains = [0, 100, 100, 100];

        var sheet = ScoringEngine.FromDomainScores(1, domains, [1, 1, 1, 1], AggregationMethod.Geometric);

        // (1·101·101·101)^(1/4) − 1.
        Assert.Equal(Math.Pow(101 * 101 * 101, 0.25) - 1, sheet.Overall[0], 10);
    }
}
