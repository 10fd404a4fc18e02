using CityExchange.Core.Framework;
using CityExchange.Core.Scoring;
using CityExchange.Core.Tests.Builders;

namespace CityExchange.Core.Tests.Scoring;

public sealed class ScoringEngineTests
{
    // Two social indicators, one trade indicator; politics and culture have none.
    private static readonly IndicatorFramework Small = new FrameworkBuilder().Social("a").Social("b").Trade("c").Build();

    [Fact]
    public void Score_DomainIsMeanOfNormalisedIndicatorsAndOverallMeanOfDomains()
    {
        var matrix = new MatrixBuilder(Small, 3)
            .Column("a", 0, 5, 10)      // 0, 50, 100
            .Column("b", 100, 300, 200) // 0, 100, 50
            .Column("c", 1, 2, 3)       // 0, 50, 100
            .Build();

        var sheet = ScoringEngine.Score(matrix);

        Assert.Equal([0, 75, 75], Row(sheet, Domain.Social));
        Assert.Equal([0, 50, 100], Row(sheet, Domain.Trade));
        Assert.All(Row(sheet, Domain.Culture), s => Assert.True(double.IsNaN(s)));
        // Overall renormalises over the two domains present: (social + trade) / 2.
        Assert.Equal([0, 62.5, 87.5], sheet.Overall);
        Assert.Equal([3, 2, 1], sheet.OverallRanks);
        Assert.Equal([3, 1, 1], Ranks(sheet, Domain.Social));
    }

    [Fact]
    public void Score_DomainRenormalisesOverTheCitysAvailableIndicators()
    {
        var matrix = new MatrixBuilder(Small, 3)
            .Column("a", 0, 10, null)   // 0, 100, —
            .Column("b", 0, 5, 10)      // 0, 50, 100
            .Column("c", 4, 6, 8)
            .Build();

        var sheet = ScoringEngine.Score(matrix);

        // City 2 has only b in social: its social score is b alone.
        Assert.Equal([0, 75, 100], Row(sheet, Domain.Social));
        Assert.Equal(2.0 / 3, sheet.Coverage[2], 12);
        Assert.Equal(1.0, sheet.Coverage[1], 12);
    }

    [Fact]
    public void Score_CityWithoutAnyIndicatorInADomainHasNoDomainScoreOrRank()
    {
        var matrix = new MatrixBuilder(Small, 3)
            .Column("a", 1, 2, 3)
            .Column("b", 1, 2, 3)
            .Column("c", 1, 2, null)
            .Build();

        var sheet = ScoringEngine.Score(matrix);

        Assert.True(double.IsNaN(sheet.DomainScore(Domain.Trade, 2)));
        Assert.Equal(0, sheet.DomainRank(Domain.Trade, 2));
        // Overall falls back to the social domain alone.
        Assert.Equal(100, sheet.Overall[2], 12);
    }

    [Fact]
    public void Score_ConstantIndicatorIsLeftOutWithAWarning()
    {
        var matrix = new MatrixBuilder(Small, 2)
            .Column("a", 5, 5)
            .Column("b", 0, 10)
            .Column("c", null, 3)
            .Build();

        var sheet = ScoringEngine.Score(matrix);

        Assert.Equal(
            [new ScoringWarning("a", ScoringWarningKind.Constant, 2), new ScoringWarning("c", ScoringWarningKind.TooFewValues, 1)],
            sheet.Warnings);
        Assert.Equal([0, 100], Row(sheet, Domain.Social));
        Assert.True(double.IsNaN(sheet.DomainScore(Domain.Trade, 1)));
        // Coverage counts raw values, dropped or not.
        Assert.Equal(1.0, sheet.Coverage[1], 12);
    }

    [Fact]
    public void Score_IndicatorWithNoValueAtAllIsSilent()
    {
        var matrix = new MatrixBuilder(Small, 2).Column("a", 1, 2).Column("b", 3, 4).Build();

        var sheet = ScoringEngine.Score(matrix);

        Assert.Empty(sheet.Warnings);
    }

