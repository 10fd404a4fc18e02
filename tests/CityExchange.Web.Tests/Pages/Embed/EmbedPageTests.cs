using System.Net;
using CityExchange.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CityExchange.Web.Tests.Pages.Embed;

/// <summary>
/// The embeds (/Embed/*): framable by any site while every other response refuses framing; the full pages' own
/// query parameters (a contract) give the same cities in the same order; both languages; a source link back to the
/// full page with the same state; and the embed control's snippet, absolute only from Site:PublicUrl.
/// </summary>
[Collection(WebTestGroup.Name)]
public sealed class EmbedPageTests(CityExchangeFactory factory)
{
    private const string PublicUrl = "https://index.example.org/cx";

    [Theory]
    [InlineData("/Embed/Rankings")]
    [InlineData("/Embed/Rankings?year=2015&domain=trade")]
    [InlineData("/Embed/Cities/beijing")]
    [InlineData("/Embed/Compare?a=beijing&b=shanghai")]
    [InlineData("/Embed/Map")]
    [InlineData("/Embed/Map?year=2015&domain=trade")]
    public async Task Embed_AnswersAndMayBeFramedByAnySite(string path)
    {
        using var response = await factory.CreateClient().GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors *;", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("'none'; form", csp, StringComparison.Ordinal);
        // The rest of the policy is the site's: scripts and styles from this origin only.
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("style-src 'self';", csp, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("X-Frame-Options"));
    }

    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/Rankings", HttpStatusCode.OK)]
    [InlineData("/Cities/beijing", HttpStatusCode.OK)]
    [InlineData("/Compare?a=beijing&b=shanghai", HttpStatusCode.OK)]
    [InlineData("/api/rankings/2013", HttpStatusCode.OK)]
    [InlineData("/css/embed.css", HttpStatusCode.OK)]
    [InlineData("/no/such/page", HttpStatusCode.NotFound)]
    [InlineData("/Embed/Cities/nowhere", HttpStatusCode.NotFound)]
    [InlineData("/Embed/NoSuchEmbed", HttpStatusCode.NotFound)]
    public async Task EverythingElse_RefusesFraming(string path, HttpStatusCode status)
    {
        using var response = await factory.CreateClient().GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(status, response.StatusCode);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("frame-ancestors *", csp, StringComparison.Ordinal);
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Theory]
    [InlineData("zh-CN", "示意图：仅示城市位置，不含行政边界", "城市分布图：综合得分")]
    [InlineData("en", "Schematic: city locations only, no boundaries", "Map of the cities: Overall score")]
    public async Task MapEmbed_IsTheRankingsMapForTheSameFilters_PointsOnly(string culture, string caption, string title)
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        var html = await client.GetStringAsync(new Uri($"/Embed/Map?year=2013&group=municipality&culture={culture}", UriKind.Relative));
        var dom = Dom.Parse(html);

