using System.Net;
using CityExchange.Web.Tests.Infrastructure;

namespace CityExchange.Web.Tests.Pages;

[Collection(WebTestGroup.Name)]
public sealed class ExplorePageTests(CityExchangeFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Explore_RendersInChineseByDefault()
    {
        var html = await GetAsync("/Explore?year=2014");

        Assert.Contains("探索权重与方法", html, StringComparison.Ordinal);
        Assert.Contains("北京", html, StringComparison.Ordinal);
        Assert.Contains("演示数据", html, StringComparison.Ordinal);
        Assert.Contains("js/pages/explore.js", html, StringComparison.Ordinal);
        Assert.DoesNotContain("onclick", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Explore_RendersInEnglish()
    {
        var html = await GetAsync("/Explore?year=2014&culture=en");

        Assert.Contains("Explore weights and methods", html, StringComparison.Ordinal);
        Assert.Contains("Beijing", html, StringComparison.Ordinal);
        Assert.Contains("Entropy", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explore_RendersTheStateOfTheQueryString()
    {
        var html = await GetAsync("/Explore?year=2014&culture=en&method=rank&w.social=1&w.culture=0.5&w.consulates=3");

        Assert.Contains("<option value=\"rank\" selected=\"selected\">", html, StringComparison.Ordinal);
        Assert.Contains("name=\"w.social\" min=\"0\" step=\"any\" value=\"1\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"w.culture\" min=\"0\" step=\"any\" value=\"0.5\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"w.consulates\" min=\"0\" step=\"any\" value=\"3\"", html, StringComparison.Ordinal);
        Assert.Contains("lang=\"en\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explore_ShowsRankChangesAgainstTheDefault()
    {
        var html = await GetAsync("/Explore?year=2014&culture=en&w.social=1&w.culture=0&w.trade=0&w.politics=0");

        Assert.Contains("places up", html, StringComparison.Ordinal);
        Assert.Contains("places down", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explore_BadWeightShowsTheErrorAndTheDefaultRanking()
    {
        var html = await GetAsync("/Explore?year=2014&culture=en&w.social=-2");

        Assert.Contains("error-box", html, StringComparison.Ordinal);
        Assert.Contains("data-city=\"beijing\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explore_PublishedYearDisablesTheIndicatorOptions()
    {
        var html = await GetAsync("/Explore?year=2013&culture=en");

        Assert.Contains("This is a published year", html, StringComparison.Ordinal);
        Assert.Contains("id=\"explore-method\" name=\"method\" disabled=\"disabled\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explore_RunsTheUncertaintyAnalysisWithoutScript()
    {
        var html = await GetAsync("/Explore?year=2013&culture=en&mc=1&samples=200");

        Assert.Contains("<tbody id=\"mc-rows\">\n", html.Replace("\r", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("weight vectors with every domain weight between 0.1 and 0.4", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "假如北京的数值不同会怎样？")]
    [InlineData("&culture=en", "What if Beijing's values were different?")]
    public async Task CityTools_RenderInBothLanguages(string culture, string title)
    {
        var html = await GetAsync($"/Explore/City/beijing?year=2015{culture}");

        Assert.Contains(title, html, StringComparison.Ordinal);
        Assert.Contains("data-targets", html, StringComparison.Ordinal);
        Assert.Contains("data-rank-change", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CityTools_ShowTheWhatIfAndTheTargetsWithoutScript()
    {
        var html = await GetAsync("/Explore/City/beijing?year=2015&culture=en&v.consulates=500&v.intl_orgs=500&rank=1&from=2014&to=2015");

        Assert.Contains("Beijing would pass: <a href=\"/Cities/shanghai?year=2015\">Shanghai</a>.", html, StringComparison.Ordinal);
        Assert.Contains("To reach rank 1", html, StringComparison.Ordinal);
        Assert.Contains("Score ", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CityTools_UnknownCityShowsAnError()
    {
        var html = await GetAsync("/Explore/City/atlantis?culture=en");

        Assert.Contains("Unknown city", html, StringComparison.Ordinal);
    }

    private async Task<string> GetAsync(string url)
    {
        var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
