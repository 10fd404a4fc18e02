using CityExchange.Core.Scoring;

namespace CityExchange.Core.Tests.Scoring;

public sealed class CompetitionRankerTests
{
    [Fact]
    public void RankDescending_EqualScoresShareRankAndSkipNext()
    {
        var ranks = CompetitionRanker.RankDescending([50, 80, 80, 10]);

        Assert.Equal([3, 1, 1, 4], ranks);
    }

    [Fact]
    public void RankDescending_ScoresWithinTieToleranceTie()
    {
        var ranks = CompetitionRanker.RankDescending([70, 70 + 5e-10, 69.9999]);

        Assert.Equal([1, 1, 3], ranks);
    }

    [Fact]
    public void RankDescending_ScoresFurtherApartThanToleranceDoNotTie()
    {
        var ranks = CompetitionRanker.RankDescending([70, 70 + 1e-8]);

        Assert.Equal([2, 1], ranks);
    }

    [Fact]
    public void RankDescending_MissingScoreGetsNoRankAndDoesNotCount()
    {
        var ranks = CompetitionRanker.RankDescending([double.NaN, 5, 9]);

        Assert.Equal([0, 2, 1], ranks);
    }
}
