using CityExchange.Core.Framework;
using CityExchange.Core.Scoring;
using CityExchange.Core.Tests.Builders;

namespace CityExchange.Core.Tests.Scoring;

/// <summary>
/// The construction choices of issue 17 wired into the engine: the coverage threshold (COINr's <c>Screen</c>, before
/// normalisation), conditional winsorisation (COINr's <c>Treat</c>), and the rank score's fewer-than-two rule.
/// Expected values by hand or numpy/scipy as noted.
/// </summary>
public sealed class ConstructionChoicesTests
{
    private static readonly IndicatorFramework Small = new FrameworkBuilder().Social("a").Social("b").Trade("c").Build();

    private static IndicatorMatrix Screenable() => new MatrixBuilder(Small, 4)
        .Column("a", 0, 10, 5, 100)
        .Column("b", 1, 2, 3, null)
        .Column("c", 10, 20, 30, null)
        .Build();

    [Fact]
    public void MinCoverage_LeavesOutCitiesBelowItBeforeNormalisation()
    {
        var sheet = ScoringEngine.Score(Screenable(), new ScoringOptions { MinCoverage = 0.5 });

        // City 3 (coverage 1/3) is out, so a's goalposts are 0…10, not 0…100: a → 0, 100, 50; b → 0, 50, 100;
        // c → 0, 50, 100. Social 0, 75, 75; overall (social + trade)/2 = 0, 62.5, 87.5.
        Assert.Equal([3], sheet.Excluded);
        Assert.Equal(1.0 / 3, sheet.Coverage[3], 15);
        Assert.Equal(100, sheet.NormalisedScore(0, 1), 12);
        Assert.Equal(50, sheet.NormalisedScore(0, 2), 12);
        Assert.True(double.IsNaN(sheet.NormalisedScore(0, 3)));
        Assert.Equal(0, sheet.Overall[0], 12);
        Assert.Equal(62.5, sheet.Overall[1], 12);
        Assert.Equal(87.5, sheet.Overall[2], 12);
        Assert.True(double.IsNaN(sheet.Overall[3]));
        Assert.Equal([3, 2, 1, 0], sheet.OverallRanks);
    }

    [Fact]
    public void MinCoverage_ZeroOrACoverageEqualToItKeepsTheCity()
    {
        // Screen is strict (Dat_Avail < dat_thresh): coverage 1/3 at threshold 1/3 stays; 0 is today's behaviour.
        foreach (var threshold in new[] { 0, 1.0 / 3 })
        {
            var sheet = ScoringEngine.Score(Screenable(), new ScoringOptions { MinCoverage = threshold });

            Assert.Empty(sheet.Excluded);
            // a's goalposts 0…100: city 1 has 10.
            Assert.Equal(10, sheet.NormalisedScore(0, 1), 12);
            Assert.Equal(1, sheet.OverallRanks[3]);
        }
    }

    [Fact]
    public void MinCoverage_ExcludedCitiesAreNeitherImputedNorInTheMedians()
    {
        var matrix = new IndicatorMatrix(Small, 4, Screenable().Values) { Groups = ["g", "g", "g", "g"] };
        matrix[0, 2] = double.NaN; // city 2: coverage 2/3, kept and imputed

        var sheet = ScoringEngine.Score(matrix, new ScoringOptions { MinCoverage = 0.5, Missing = MissingDataTreatment.GroupMedian });

        // The median of a among the kept cities is median(0, 10) = 5, not median(0, 10, 100) = 10.
        Assert.Equal(5, sheet.TreatedValues[2], 15);
        Assert.True(sheet.IsImputed(0, 2));
        Assert.False(sheet.IsImputed(1, 3));
        Assert.True(double.IsNaN(sheet.TreatedValues[(1 * 4) + 3]));
        Assert.Equal(0, sheet.OverallRanks[3]);
    }

    [Fact]
    public void MinCoverage_OutsideZeroToOneIsRefused()
    {
        Assert.Throws<ArgumentException>(() => ScoringEngine.Score(Screenable(), new ScoringOptions { MinCoverage = 1.5 }));
        Assert.Throws<ArgumentException>(() => ScoringEngine.Score(Screenable(), new ScoringOptions { MinCoverage = double.NaN }));
    }

    [Fact]
    public void MinCoverage_ScreensEveryYearOfThePanel()
    {
        var framework = new FrameworkBuilder().Social("a").Social("b").Build();
        var year1 = new MatrixBuilder(framework, 2).Column("a", 0, 10).Column("b", 1, 2).Build();
        var year2 = new MatrixBuilder(framework, 2).Column("a", 5, 1000).Column("b", 3, null).Build();
        var options = new ScoringOptions { Scale = ScoreScale.Panel, MinCoverage = 0.75 };

        var panel = PanelGoalposts.From([year1, year2], options);

        // Year 2's second city (coverage 1/2) is out of the pool: a's panel max is 10, not 1000.
        Assert.Equal(10, panel.Max[0]);
        Assert.Equal(3, panel.Count(0));
    }

    [Fact]
    public void Conditional_WinsorisesTheMostExtremePointsUntilTheColumnPasses()
    {
        // COINr's ?winsorise example: 1…10, 30, 100; the 100 takes 30's value and the column passes.
        var framework = new FrameworkBuilder().Social("a").Build();
        var matrix = new MatrixBuilder(framework, 12).Column("a", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100).Build();

        var sheet = ScoringEngine.Score(matrix, new ScoringOptions { Winsorise = Winsorisation.Conditional });

        var report = Assert.Single(sheet.Treatments);
        Assert.Equal("a", report.Code);
        Assert.Equal(OutlierTreatment.Winsorised, report.Report.Treatment);
        Assert.Equal([new TreatedCell(11, 100, 30, CellTreatment.WinsorisedHigh)], report.Report.Cells);
        Assert.True(sheet.IsWinsorised(0, 11));
        Assert.False(sheet.IsWinsorised(0, 10));
        // numpy: (x − 1)/(30 − 1)·100 for x = 10 → 31.03448276.
        Assert.Equal(31.03448276, sheet.NormalisedScore(0, 9), 8);
        Assert.Equal(100, sheet.NormalisedScore(0, 11), 12);
    }

