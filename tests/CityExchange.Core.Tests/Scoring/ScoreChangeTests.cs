using CityExchange.Core.Framework;
using CityExchange.Core.Scoring;
using CityExchange.Core.Tests.Builders;

namespace CityExchange.Core.Tests.Scoring;

public sealed class ScoreChangeTests
{
    private static readonly IndicatorFramework Small = new FrameworkBuilder().Social("a").Social("b").Trade("c").Build();

    [Fact]
    public void Decompose_ContributionIsWeightShareTimesScoreDifference()
    {
        // Year 1: city 0 scores a 0, b 0, c 0. Year 2: a 100, b 50, c 50.
        var year1 = ScoringEngine.Score(new MatrixBuilder(Small, 2).Column("a", 0, 10).Column("b", 0, 10).Column("c", 0, 10).Build());
        var year2 = ScoringEngine.Score(new MatrixBuilder(Small, 3).Column("a", 10, 0, 5).Column("b", 5, 0, 10).Column("c", 5, 0, 10).Build());

        var change = ScoreChange.Decompose(Small, null, year1, 0, year2, 0);

        // Two domains present, 0.5 each; social indicators 0.25 of the overall each.
        Assert.Equal(0, change.ScoreFrom, 12);
        Assert.Equal(((100 + 50) / 2.0 + 50) / 2, change.ScoreTo, 12);
        var social = change.Domains[(int)Domain.Social];
        Assert.Equal(0.5 * 75, social.Contribution, 12);
        Assert.Equal(0.25 * 100, social.Indicators[0].Contribution, 12);
        Assert.Equal(0.25 * 50, social.Indicators[1].Contribution, 12);
        Assert.Equal(0.5 * 50, change.Domains[(int)Domain.Trade].Contribution, 12);
        Assert.Equal(0, change.Domains[(int)Domain.Culture].Contribution);
        Assert.Equal(change.Change, change.Domains.Sum(d => d.Contribution), 12);
        Assert.Equal(2, change.RankFrom);
        Assert.Equal(2, change.RankTo); // city 2 scores (75 + 100)/2 = 87.5
    }

    [Fact]
    public void Decompose_AddsUpEvenWhenTheCityGainsAnIndicator()
    {
        var weights = new ScoringWeights([0.4, 0.2, 0.2, 0.2], [1, 3, 1]);
        var options = new ScoringOptions(Weights: weights);
        var year1 = ScoringEngine.Score(new MatrixBuilder(Small, 2).Column("a", 3, 10).Column("b", null, 10).Column("c", 2, 1).Build(), options);
        var year2 = ScoringEngine.Score(new MatrixBuilder(Small, 2).Column("a", 3, 10).Column("b", 8, 4).Column("c", 2, 1).Build(), options);

        var change = ScoreChange.Decompose(Small, weights, year1, 0, year2, 0);

        Assert.Equal(change.Change, change.Domains.Sum(d => d.Contribution), 12);
        // Social (2/3 of the overall): a 0, b 100 weighted 1:3 → 75 in year 2, 0 (a alone) in year 1.
        Assert.Equal(2.0 / 3 * 75, change.Domains[0].Contribution, 12);
        foreach (var domain in change.Domains)
        {
            Assert.Equal(domain.Contribution, domain.Indicators.Sum(i => i.Contribution), 12);
        }
    }

    [Fact]
    public void Decompose_PublishedYearHasDomainContributionsOnly()
    {
        var published = ScoringEngine.FromDomainScores(1, [40, 60, 20, 80]);
        var framework = new FrameworkBuilder().Social("a").Culture("b").Trade("c").Politics("d").Build();
        var scored = ScoringEngine.Score(new MatrixBuilder(framework, 2).Column("a", 1, 0).Column("b", 1, 0).Column("c", 1, 0).Column("d", 1, 0).Build());

        var change = ScoreChange.Decompose(framework, null, published, 0, scored, 0);

        Assert.All(change.Domains, d => Assert.Empty(d.Indicators));
        // Social: 0.25·100 − 0.25·40 = 15.
        Assert.Equal(15, change.Domains[0].Contribution, 12);
        Assert.Equal(100 - 50, change.Change, 12);
    }

    [Fact]
    public void Decompose_HugeEqualWeightsGiveTheSharesOfEqualWeights()
    {
        var huge = new ScoringWeights([1e308, 1e308, 1e308, 1e308], [1e308, 1e308, 1e308]);
        var year1 = ScoringEngine.Score(new MatrixBuilder(Small, 2).Column("a", 0, 10).Column("b", 0, 10).Column("c", 0, 10).Build());
        var year2 = ScoringEngine.Score(new MatrixBuilder(Small, 3).Column("a", 10, 0, 5).Column("b", 5, 0, 10).Column("c", 5, 0, 10).Build());

        var change = ScoreChange.Decompose(Small, huge, year1, 0, year2, 0);

        // As with equal weights: social and trade half each, social's indicators a quarter each.
        Assert.Equal([0.5, 0, 0.5, 0], change.Domains.Select(d => d.ShareTo));
        Assert.Equal([0.25, 0.25], change.Domains[(int)Domain.Social].Indicators.Select(i => i.ShareTo));
        Assert.Equal(0.5 * 75, change.Domains[(int)Domain.Social].Contribution);
    }
}
