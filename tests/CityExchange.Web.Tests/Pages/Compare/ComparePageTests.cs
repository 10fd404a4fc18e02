using System.Net;
using CityExchange.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CityExchange.Web.Tests.Pages.Compare;

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
    [InlineData("/Compare?a=beijing&b=shanghai&year=1999", "en", "Not found")]
    [InlineData("/Compare?a=beijing&b=shanghai&year=1999", "zh-CN", "未找到")]
    public async Task Compare_UnknownYearIsALocalisedNotFoundPage(string url, string culture, string title)
    {
        var (status, html) = await PageHtml.GetAsync(factory, url, culture);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains($"<h1>{title}</h1>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_UnknownCityKeepsTheFormSaysWhichNameAndSuggestsTheClosestCities()
    {
        var (status, html) = await PageHtml.GetAsync(factory, "/Compare?a=beijing&b=%E5%8C%97%E6%83%8A&year=2016", "zh-CN");

        // 北惊 is one character from 北京 and from 北海; 北京 is city A already, so 北海 is the one suggested.
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<h1>比较两座城市 <span class=\"year-tag\">2016</span></h1>", html, StringComparison.Ordinal);
        Assert.Contains("name=\"a\" list=\"city-choices\" value=\"北京\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"b\" list=\"city-choices\" value=\"北惊\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"pick-b-problem pick-help\" aria-invalid=\"true\"", html, StringComparison.Ordinal);
        var problem = Problem(html, "pick-b-problem");
        Assert.Contains("<strong>城市 B：</strong>", problem, StringComparison.Ordinal);
        Assert.Contains("没有名为“北惊”的城市。", problem, StringComparison.Ordinal);
        Assert.Equal(["beihai"], Suggestions(problem));
        Assert.Contains("href=\"/Compare?a=beijing&b=beihai&year=2016\"", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"compare-data\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"swap\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Compare?a=shangai&b=chengdu&year=2015", "pick-a-problem", "No city is called “shangai”.", new[] { "shanghai" }, "/Compare?a=shanghai&b=chengdu&year=2015")]
    [InlineData("/Compare?a=beijing&b=GUANGZOU&year=2015&method=rank", "pick-b-problem", "No city is called “GUANGZOU”.", new[] { "guangzhou" }, "/Compare?a=beijing&b=guangzhou&year=2015&method=rank")]
    [InlineData("/Compare?a=chengdu&b=atlantis&year=2015", "pick-b-problem", "No city is called “atlantis”. Type a city's Chinese or English name, or its code.", new string[0], null)]
    public async Task Compare_UnknownCitySuggestionsLinkToTheComparisonWithThatCity(
        string url, string problemId, string message, string[] suggestions, string? firstLink)
    {
        var (status, html) = await PageHtml.GetAsync(factory, url, "en");

        Assert.Equal(HttpStatusCode.OK, status);
        var problem = Problem(html, problemId);
        Assert.Contains(message, System.Text.RegularExpressions.Regex.Replace(problem, @"\s+", " "), StringComparison.Ordinal);
        Assert.Equal(suggestions, Suggestions(problem));
        if (firstLink is not null)
        {
            Assert.Contains($"href=\"{firstLink}\"", problem, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/Compare?a=beijing&b=%E5%8C%97%E4%BA%AC&year=2013", "en", "Beijing is city A too: a city cannot be compared with itself.")]
    [InlineData("/Compare?a=beijing&b=BEIJING&year=2013", "zh-CN", "北京也是城市 A：城市不能与自身比较。")]
    public async Task Compare_ACityWithItselfSaysSoAndSuggestsTheCitiesRankedNearIt(string url, string culture, string message)
    {
        var (status, html) = await PageHtml.GetAsync(factory, url, culture);

        Assert.Equal(HttpStatusCode.OK, status);
        var problem = Problem(html, "pick-b-problem");
        Assert.Contains(message, problem, StringComparison.Ordinal);
        // 2013 (published): Beijing is first, then Shanghai, Guangzhou, Chongqing, Wuhan.
        Assert.Equal(["shanghai", "guangzhou", "chongqing", "wuhan"], Suggestions(problem));
        Assert.Contains("href=\"/Compare?a=beijing&b=shanghai&year=2013\"", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"compare-data\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_BothNamesUnknownSaysSoForEach()
    {
        var html = await PageHtml.GetOkAsync(factory, "/Compare?a=biejing&b=Shenzen&year=2016", "en");

        Assert.Equal(["beijing"], Suggestions(Problem(html, "pick-a-problem")));
        Assert.Equal(["shenzhen"], Suggestions(Problem(html, "pick-b-problem")));
        Assert.Contains("href=\"/Compare?a=beijing&b=Shenzen&year=2016\"", html, StringComparison.Ordinal);
    }

    private static string Problem(string html, string id) =>
        System.Text.RegularExpressions.Regex.Match(html, $"<p id=\"{id}\">(.*?)</p>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;

    private static List<string> Suggestions(string problem) =>
        [.. System.Text.RegularExpressions.Regex.Matches(problem, "data-suggestion=\"([^\"]+)\"").Select(m => m.Groups[1].Value)];
}