        var table = System.Text.Json.JsonDocument.Parse(dom.QuerySelector("script#city-map-data")!.TextContent).RootElement;
        var codes = table.GetProperty("rows").EnumerateArray().Select(r => r[0].GetString() ?? "").ToArray();
        Assert.Equal(new[] { "beijing", "shanghai", "chongqing", "tianjin" }, codes);
        foreach (var word in new[] { "Polygon", "LineString", "topology", "arcs" })
        {
            Assert.DoesNotContain(word, html, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains(caption, dom.Body!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith(title, dom.Title, StringComparison.Ordinal);
        Assert.Null(dom.QuerySelector("header.site-header"));
        // The embed's title is its one visible heading; the map's own names the section for screen readers only.
        Assert.Equal("visually-hidden", dom.QuerySelector("#city-map-heading")!.ClassName);
        // The source link goes back to the full ranking page with the same filters.
        Assert.Contains(dom.QuerySelectorAll("a").Select(a => a.GetAttribute("href") ?? ""),
            href => href.StartsWith("/Rankings?year=2013&group=municipality", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Published2013_EmbedShowsTheReportsTopTenWithTheirPrintedRanks()
    {
        var html = await PageHtml.GetOkAsync(factory, "/Embed/Rankings?year=2013", "en");

        // Figure 3: Wuhan is printed 4th and Chongqing 5th (their mean scores rank the other way round).
        Assert.Equal(["beijing", "shanghai", "guangzhou", "wuhan", "chongqing"], PageHtml.RankingRows(html).Take(5));
        Assert.Equal(10, PageHtml.RankingRows(html).Count);
        Assert.Equal("4", PageHtml.Cell(PageHtml.RankingRowOf(html, "wuhan"), "rank-cell"));
        Assert.Contains("Rank (as published)", html, StringComparison.Ordinal);
        Assert.Contains("Method: as published.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("demo-banner", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("year=2013&domain=trade", new[] { "shanghai", "beijing", "tianjin", "wuhan", "qingdao" })]
    [InlineData("year=2013&group=municipality", new[] { "beijing", "shanghai", "chongqing", "tianjin" })]
    [InlineData("year=2013&q=Tianjin", new[] { "tianjin" })]
    public async Task Embed_TakesTheFullPagesParameters_AndShowsItsCitiesInItsOrder(string query, string[] expectedTop)
    {
        var embed = PageHtml.RankingRows(await PageHtml.GetOkAsync(factory, $"/Embed/Rankings?{query}", "en"));
        var full = PageHtml.RankingRows(await PageHtml.GetOkAsync(factory, $"/Rankings?{query}", "en"));

        Assert.Equal(expectedTop, embed.Take(expectedTop.Length));
        Assert.Equal(full.Take(embed.Count), embed);
    }

    [Fact]
    public async Task DemoYearByDomain_EmbedIsTheFullPagesTopRows_AndSaysItIsDemoData()
    {
        var html = await PageHtml.GetOkAsync(factory, "/Embed/Rankings?year=2015&domain=trade&n=20", "en");
        var full = PageHtml.RankingRows(await PageHtml.GetOkAsync(factory, "/Rankings?year=2015&domain=trade", "en"));

        Assert.Equal(full.Take(20), PageHtml.RankingRows(html));
        Assert.Contains("demo-banner", html, StringComparison.Ordinal);
        Assert.Contains("Ranking by Trade", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN", "北京", "按报告公布", "城市对外交往活力指数")]
    [InlineData("en", "Beijing", "as published", "City International Exchange Vitality Index")]
    public async Task Embed_IsInTheReadersLanguage(string culture, string beijing, string method, string index)
    {
        var html = await PageHtml.GetOkAsync(factory, "/Embed/Cities/beijing?year=2013", culture);
        var document = Dom.Parse(html);

        Assert.Equal(culture, document.DocumentElement.GetAttribute("lang"));
        Assert.StartsWith(beijing, document.QuerySelector("h1")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains(method, document.QuerySelector(".embed-method")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(index, document.QuerySelector("#embed-source")!.TextContent, StringComparison.Ordinal);
        // No site chrome: no header, navigation or site footer.
        Assert.Null(document.QuerySelector(".site-header"));
        Assert.Null(document.QuerySelector("nav"));
        Assert.Null(document.QuerySelector(".site-footer"));
    }

    [Fact]
    public async Task CityEmbed_IsTheProfileCard_RankScoreAndTheFourPublishedDomainScores()
    {
        var document = Dom.Parse(await PageHtml.GetOkAsync(factory, "/Embed/Cities/beijing?year=2013", "en"));

        Assert.Equal("1 of 46", document.QuerySelector("#embed-rank")!.TextContent.Trim());
        Assert.Equal("93.9", document.QuerySelector("#embed-score")!.TextContent.Trim());
        Assert.Equal(
            ["social 93.5", "culture 98.5", "trade 84.8", "politics 98.9"],
            document.QuerySelectorAll("#embed-domains tbody tr").Select(r => $"{r.GetAttribute("data-domain")} {r.QuerySelectorAll("td")[0].TextContent.Trim()}"));
    }

    [Fact]
    public async Task CompareEmbed_ShowsBothCitiesDomainScoresAndTheDifference()
    {
        var document = Dom.Parse(await PageHtml.GetOkAsync(factory, "/Embed/Compare?a=beijing&b=shanghai&year=2013", "en"));

        Assert.Equal("Compare Beijing and Shanghai", document.QuerySelector("h1")!.FirstChild!.TextContent.Trim());
        var trade = document.QuerySelector("#embed-compare tr[data-domain=trade]")!.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["84.8", "97.8", "", "−13.0"], trade);
    }

    [Fact]
    public async Task CompareEmbed_NamesTypedLeadToTheEmbedsUrlOfCodesInTheSameLanguage()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri("/Embed/Compare?a=%E5%8C%97%E4%BA%AC&b=Shanghai&culture=en", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Embed/Compare?a=beijing&b=shanghai&culture=en", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task CompareEmbed_WithAnUnknownCity_PointsToTheFullPage()
    {
        var document = Dom.Parse(await PageHtml.GetOkAsync(factory, "/Embed/Compare?a=nowhere&b=shanghai&year=2013", "en"));

        Assert.NotNull(document.QuerySelector("#embed-problem"));
        Assert.Equal("/Compare?a=nowhere&b=shanghai&year=2013&culture=en", document.QuerySelector("#embed-source")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("/Embed/Rankings?year=2015&domain=trade&group=east", "en", "/Rankings?year=2015&domain=trade&group=east&culture=en")]
    [InlineData("/Embed/Cities/beijing?year=2014&method=rank", "zh-CN", "/Cities/beijing?year=2014&method=rank&culture=zh-CN")]
    [InlineData("/Embed/Compare?a=beijing&b=shanghai&year=2013", "en", "/Compare?a=beijing&b=shanghai&year=2013&culture=en")]
    public async Task SourceLink_OpensTheFullPageWithTheSameStateInANewTab(string embed, string culture, string expected)
    {
        var link = Dom.Parse(await PageHtml.GetOkAsync(factory, embed, culture)).QuerySelector("#embed-source")!;

        Assert.Equal(expected, link.GetAttribute("href"));
        Assert.Equal("_blank", link.GetAttribute("target"));
        Assert.Equal("noopener", link.GetAttribute("rel"));
        // And the full page answers with the same state.
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync(new Uri(expected, UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("/Rankings?year=2015&domain=trade", "en", "/Embed/Rankings?year=2015&amp;domain=trade&amp;culture=en")]
    [InlineData("/Cities/beijing?year=2013", "zh-CN", "/Embed/Cities/beijing?year=2013&amp;culture=zh-CN")]
    [InlineData("/Compare?a=beijing&b=shanghai&year=2013", "en", "/Embed/Compare?a=beijing&amp;b=shanghai&amp;year=2013&amp;culture=en")]
    public async Task EmbedControl_WithoutAPublicUrl_GivesARelativeSnippetAndSaysSo(string page, string culture, string src)
    {
        var document = Dom.Parse(await RawAsync(factory.CreateClient(), page, culture));

        var snippet = document.QuerySelector("details.embed-control textarea#embed-snippet")!;
        Assert.True(snippet.HasAttribute("readonly"));
        Assert.StartsWith($"<iframe src=\"{src}\" title=\"", snippet.TextContent, StringComparison.Ordinal);
        Assert.Contains("loading=\"lazy\"></iframe>", snippet.TextContent, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector("#embed-relative-note"));
        Assert.NotNull(document.QuerySelector("script[type=module][src^='/js/embed/embed-control.js']"));
    }

    [Fact]
    public async Task EmbedControl_SnippetTitleNamesTheViewInTheReadersLanguage()
    {
        var document = Dom.Parse(await RawAsync(factory.CreateClient(), "/Compare?a=beijing&b=shanghai&year=2013", "zh-CN"));

        Assert.Contains("title=\"比较北京与上海 · 城市对外交往活力指数\"", document.QuerySelector("#embed-snippet")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithAPublicUrl_SnippetAndSourceLinkAreAbsolute_WhateverHostTheRequestNames()
    {
        using var app = factory.WithWebHostBuilder(builder => builder.UseSetting("Site:PublicUrl", PublicUrl));
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Host = "attacker.example";

        var rankings = Dom.Parse(await RawAsync(client, "/Rankings?year=2015&domain=trade", "en"));
        var embed = Dom.Parse(await RawAsync(client, "/Embed/Rankings?year=2015&domain=trade", "en"));

        Assert.StartsWith(
            "<iframe src=\"https://index.example.org/cx/Embed/Rankings?year=2015&amp;domain=trade&amp;culture=en\"",
            rankings.QuerySelector("#embed-snippet")!.TextContent, StringComparison.Ordinal);
        Assert.Null(rankings.QuerySelector("#embed-relative-note"));
        Assert.Equal("https://index.example.org/cx/Rankings?year=2015&domain=trade&culture=en", embed.QuerySelector("#embed-source")!.GetAttribute("href"));
        Assert.Equal("https://index.example.org/cx/Rankings?year=2015&domain=trade&culture=en", embed.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.DoesNotContain("attacker.example", rankings.QuerySelector("#embed-control")!.OuterHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("attacker.example", embed.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Embed_LinksOpenOutsideTheFrame()
    {
        var document = Dom.Parse(await PageHtml.GetOkAsync(factory, "/Embed/Rankings?year=2013", "en"));

        // A link followed inside the frame would land on a page that refuses framing.
        Assert.Equal("_blank", document.QuerySelector("head base")!.GetAttribute("target"));
        Assert.Null(document.QuerySelector("head base")!.GetAttribute("href"));
        Assert.Equal("/Cities/beijing?year=2013", document.QuerySelector("tr[data-city=beijing] a")!.GetAttribute("href"));
    }

    /// <summary>The page as served (PageHtml decodes entities first, which would decode the snippet's twice).</summary>
    private static async Task<string> RawAsync(HttpClient client, string url, string culture)
    {
        using var response = await client.GetAsync(new Uri($"{url}{(url.Contains('?', StringComparison.Ordinal) ? '&' : '?')}culture={culture}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
