using System.Text.Json;
using CityExchange.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace CityExchange.Web.Tests.Pages.Charts;

/// <summary>
/// The chart-context block every page carries for the download controls (year, method, demo flag, source, version,
/// the page's URL — absolute only with Site:PublicUrl, whatever the Host header says), the title every chart canvas
/// needs to get its controls, and the data of the bump chart (/Rankings) and the slope chart (/Analysis/Report).
/// </summary>
[Collection(WebTestGroup.Name)]
public sealed class ChartPageTests(CityExchangeFactory factory)
{
    [Fact]
    public async Task ChartContext_OfAPublishedYear_NamesItsYearMethodSourceAndRelativeUrl()
    {
        var context = Block(await PageHtml.GetOkAsync(factory, "/Rankings?year=2013", "en"), "chart-context");

        Assert.Equal("rankings", context.GetProperty("page").GetString());
        Assert.Equal(2013, context.GetProperty("year").GetInt32());
        Assert.Equal("published", context.GetProperty("method").GetString());
        Assert.False(context.GetProperty("demo").GetBoolean());
        Assert.Equal("Shanghai Institutes for International Studies (SIIS), City International Exchange Vitality Index (2015)", context.GetProperty("source").GetString());
        Assert.StartsWith("2013-", context.GetProperty("version").GetString(), StringComparison.Ordinal);
        Assert.Equal("/Rankings?year=2013&culture=en", context.GetProperty("url").GetString());
        Assert.Equal("Download image", context.GetProperty("text").GetProperty("image").GetString());
    }

    [Fact]
    public async Task ChartContext_OfADemoYear_InChinese_SaysDemo()
    {
        var context = Block(await PageHtml.GetOkAsync(factory, "/Cities/beijing?year=2016", "zh-CN"), "chart-context");

        Assert.Equal("cities-beijing", context.GetProperty("page").GetString());
        Assert.Equal(2016, context.GetProperty("year").GetInt32());
        Assert.True(context.GetProperty("demo").GetBoolean());
        Assert.Equal("合成演示数据", context.GetProperty("source").GetString());
        Assert.Equal("下载图片", context.GetProperty("text").GetProperty("image").GetString());
    }

    [Fact]
    public async Task ChartContext_OfAnEmbed_NamesItsFullPage_InTheReadersLanguage()
    {
        var english = Block(await PageHtml.GetOkAsync(factory, "/Embed/Map?year=2013&domain=trade", "en"), "chart-context");
        var chinese = Block(await PageHtml.GetOkAsync(factory, "/Embed/Map?year=2013&domain=trade", "zh-CN"), "chart-context");

        Assert.Equal("rankings", english.GetProperty("page").GetString());
        Assert.Equal("/Rankings?year=2013&domain=trade&culture=en", english.GetProperty("url").GetString());
        Assert.Equal(2013, english.GetProperty("year").GetInt32());
        Assert.Equal("published", english.GetProperty("method").GetString());
        Assert.Equal("Download image", english.GetProperty("text").GetProperty("image").GetString());
        Assert.Equal("/Rankings?year=2013&domain=trade&culture=zh-CN", chinese.GetProperty("url").GetString());
        Assert.Equal("下载图片", chinese.GetProperty("text").GetProperty("image").GetString());
    }

    [Fact]
    public async Task ChartContext_Url_IsAbsoluteOnlyWithAPublicUrl_AndAForgedHostChangesNothing()
    {
        using var configured = factory.WithWebHostBuilder(b => b.UseSetting("Site:PublicUrl", "https://index.example.org/cx/"));
        using var forged = new HttpRequestMessage(HttpMethod.Get, new Uri("/Compare?a=beijing&b=shanghai&culture=en", UriKind.Relative));
        forged.Headers.Host = "evil.example";
        var html = System.Net.WebUtility.HtmlDecode(await (await configured.CreateClient().SendAsync(forged)).Content.ReadAsStringAsync());
        Assert.Equal("https://index.example.org/cx/Compare?a=beijing&b=shanghai&culture=en", Block(html, "chart-context").GetProperty("url").GetString());

        using var plain = new HttpRequestMessage(HttpMethod.Get, new Uri("/Compare?a=beijing&b=shanghai&culture=en", UriKind.Relative));
        plain.Headers.Host = "evil.example";
        var relative = System.Net.WebUtility.HtmlDecode(await (await factory.CreateClient().SendAsync(plain)).Content.ReadAsStringAsync());
        Assert.Equal("/Compare?a=beijing&b=shanghai&culture=en", Block(relative, "chart-context").GetProperty("url").GetString());
    }

