using CityExchange.Core.Scoring;

namespace CityExchange.Core.Tests.Scoring;

public sealed class RankMoveSentenceTests
{
    private static readonly RankMoveDomain[] Up =
    [
        new("社会领域", 1.2, [new("国际航班数", 1.0), new("护照", 0.2)]),
        new("经贸领域", 6.14, [new("进出口贸易额", 2.1), new("外企数量", 4.04), new("对外直接投资", -0.5)]),
        new("政治领域", -0.8, []),
    ];

    private static readonly RankMoveDomain[] UpEnglish =
    [
        new("Social", 1.2, [new("International flight routes", 1.0)]),
        new("Trade", 6.14, [new("Import and export volume", 2.1), new("Foreign-invested enterprises", 4.04)]),
        new("Politics", -0.8, []),
    ];

    [Fact]
    public void Up_NamesTheDomainAndIndicatorThatPushedMost()
    {
        Assert.Equal("比上年上升 3 位，主要因为经贸领域 +6.1（外企数量 +4.0）。", RankMoveSentence.For(new RankMove(2016, 2015, 8, 5, 6.5, Up), true));
        Assert.Equal(
            "Up 3 places on the previous year, mainly because of Trade +6.1 (Foreign-invested enterprises +4.0).",
            RankMoveSentence.For(new RankMove(2016, 2015, 8, 5, 6.5, UpEnglish), false));
    }

    [Fact]
    public void Down_NamesTheMostNegativeContribution_WithTheMinusSign()
    {
        RankMoveDomain[] domains = [new("文化领域", -2.26, [new("国际艺术演出数量", -1.95), new("外国口味餐馆数量", -0.31)]), new("社会领域", 0.9, [])];

        Assert.Equal("比上年下降 1 位，主要因为文化领域 −2.3（国际艺术演出数量 −2.0）。", RankMoveSentence.For(new RankMove(2016, 2015, 4, 5, -1.4, domains), true));
        Assert.Equal(
            "Down 1 place on the previous year, mainly because of Culture −2.3 (Foreign-language capacity −2.0).",
            RankMoveSentence.For(new RankMove(2016, 2015, 4, 5, -1.4, [new("Culture", -2.26, [new("Foreign-language capacity", -1.95)])]), false));
    }

    [Fact]
    public void AGapBetweenStoredYears_NamesThePreviousYear()
    {
        Assert.Equal("比 2013 年上升 1 位，主要因为经贸领域 +6.1（外企数量 +4.0）。", RankMoveSentence.For(new RankMove(2015, 2013, 6, 5, 6.5, Up), true));
        Assert.Equal("Up 1 place on 2013, mainly because of Trade +6.1 (Foreign-invested enterprises +4.0).", RankMoveSentence.For(new RankMove(2015, 2013, 6, 5, 6.5, UpEnglish), false));
    }

    [Fact]
    public void APublishedYear_HasNoIndicators_SoOnlyTheDomain()
    {
        RankMoveDomain[] domains = [new("Politics", 3.05, []), new("Social", 1.0, [])];

        Assert.Equal("Up 2 places on the previous year, mainly because of Politics +3.1.", RankMoveSentence.For(new RankMove(2014, 2013, 7, 5, 4.05, domains), false));
    }

    [Fact]
    public void NoChange()
    {
        Assert.Equal("排名比上年持平（第 5 位）。", RankMoveSentence.For(new RankMove(2016, 2015, 5, 5, 0.3, Up), true));
        Assert.Equal("Same rank as the previous year (5).", RankMoveSentence.For(new RankMove(2016, 2015, 5, 5, 0.3, UpEnglish), false));
        Assert.Equal("Same rank as 2013 (5).", RankMoveSentence.For(new RankMove(2015, 2013, 5, 5, 0.3, UpEnglish), false));
    }

    [Fact]
    public void FirstYear_AndNewToTheRanking_AndNotRanked()
    {
        Assert.Equal("2013 年是第一个有数据的年份，没有可比较的上年排名。", RankMoveSentence.For(new RankMove(2013, null, null, 5, null, []), true));
        Assert.Equal("2013 is the first year with data: there is no earlier rank to compare with.", RankMoveSentence.For(new RankMove(2013, null, null, 5, null, []), false));
        Assert.Equal("新进入排名：排第 12 位，2015 年未排名。", RankMoveSentence.For(new RankMove(2016, 2015, null, 12, null, []), true));
        Assert.Equal("New to the ranking: ranked 12, not ranked in 2015.", RankMoveSentence.For(new RankMove(2016, 2015, null, 12, null, []), false));
        Assert.Equal("Not ranked in 2016.", RankMoveSentence.For(new RankMove(2016, 2015, 4, null, null, []), false));
        Assert.Equal("2016 年未参与排名。", RankMoveSentence.For(new RankMove(2016, 2015, 4, null, null, []), true));
    }

    [Fact]
    public void ARiseNoDomainPushed_SaysOtherCitiesMoved()
    {
        RankMoveDomain[] domains = [new("Social", -0.5, []), new("Trade", 0.04, [])];

        Assert.Equal(
            "Up 2 places on the previous year, though no domain's score rose (overall −0.5): the move comes from other cities.",
            RankMoveSentence.For(new RankMove(2016, 2015, 9, 7, -0.46, domains), false));
        Assert.Equal(
            "比上年上升 2 位；没有哪个领域的得分上升（总分 −0.5），排名变化来自其他城市。",
            RankMoveSentence.For(new RankMove(2016, 2015, 9, 7, -0.46, domains), true));
    }

    [Theory]
    [InlineData(6.14, "+6.1")]
    [InlineData(-2.25, "−2.3")]
    [InlineData(0.04, "0.0")]
    [InlineData(-0.04, "0.0")]
    public void WithSign_OneDecimal(double value, string expected) => Assert.Equal(expected, RankMoveSentence.WithSign(value));
}