    [Fact]
    public void Score_RankMethodUsesReportRankScores()
    {
        var matrix = new MatrixBuilder(Small, 4)
            .Column("a", 0, 0, 0, 3)   // 25, 25, 25, 100
            .Column("b", 1, 2, 3, 4)   // 25, 50, 75, 100
            .Column("c", 7, 7, 7, 7)   // all 25: kept under rank
            .Build();

        var sheet = ScoringEngine.Score(matrix, new ScoringOptions(NormalisationMethod.Rank));

        Assert.Empty(sheet.Warnings);
        Assert.Equal([25, 37.5, 50, 100], Row(sheet, Domain.Social));
        Assert.All(Row(sheet, Domain.Trade), s => Assert.Equal(25, s));
        Assert.Equal([25, 31.25, 37.5, 62.5], sheet.Overall);
        Assert.Equal([4, 3, 2, 1], sheet.OverallRanks);
    }

    [Fact]
    public void Score_WeightsAreRelativeAndRenormalised()
    {
        var framework = new FrameworkBuilder().Social("a").Social("b").Culture("c").Trade("d").Politics("e").Build();
        var matrix = new MatrixBuilder(framework, 2)
            .Column("a", 0, 10).Column("b", 10, 0).Column("c", 0, 1).Column("d", 1, 0).Column("e", 0, 1)
            .Build();
        var weights = new ScoringWeights([0.4, 0.2, 0.2, 0.2], [3, 1, 1, 1, 1]);

        var sheet = ScoringEngine.Score(matrix, new ScoringOptions(Weights: weights));

        // City 1: social = (3·100 + 1·0)/4 = 75; overall = 0.4·75 + 0.2·100 + 0.2·0 + 0.2·100 = 70.
        Assert.Equal(75, sheet.DomainScore(Domain.Social, 1), 12);
        Assert.Equal(70, sheet.Overall[1], 12);
        // City 0: social = 25; overall = 0.4·25 + 0 + 0.2·100 + 0 = 30.
        Assert.Equal(30, sheet.Overall[0], 12);
    }

    [Fact]
    public void Score_ScalingAllWeightsChangesNothing()
    {
        var matrix = new MatrixBuilder(Small, 3).Column("a", 1, 5, 3).Column("b", 9, 2, 4).Column("c", 3, 3, 8).Build();

        var equal = ScoringEngine.Score(matrix);
        var scaled = ScoringEngine.Score(matrix, new ScoringOptions(Weights: new ScoringWeights([7, 7, 7, 7], [3, 3, 3])));

        for (var c = 0; c < 3; c++)
        {
            Assert.Equal(equal.Overall[c], scaled.Overall[c], 12);
        }
    }

    [Fact]
    public void Score_NegativeWeightIsRefused()
    {
        var matrix = new MatrixBuilder(Small, 1).Build();

        var error = Assert.Throws<InvalidWeightException>(() =>
            ScoringEngine.Score(matrix, new ScoringOptions(Weights: new ScoringWeights([1, 1, 1, -1], [1, 1, 1]))));

        Assert.Equal(new WeightIssue("politics", -1, WeightProblem.Negative), error.Issue);
    }

    [Fact]
    public void FromDomainScores_OverallIsMeanOfAvailableDomains()
    {
        // Two cities, domain-major: social, culture, trade, politics.
        double[] domains = [80, 40, 60, double.NaN, 40, 20, 20, 0];

        var sheet = ScoringEngine.FromDomainScores(2, domains);

        Assert.Equal(50, sheet.Overall[0], 12);
        Assert.Equal(20, sheet.Overall[1], 12); // (40 + 20 + 0) / 3
        Assert.Equal(0.75, sheet.Coverage[1], 12);
        Assert.Equal([1, 2], sheet.OverallRanks);
    }

    private static double[] Row(ScoreSheet sheet, Domain domain) =>
        [.. Enumerable.Range(0, sheet.CityCount).Select(c => sheet.DomainScore(domain, c))];

    private static int[] Ranks(ScoreSheet sheet, Domain domain) =>
        [.. Enumerable.Range(0, sheet.CityCount).Select(c => sheet.DomainRank(domain, c))];
}
