using CityExchange.Core.Scoring;

namespace CityExchange.Core.Tests.Scoring;

public sealed class RankUncertaintyTests
{
    // Three cities, domain-major (social, culture, trade, politics).
    // City 0 leads social and culture, city 1 trade and politics, city 2 is in the middle everywhere.
    private static readonly double[] Domains = [90, 10, 50, 90, 10, 50, 10, 90, 50, 10, 90, 50];

    private static readonly double[] Equal = [0.25, 0.25, 0.25, 0.25];

    [Fact]
    public void Run_SameSeedSameResult()
    {
        var options = new UncertaintyOptions { Samples = 500, Seed = 7 };

        var first = RankUncertainty.Run([Domains], 3, Equal, AggregationMethod.Arithmetic, options);
        var second = RankUncertainty.Run([Domains], 3, Equal, AggregationMethod.Arithmetic, options);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Run_DifferentSeedsGiveDifferentIntervals()
    {
        // Six cities close together in every domain, so a few samples rank them differently draw by draw.
        double[] domains = [50, 52, 54, 56, 58, 60, 60, 58, 56, 54, 52, 50, 51, 59, 53, 57, 55, 55, 59, 51, 57, 53, 55, 55];
        var options = new UncertaintyOptions { Samples = 15 };

        var one = RankUncertainty.Run([domains], 6, Equal, AggregationMethod.Arithmetic, options with { Seed = 1 });
        var two = RankUncertainty.Run([domains], 6, Equal, AggregationMethod.Arithmetic, options with { Seed = 2 });
        var oneAgain = RankUncertainty.Run([domains], 6, Equal, AggregationMethod.Arithmetic, options with { Seed = 1 });

        Assert.NotEqual(one, two);
        Assert.Equal(one, oneAgain);
    }

    [Fact]
    public void Run_NominalRankUsesTheChosenWeights()
    {
        var result = RankUncertainty.Run([Domains], 3, [0.4, 0.4, 0.1, 0.1], AggregationMethod.Arithmetic, new UncertaintyOptions { Samples = 10 });

        // City 0: 0.4·90 + 0.4·90 + 0.1·10 + 0.1·10 = 74; city 1: 26; city 2: 50.
        Assert.Equal([1, 3, 2], result.Select(r => r.Rank));
    }

    [Fact]
    public void Run_CityThatDominatesEverywhereNeverMoves()
    {
        double[] domains = [100, 50, 0, 100, 50, 0, 100, 50, 0, 100, 50, 0];

        var result = RankUncertainty.Run([domains], 3, Equal, AggregationMethod.Arithmetic, new UncertaintyOptions { Samples = 200, Sampling = WeightSampling.Uniform });

        Assert.Equal(new RankInterval(1, 1, 1, 1), result[0]);
        Assert.Equal(new RankInterval(3, 3, 3, 3), result[2]);
    }

    [Fact]
    public void Run_TiedCitiesSpreadOverBothRanks()
    {
        var result = RankUncertainty.Run([Domains], 3, Equal, AggregationMethod.Arithmetic, new UncertaintyOptions { Samples = 1000, Seed = 3 });

        // Under equal weights all three tie at 50. City 2 is 50 whatever the weights, so it is never strictly behind both.
        Assert.Equal(1, result[0].Rank);
        Assert.Equal(1, result[0].P05);
        Assert.Equal(3, result[0].P95);
        Assert.Equal(2, result[2].Median);
    }

    [Fact]
    public void Run_PercentilesAreInverseCdfRanks()
    {
        // Two cities; city 1's overall equals city 0's under equal weights and differs under any other.
        double[] domains = [100, 0, 0, 100, 50, 50, 50, 50];

        var result = RankUncertainty.Run([domains], 2, Equal, AggregationMethod.Arithmetic, new UncertaintyOptions { Samples = 1000 });

        Assert.All(result, r => Assert.True(r.Median is 1 or 2 && r.P05 == 1 && r.P95 == 2));
    }

    [Fact]
    public void Run_SeveralNormalisationsAreSampled()
    {
        double[] other = [10, 90, 50, 10, 90, 50, 10, 90, 50, 10, 90, 50];

        var result = RankUncertainty.Run([Domains, other], 3, [0.4, 0.4, 0.1, 0.1], AggregationMethod.Arithmetic, new UncertaintyOptions { Samples = 400 });

        // Under the second set city 0 is last, so its 95th percentile reaches 3.
        Assert.Equal(1, result[0].Rank);
        Assert.Equal(3, result[0].P95);
    }

    [Fact]
    public void Run_UnrankedCityHasNoInterval()
    {
        double[] domains = [90, double.NaN, 10, double.NaN, 10, double.NaN, 50, double.NaN];

        var result = RankUncertainty.Run([domains], 2, Equal, AggregationMethod.Arithmetic, new UncertaintyOptions { Samples = 20 });

        Assert.Equal(0, result[1].Rank);
        Assert.True(double.IsNaN(result[1].Median));
    }

    [Theory]
    [InlineData(0.001)]
    [InlineData(0.003)]
    [InlineData(1e-9)]
    public void Run_TinyConcentrationGivesRankedIntervalsNotNaN(double concentration)
    {
        var options = new UncertaintyOptions { Samples = 20000, Concentration = concentration };

        var result = RankUncertainty.Run([Domains], 3, Equal, AggregationMethod.Arithmetic, options);

        // Every gamma draw underflows here; the draws then put (nearly) all the weight on one domain. City 0 is first
        // when social or culture gets it and last otherwise; city 2 is second whatever the weights.
        Assert.Equal(new RankInterval(1, 2, 2, 2), result[2]);
        Assert.Equal((1, 3), (result[0].P05, result[0].P95));
        Assert.Equal((1, 3), (result[1].P05, result[1].P95));
        Assert.All(result, r => Assert.True(r.Median is 1 or 2 or 3, $"median {r.Median}"));
    }

    [Fact]
    public void Run_TinyConcentrationScoresACityMissingTheDominantDomainFromTheOthers()
    {
        // City 1 has no social score; with κ = 0.001 a draw can leave every other domain a weight too small for a double.
        double[] domains = [90, double.NaN, 10, 60, 10, 60, 10, 60];

        var result = RankUncertainty.Run([domains], 2, Equal, AggregationMethod.Arithmetic, new UncertaintyOptions { Samples = 5000, Concentration = 0.001 });

        Assert.All(result, r => Assert.False(double.IsNaN(r.Median) || double.IsNaN(r.P05) || double.IsNaN(r.P95)));
        Assert.Equal((1, 2), (result[0].P05, result[0].P95));
    }

    [Fact]
    public void Bounds_FindsTheBestAndWorstRankWithinTheWeightBox()
    {
        var bounds = RankUncertainty.Bounds(Domains, 3, AggregationMethod.Arithmetic, 0.1, 0.4, 0.05);

        // City 0 wins when social + culture weigh more than trade + politics, loses otherwise; city 2 is 50 always.
        Assert.Equal(new RankRange(1, 3), bounds.Cities[0]);
        Assert.Equal(new RankRange(1, 3), bounds.Cities[1]);
        Assert.Equal(new RankRange(1, 2), bounds.Cities[2]);
        // Grid points: a + b + c + d = 20 (units of 0.05) with each in 2…8; counted in python: 231.
        Assert.Equal(231, bounds.Points);
    }

    [Fact]
    public void Bounds_InfeasibleBoxIsRefused()
    {
        Assert.Throws<ArgumentException>(() => RankUncertainty.Bounds(Domains, 3, AggregationMethod.Arithmetic, 0.3, 0.4));
    }
}
