using CityExchange.Web.Tests.Infrastructure;

namespace CityExchange.Web.Tests.Pages;

/// <summary>The Explore tools appear where readers look for them: the city page, the rankings table and the methodology.</summary>
[Collection(WebTestGroup.Name)]
public sealed class ExploreToolsOnDashboardTests(CityExchangeFactory factory)
{
    private Task<string> GetAsync(string url) => factory.CreateClient().GetStringAsync(new Uri(url, UriKind.Relative));

    [Fact]
    public async Task CityPage_OffersWhatIfTargetsAndRankChangeForAnIndicatorYear()
    {
        var html = await GetAsync("/Cities/chengdu?year=2015&culture=en");

        Assert.Contains("data-whatif data-city=\"chengdu\" data-year=\"2015\"", html, StringComparison.Ordinal);
        Assert.Contains("data-targets data-city=\"chengdu\" data-year=\"2015\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RankingsPage_HasTheRankIntervalToggleWiredToTheTable()
    {
        var html = await GetAsync("/Rankings?year=2015&method=rank&culture=en");

        Assert.Contains("data-rank-intervals data-year=\"2015\" data-table=\"ranking-table\" data-query=\"method=rank\"", html, StringComparison.Ordinal);
        // The rank cells the script redraws: the first row's is rank 1 (parsed as a DOM, not by attribute order).
        using var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var cells = document.QuerySelectorAll("#ranking-table tbody tr td[data-rank-cell]");
        Assert.Equal(46, cells.Length);
        Assert.Equal("1", cells[0].TextContent.Trim());
    }

    [Theory]
    [InlineData("en", "Weighting presets")]
    [InlineData("zh-CN", "其他权重与方法")]
    public async Task Methodology_DocumentsTheOtherWeightingMethods(string culture, string text)
    {
        var html = await GetAsync($"/Methodology?culture={culture}");

        Assert.Contains(text, html, StringComparison.Ordinal);
        Assert.Contains("CRITIC", html, StringComparison.Ordinal);
    }
}
