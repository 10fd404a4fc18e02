using CityExchange.Web.Scoring;
using CityExchange.Web.Store;

namespace CityExchange.Web.Tests.Scoring;

public sealed class YearCatalogueTests
{
    private static readonly YearOption[] Years =
        [new(2013, YearKind.Published, false), new(2014, YearKind.Indicators, true), new(2015, YearKind.Indicators, true)];

    [Fact]
    public void LatestReal_IsTheLatestNonDemoYearElseTheLatest()
    {
        Assert.Equal(2013, YearCatalogue.Pick(Years, null, YearRule.LatestReal)?.Year);
        Assert.Equal(2044, YearCatalogue.Pick([.. Years, new(2044, YearKind.Indicators, false), new(2045, YearKind.Indicators, true)], null, YearRule.LatestReal)?.Year);
        Assert.Equal(2015, YearCatalogue.Pick(Years[1..], null, YearRule.LatestReal)?.Year);
        Assert.Null(YearCatalogue.Pick([], null, YearRule.LatestReal));
    }

    [Fact]
    public void LatestIndicators_IsTheLatestYearOfValuesDemoOrNotElseTheLatest()
    {
        Assert.Equal(2015, YearCatalogue.Pick(Years, null, YearRule.LatestIndicators)?.Year);
        Assert.Equal(2014, YearCatalogue.Pick([.. Years[..2], new(2016, YearKind.Published, false)], null, YearRule.LatestIndicators)?.Year);
        Assert.Equal(2013, YearCatalogue.Pick(Years[..1], null, YearRule.LatestIndicators)?.Year);
        Assert.Null(YearCatalogue.Pick([], null, YearRule.LatestIndicators));
    }

    [Fact]
    public void APagesPreferredYear_ComesBeforeTheRuleWhenItIsStored()
    {
        Assert.Equal(2014, YearCatalogue.Pick(Years, null, YearRule.LatestReal, preferred: 2014)?.Year);
        Assert.Equal(2013, YearCatalogue.Pick(Years, null, YearRule.LatestReal, preferred: 2030)?.Year);
        Assert.Equal(2015, YearCatalogue.Pick(Years, 2015, YearRule.LatestReal, preferred: 2014)?.Year);
    }

    [Theory]
    [InlineData(YearRule.LatestReal)]
    [InlineData(YearRule.LatestIndicators)]
    public void ARequestedYear_IsThatYearOrNoneWhateverTheRule(YearRule rule)
    {
        Assert.Equal(2014, YearCatalogue.Pick(Years, 2014, rule)?.Year);
        Assert.Null(YearCatalogue.Pick(Years, 2030, rule));
    }
}
