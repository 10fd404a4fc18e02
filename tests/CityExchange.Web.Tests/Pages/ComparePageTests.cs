using System.Net;
using CityExchange.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CityExchange.Web.Tests.Pages;

[Collection(WebTestGroup.Name)]
public sealed class ComparePageTests(CityExchangeFactory factory)
{
    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task Compare_ShowsBothCitiesRawValuesForEveryIndicator(string culture)
    {
        var html = await PageHtml.GetOkAsync(factory, "/Compare?a=beijing&b=chengdu&year=2015", culture);
        var values = PageHtml.DemoValues(2015);

        Assert.Equal(17, values.Count);
        foreach (var (code, column) in values)
        {
            var row = PageHtml.IndicatorRowOf(html, code);
            Assert.NotEmpty(row);
            Assert.Equal(column.TryGetValue("beijing", out var a) ? PageHtml.Value(a, culture) : "—", PageHtml.Cell(row, "raw-a"));
            Assert.Equal(column.TryGetValue("chengdu", out var b) ? PageHtml.Value(b, culture) : "—", PageHtml.Cell(row, "raw-b"));
        }

        Assert.Contains("demo-banner", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_HighlightsTheNormalisedDifference()
    {
        var html = await PageHtml.GetOkAsync(factory, "/Compare?a=beijing&b=chengdu&year=2015", "en");
        var consulates = PageHtml.DemoValues(2015)["consulates"];
        var (min, max) = (consulates.Values.Min(), consulates.Values.Max());
        var difference = (100 * (consulates["beijing"] - min) / (max - min)) - (100 * (consulates["chengdu"] - min) / (max - min));

        var row = PageHtml.IndicatorRowOf(html, "consulates");
        var expected = (difference > 0 ? "+" : "−") + Math.Abs(difference).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, PageHtml.Cell(row, "diff"));
        Assert.Contains(difference > 0 ? "diff lead-a" : "diff lead-b", row, StringComparison.Ordinal);
        Assert.Contains("class=\"num higher\"", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_HasTypeAheadPickersASwapLinkAndBothRankHistories()
    {
        var html = await PageHtml.GetOkAsync(factory, "/Compare?a=beijing&b=chengdu&year=2016", "zh-CN");

        Assert.Contains("list=\"city-choices\" value=\"北京\"", html, StringComparison.Ordinal);
        Assert.Contains("list=\"city-choices\" value=\"成都\"", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"广州\" lang=\"en\">Guangzhou</option>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"swap\" href=\"/Compare?a=chengdu&b=beijing&year=2016\"", html, StringComparison.Ordinal);
        Assert.Contains("北京各年份排名", html, StringComparison.Ordinal);
        Assert.Contains("成都各年份排名", html, StringComparison.Ordinal);
        Assert.Contains("/Compare?a=beijing&b=chengdu&year=2016", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Compare?a=%E5%8C%97%E4%BA%AC&b=Chengdu&year=2016", "/Compare?a=beijing&b=chengdu&year=2016")]
    [InlineData("/Compare?a=SHANGHAI&year=2013", "/Compare?a=shanghai&b=beijing&year=2013")]
    [InlineData("/Compare?year=2013", "/Compare?a=beijing&b=shanghai&year=2013")]
    public async Task Compare_NamesAndMissingCitiesRedirectToTheShareableUrlOfCodes(string url, string location)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Compare_PublishedYearComparesDomainScoresWithoutRawValues()
    {
        var html = await PageHtml.GetOkAsync(factory, "/Compare?a=dalian&b=harbin&year=2013", "en");

        Assert.Contains("The report published no raw indicator values for 2013", html, StringComparison.Ordinal);
        // siis2015_published.csv: social 69.39 vs 46.52 → +22.9 for Dalian.
        Assert.Contains("<td class=\"num diff lead-a\">+22.9</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-indicator=", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Compare?a=beijing&b=atlantis", "en", "Not found")]
    [InlineData("/Compare?a=beijing&b=atlantis", "zh-CN", "未找到")]
    [InlineData("/Compare?a=beijing&b=shanghai&year=1999", "en", "Not found")]
    public async Task Compare_UnknownCityOrYearIsALocalisedNotFoundPage(string url, string culture, string title)
    {
        var (status, html) = await PageHtml.GetAsync(factory, url, culture);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains($"<h1>{title}</h1>", html, StringComparison.Ordinal);
    }
}