    [Theory]
    [InlineData("/?year=2016", 1)]
    [InlineData("/Rankings?year=2013", 2)]
    [InlineData("/Rankings?year=2016", 2)]
    [InlineData("/Cities/beijing?year=2016", 2)]
    [InlineData("/Compare?a=beijing&b=shanghai&year=2016", 3)]
    [InlineData("/Analysis/Clusters?year=2016", 1)]
    [InlineData("/Analysis/Groups?year=2016", 3)]
    [InlineData("/Analysis/Regression?year=2016", 1)]
    [InlineData("/Analysis/Report", 1)]
    [InlineData("/Explore?year=2016", 1)]
    [InlineData("/Explore/City/beijing?year=2016", 1)]
    public async Task EveryChartCanvas_HasATitle(string url, int atLeast)
    {
        var canvases = Dom.Parse(await PageHtml.GetOkAsync(factory, url, "en")).QuerySelectorAll("canvas").ToList();

        Assert.True(canvases.Count >= atLeast, $"{url}: {canvases.Count} canvases");
        Assert.All(canvases, c => Assert.False(string.IsNullOrWhiteSpace(c.GetAttribute("data-chart-title")), $"{url}: canvas {c.Id} has no data-chart-title"));
    }

    [Fact]
    public async Task BumpChart_HasEveryCitysPublishedRankIn2013_AndNamesTheLatestYearsTopTen()
    {
        var bump = Block(await PageHtml.GetOkAsync(factory, "/Rankings?year=2013", "en"), "bump-data");

        var years = bump.GetProperty("years").EnumerateArray().Select(y => y.GetString()).ToList();
        Assert.Equal(["2013 (published)", "2014 (demo)", "2015 (demo)", "2016 (demo)"], years.Take(4));
        var cities = bump.GetProperty("cities").EnumerateArray().ToDictionary(c => c.GetProperty("code").GetString()!);
        Assert.Equal(46, cities.Count);
        // Figure 3's overall ranks (data/siis2015_published.csv).
        Assert.Equal(1, Rank2013("beijing"));
        Assert.Equal(2, Rank2013("shanghai"));
        Assert.Equal(13, Rank2013("dalian"));
        Assert.Equal(16, Rank2013("harbin"));
        Assert.Equal(25, Rank2013("changchun"));
        Assert.Equal(46, bump.GetProperty("maxRank").GetInt32());
        // The latest stored year's top ten are named (other tests store later years with a few cities).
        Assert.All(cities.Values, c => Assert.Equal(
            c.GetProperty("ranks")[years.Count - 1] is { ValueKind: JsonValueKind.Number } last && last.GetInt32() <= 10,
            c.GetProperty("labelled").GetBoolean()));
        Assert.InRange(cities.Values.Count(c => c.GetProperty("labelled").GetBoolean()), 1, 10);

        int Rank2013(string code) => cities[code].GetProperty("ranks")[0].GetInt32();
    }

    [Fact]
    public async Task SlopeChart_SetsTheReportsRanksBesideTheRanksOfItsDomainScores()
    {
        var slope = Block(await PageHtml.GetOkAsync(factory, "/Analysis/Report", "en"), "slope-data");

        var cities = slope.GetProperty("cities").EnumerateArray().ToDictionary(c => c.GetProperty("code").GetString()!);
        Assert.Equal(46, cities.Count);
        Assert.Equal((1, 1), Ranks("beijing"));
        Assert.Equal((4, 5), Ranks("wuhan"));
        Assert.Equal((9, 12), Ranks("qingdao"));
        Assert.Equal((13, 15), Ranks("dalian"));
        Assert.Equal((15, 13), Ranks("xiamen"));
        Assert.Equal(8, cities.Values.Count(c => c.GetProperty("labelled").GetBoolean()));
        Assert.True(cities["qingdao"].GetProperty("labelled").GetBoolean());
        Assert.False(cities["beijing"].GetProperty("labelled").GetBoolean());

        (int, int) Ranks(string code) => (cities[code].GetProperty("published").GetInt32(), cities[code].GetProperty("recomputed").GetInt32());
    }

    private static JsonElement Block(string html, string id) =>
        JsonDocument.Parse(Dom.Parse(html).QuerySelector($"script#{id}[type='application/json']")?.TextContent
            ?? throw new InvalidOperationException($"No #{id} block")).RootElement.Clone();
}