    [Fact]
    public void Conditional_LogTransformsTheRawValuesWhenWinMaxPointsDoNotSuffice()
    {
        var framework = new FrameworkBuilder().Social("a").Build();
        double?[] values = [.. Enumerable.Range(1, 20).Select(x => (double?)x), 500, 1000];
        var matrix = new MatrixBuilder(framework, 22).Column("a", values).Build();

        // winmax 1: 1000 → 500 still fails (scipy skew 3.0501, kurtosis 8.0509, bias=False), so log_CT of the raw values.
        var logged = ScoringEngine.Score(matrix, new ScoringOptions { Winsorise = Winsorisation.Conditional, WinMax = 1 });

        var report = Assert.Single(logged.Treatments).Report;
        Assert.Equal(OutlierTreatment.LogTransformed, report.Treatment);
        Assert.Equal(22, report.Cells.Count);
        // numpy: log(x − 1 + 0.01·999) → 2.301584592660462 for 1, 6.916705109501722 for 1000; min–max of those for 20: 23.08425850171024.
        Assert.Equal(2.301584592660462, logged.TreatedValues[0], 12);
        Assert.Equal(6.916705109501722, logged.TreatedValues[21], 12);
        Assert.Equal(23.08425850171024, logged.NormalisedScore(0, 19), 9);

        // The default winmax 5: 1000 → 500, then both 500s → 20, and 1…20, 20, 20 passes.
        var winsorised = ScoringEngine.Score(matrix, new ScoringOptions { Winsorise = Winsorisation.Conditional });
        Assert.Equal(
            [new TreatedCell(20, 500, 20, CellTreatment.WinsorisedHigh), new TreatedCell(21, 1000, 20, CellTreatment.WinsorisedHigh)],
            Assert.Single(winsorised.Treatments).Report.Cells);
    }

    [Fact]
    public void Percentile_TakesItsPercentilesFromTheObservedValuesNotTheImputedOnes()
    {
        var framework = new FrameworkBuilder().Social("a").Build();
        var matrix = new IndicatorMatrix(framework, 7) { Groups = ["g", "g", "g", "g", "g", "g", "g"] };
        double[] a = [1, 2, 3, 4, 5, 100, double.NaN];
        a.CopyTo(matrix.Values, 0);

        var sheet = ScoringEngine.Score(matrix, new ScoringOptions { Winsorise = Winsorisation.Percentile, Missing = MissingDataTreatment.GroupMedian });

        // numpy.percentile([1,2,3,4,5,100], [5, 95]) = 1.25, 76.25; with the imputed 3.5 it would be 1.3, 71.5.
        Assert.Equal(1.25, sheet.TreatedValues[0], 12);
        Assert.Equal(76.25, sheet.TreatedValues[5], 12);
        Assert.Equal(3.5, sheet.TreatedValues[6], 12);
        Assert.Empty(sheet.Treatments);
    }

    [Fact]
    public void RankScore_LeavesOutAnIndicatorWithOneValueWithAWarning()
    {
        var matrix = new MatrixBuilder(Small, 3).Column("a", null, 4, null).Column("b", 1, 2, 3).Column("c", 1, 2, 3).Build();

        var sheet = ScoringEngine.Score(matrix, new ScoringOptions(NormalisationMethod.Rank));

        Assert.Equal([new ScoringWarning("a", ScoringWarningKind.TooFewValues, 1)], sheet.Warnings);
        Assert.True(double.IsNaN(sheet.NormalisedScore(0, 1)));
        // City 1's social score is b's rank score alone, 200/3 (it used to average in a's 100).
        Assert.Equal(200.0 / 3, sheet.DomainScore(Domain.Social, 1), 12);
    }

    [Fact]
    public void RankScore_AConstantIndicatorStaysWithHundredOverN()
    {
        var matrix = new MatrixBuilder(Small, 3).Column("a", 3, 3, 3).Column("b", 1, 2, 3).Column("c", 1, 2, 3).Build();

        var sheet = ScoringEngine.Score(matrix, new ScoringOptions(NormalisationMethod.Rank));

        Assert.Empty(sheet.Warnings);
        Assert.Equal(100.0 / 3, sheet.NormalisedScore(0, 2), 12);
    }

    [Fact]
    public void RankScore_WithPanelGoalpostsLeavesOutAnIndicatorWithOnePooledValue()
    {
        var framework = new FrameworkBuilder().Social("a").Social("b").Build();
        var year1 = new MatrixBuilder(framework, 2).Column("a", null, 7).Column("b", 1, 2).Build();
        var year2 = new MatrixBuilder(framework, 2).Column("a", null, null).Column("b", 3, 4).Build();
        var options = new ScoringOptions(NormalisationMethod.Rank) { Scale = ScoreScale.Panel };
        var panel = PanelGoalposts.From([year1, year2], options);

        var sheet = ScoringEngine.Score(year1, options, panel);

        Assert.Equal([new ScoringWarning("a", ScoringWarningKind.TooFewValues, 1)], sheet.Warnings);
        // b pooled 1, 2, 3, 4: 2 has one value below → rank 2 of 4 → 50.
        Assert.Equal(50, sheet.Overall[1], 12);
    }
}
