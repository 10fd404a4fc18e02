using System.Net;
using AngleSharp.Dom;
using CityExchange.Web.Tests.Infrastructure;
using CityExchange.Web.Tests.Pages.Imports;

namespace CityExchange.Web.Tests.Pages.Shared;

/// <summary>
/// The data-availability threshold (<c>minCoverage</c>, issue 17) on every page that ranks, not only /Rankings: the
/// overview, the city page, the comparison and the four embeds take it, rank with it, say which threshold is in use
/// and keep it in their links. A database of its own: year 2171 is the methodology's worked example plus wuhan with one
/// value of 17 (coverage 5.9 %), which a threshold of 0.1 leaves out.
/// </summary>
[Collection(WebTestGroup.Name)]
public sealed class CoverageThresholdPageTests(IsolatedAppFixture app) : IClassFixture<IsolatedAppFixture>
{
    private async Task<string> PageAsync(string url, string culture = "en")
    {
        await CoverageExampleYear.UploadAsync(app.Factory);
        return await PageHtml.GetOkAsync(app.Factory, url, culture);
    }

    private static string Text(IDocument page, string selector) =>
        string.Join(' ', (page.QuerySelector(selector) ?? throw new Xunit.Sdk.XunitException($"No {selector}")).TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Theory]
    [InlineData("en", "Minimum coverage: 10%. Cities left out: 1. Rank every city")]
    [InlineData("zh-CN", "最低数据覆盖率：10%。 因覆盖率不足未参与排名的城市：1 个。 排名所有城市")]
    public async Task Overview_WithAThreshold_RanksWithoutTheCityBelowIt_AndSaysSo(string culture, string note)
    {
        var page = Dom.Parse(await PageAsync("/?year=2171&minCoverage=0.1", culture));

        Assert.Equal(note, Text(page, "#coverage-threshold"));
        Assert.Equal("/Rankings?year=2171&minCoverage=0.1#excluded-heading", page.QuerySelector("#coverage-threshold a.coverage-excluded")!.GetAttribute("href"));
        // The same page without the threshold (the language the test asked in stays).
        Assert.Equal($"/?year=2171&culture={culture}", page.QuerySelector("#coverage-threshold a.coverage-clear")!.GetAttribute("href"));
        var top = page.QuerySelectorAll("#top-heading ~ .table-wrap table.ranking tbody th a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(
            ["/Cities/shanghai?year=2171&minCoverage=0.1", "/Cities/guangzhou?year=2171&minCoverage=0.1", "/Cities/chengdu?year=2171&minCoverage=0.1", "/Cities/beijing?year=2171&minCoverage=0.1"],
            top);
        // Another year keeps the threshold.
        Assert.Equal("0.1", page.QuerySelector("form.year-picker input[type=hidden][name=minCoverage]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Overview_WithoutAThreshold_SaysEveryCityIsRanked()
    {
        var page = Dom.Parse(await PageAsync("/?year=2171"));

        Assert.Equal("Minimum coverage: none (every city).", Text(page, "#coverage-threshold"));
        Assert.Equal(5, page.QuerySelectorAll("#top-heading ~ .table-wrap table.ranking tbody tr").Length);
        Assert.Null(page.QuerySelector("form.year-picker input[name=minCoverage]"));
    }

    [Fact]
    public async Task Overview_WithANonsenseThreshold_RanksEveryCity()
    {
        var page = Dom.Parse(await PageAsync("/?year=2171&minCoverage=abc"));

        Assert.Equal("Minimum coverage: none (every city).", Text(page, "#coverage-threshold"));
        Assert.Equal(5, page.QuerySelectorAll("#top-heading ~ .table-wrap table.ranking tbody tr").Length);
    }

    [Theory]
    [InlineData("en", "Not ranked: left out by the coverage threshold", "Wuhan has less than the minimum coverage of 10%: it is not ranked and sets no goalpost.")]
    [InlineData("zh-CN", "未排名：数据覆盖率低于门槛，已被排除", "武汉 的数据覆盖率低于最低要求 10%：不参与排名，也不参与确定标准化的上下限。")]
    public async Task CityPage_OfACityBelowTheThreshold_SaysItIsLeftOut(string culture, string rank, string reason)
    {
        var page = Dom.Parse(await PageAsync("/Cities/wuhan?year=2171&minCoverage=0.1", culture));

        Assert.Contains(rank, Text(page, ".cards .card"), StringComparison.Ordinal);
        Assert.Equal(reason, Text(page, "#coverage-threshold strong"));
        Assert.Equal("0.1", page.QuerySelector("#coverage-city")!.GetAttribute("value"));
    }

    [Fact]
    public async Task CityPage_WithAThreshold_CountsTheRankedCities_AndKeepsItInItsLinks()
    {
        var page = Dom.Parse(await PageAsync("/Cities/shanghai?year=2171&minCoverage=0.1"));

        Assert.Contains("Rank 1 of 4", Text(page, ".cards .card"), StringComparison.Ordinal);
        Assert.StartsWith("Minimum coverage: 10%. Cities left out: 1.", Text(page, "#coverage-threshold"), StringComparison.Ordinal);
        Assert.Equal("/Compare?year=2171&minCoverage=0.1&a=shanghai", page.QuerySelectorAll(".profile-actions a").First(a => a.TextContent.Contains("Compare", StringComparison.Ordinal)).GetAttribute("href"));
        Assert.Equal("/Rankings?year=2171&minCoverage=0.1", page.QuerySelectorAll(".profile-actions a").First(a => a.TextContent.Contains("rankings", StringComparison.Ordinal)).GetAttribute("href"));
        Assert.Equal("/Cities/shanghai?year=2171&minCoverage=0.1", page.QuerySelector("table.rank-history tbody th a[aria-current=page]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task CityPage_WithoutAThreshold_RanksAllFive()
    {
        var page = Dom.Parse(await PageAsync("/Cities/wuhan?year=2171"));

        Assert.Matches(@"Rank \d of 5", Text(page, ".cards .card"));
        Assert.Null(page.QuerySelector("#coverage-threshold strong"));
        Assert.Equal("Minimum coverage: none (every city).", Text(page, "#coverage-threshold"));
    }

    [Theory]
    [InlineData("en", "Rank 1 of 4", "Not ranked: left out by the coverage threshold")]
    [InlineData("zh-CN", "第 1 名（共 4 个城市）", "未排名：数据覆盖率低于门槛，已被排除")]
    public async Task Compare_WithAThreshold_RanksWithIt_AndKeepsItWhenSwapped(string culture, string rankA, string rankB)
    {
        var page = Dom.Parse(await PageAsync("/Compare?a=shanghai&b=wuhan&year=2171&minCoverage=0.1", culture));

        Assert.Contains(rankA, Text(page, ".versus .side-a"), StringComparison.Ordinal);
        Assert.Contains(rankB, Text(page, ".versus .side-b"), StringComparison.Ordinal);
        Assert.Equal("0.1", page.QuerySelector("#pick-coverage")!.GetAttribute("value"));
        Assert.Equal("/Compare?a=wuhan&b=shanghai&year=2171&minCoverage=0.1", page.QuerySelector("#swap")!.GetAttribute("href"));
        Assert.Equal("0.1", page.QuerySelector("#coverage-threshold .coverage-note")!.GetAttribute("data-min-coverage"));
    }

    [Theory]
    [InlineData("/Embed/Rankings?year=2171&minCoverage=0.1")]
    [InlineData("/Embed/Map?year=2171&minCoverage=0.1")]
    [InlineData("/Embed/Cities/shanghai?year=2171&minCoverage=0.1")]
    [InlineData("/Embed/Compare?a=shanghai&b=beijing&year=2171&minCoverage=0.1")]
    public async Task Embeds_NameTheThresholdUnderTheChart_WithoutLinksToChangeIt(string url)
    {
        var page = Dom.Parse(await PageAsync(url));

        Assert.Equal("Method: Min–max. Minimum coverage: 10%. Cities left out: 1.", Text(page, ".embed-method"));
        Assert.Empty(page.QuerySelectorAll(".embed-method a"));
        Assert.Contains("minCoverage=0.1", page.QuerySelector("#embed-source")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmbeddedRanking_WithAThreshold_LeavesTheCityOut()
    {
        var html = await PageAsync("/Embed/Rankings?year=2171&minCoverage=0.1");

        Assert.Equal(["shanghai", "guangzhou", "chengdu", "beijing"], PageHtml.RankingRows(html));
    }

    [Fact]
    public async Task ShareCard_TakesTheThreshold()
    {
        await PageAsync("/?year=2171");
        var response = await app.Factory.CreateClient().GetAsync(new Uri("/Cities/wuhan/card.png?year=2171&minCoverage=0.1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
    }
}
