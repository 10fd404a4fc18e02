using CityExchange.Core.Scoring;

namespace CityExchange.Core.Tests.Scoring;

public sealed class RankNormaliserTests
{
    [Fact]
    public void RankScore_TiedValuesShareLowestRank()
    {
        var scores = new double[5];
        RankNormaliser.Normalise([0, 0, 0, 1, 5], 1, scores, out _);

        // ranks 1,1,1,4,5 of n = 5
        Assert.Equal([20, 20, 20, 80, 100], scores);
    }

    [Fact]
    public void RankScore_ReportExampleWith46Cities()
    {
        // Part 3.3: three cities with 0 exhibitions rank 1 and score 100/46; three with 1 rank 4 and score 400/46.
        var raw = new double[46];
        for (var i = 0; i < 46; i++)
        {
            raw[i] = i < 3 ? 0 : i < 6 ? 1 : i;
        }

        var scores = new double[46];
        RankNormaliser.Normalise(raw, 1, scores, out var count);

        Assert.Equal(46, count);
        Assert.Equal(100.0 / 46, scores[0], 12);
        Assert.Equal(2.17, scores[2], 2);
        Assert.Equal(400.0 / 46, scores[3], 12);
        Assert.Equal(8.70, scores[5], 2);
        Assert.Equal(100, scores[45], 12);
    }

    [Fact]
    public void RankScore_AllEqualValuesAllScoreHundredOverN()
    {
        var scores = new double[4];
        var outcome = RankNormaliser.Normalise([3, 3, 3, 3], 1, scores, out _);

        Assert.Equal(NormalisationOutcome.Scored, outcome);
        Assert.All(scores, s => Assert.Equal(25, s));
    }

    [Fact]
    public void RankScore_NCountsOnlyCitiesWithAValue()
    {
        var scores = new double[4];
        RankNormaliser.Normalise([5, double.NaN, 1, 9], 1, scores, out var count);

        Assert.Equal(3, count);
        Assert.Equal(200.0 / 3, scores[0], 12);
        Assert.True(double.IsNaN(scores[1]));
        Assert.Equal(100.0 / 3, scores[2], 12);
        Assert.Equal(100, scores[3], 12);
    }

    [Fact]
    public void RankScore_SingleValueIsLeftOut()
    {
        // The contract of issue 17: a city alone reporting an indicator no longer scores 100 on it.
        var scores = new double[2];
        var outcome = RankNormaliser.Normalise([double.NaN, 4], 1, scores, out var count);

        Assert.Equal(NormalisationOutcome.TooFewValues, outcome);
        Assert.Equal(1, count);
        Assert.All(scores, s => Assert.True(double.IsNaN(s)));
    }

    [Fact]
    public void RankScore_PoolOfOneValueIsLeftOut()
    {
        var scores = new double[2];
        var outcome = RankNormaliser.ApplyPooled([double.NaN, 4], 1, [4], scores);

        Assert.Equal(NormalisationOutcome.TooFewValues, outcome);
        Assert.All(scores, s => Assert.True(double.IsNaN(s)));
    }

    [Fact]
    public void RankScore_NegativePolarityRanksDescending()
    {
        var scores = new double[3];
        RankNormaliser.Normalise([1, 2, 3], -1, scores, out _);

        Assert.Equal([100, 200.0 / 3, 100.0 / 3], scores);
    }
}
