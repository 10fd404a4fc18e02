using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using CityExchange.Web.Tests.Infrastructure;

namespace CityExchange.Web.Tests.Pages.Cities;

/// <summary>
/// Every city name on the reading pages is a link to <c>/Cities/{code}</c> in the year (and method) the page shows —
/// the ranking tables, the overview's leaders and movers, compare, the rank histories, Explore and the analyses.
/// </summary>
[Collection(WebTestGroup.Name)]
public sealed class CityLinkTests(CityExchangeFactory factory)
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task RankingRows_LinkToTheCityInTheYearAndMethodShown()
    {
        var page = await GetAsync("/Rankings?year=2015&method=rank&culture=en");

        var rows = page.QuerySelectorAll("#ranking-table tbody tr[data-city]");
        Assert.Equal(46, rows.Length);
        Assert.All(rows, row => Assert.Equal(
            $"/Cities/{row.GetAttribute("data-city")}?year=2015&method=rank",
            row.QuerySelector("th[scope=row] a")?.GetAttribute("href")));
        Assert.Equal("Wuhan", page.QuerySelector("#ranking-table tr[data-city=wuhan] th a")!.TextContent);
        // The ranking chart's table (the first; the bump chart's follows) names the same cities, linked the same way.
        Assert.Equal(46, page.QuerySelector(".chart-data")!.QuerySelectorAll("tbody th a[href$='?year=2015&method=rank']").Length);
    }

    [Fact]
    public async Task Overview_LinksTheTopTenLeadersAndMoversToTheirProfilesInTheYear()
    {
        var page = await GetAsync("/?year=2015&culture=en");

        var top = page.QuerySelectorAll("#top-heading ~ .table-wrap table.ranking tbody tr th a");
        Assert.Equal(10, top.Length);
        Assert.All(top, a => Assert.Matches("^/Cities/[a-z]+\\?year=2015$", a.GetAttribute("href")));
        Assert.Equal(4, page.QuerySelectorAll(".leaders .stat a[href$='?year=2015']").Length);
        Assert.NotEmpty(page.QuerySelectorAll("ol.movers li a[href$='?year=2015']"));
        Assert.Empty(page.QuerySelectorAll("main a:not([href]), main a[href='']"));
    }

    [Fact]
    public async Task ALinkFromTheRankings_OpensThatCitysProfileInThatYear()
    {
        var rankings = await GetAsync("/Rankings?year=2014&culture=en");
        var href = rankings.QuerySelector("#ranking-table tr[data-city=xian] th a")!.GetAttribute("href")!;

        var profile = await GetAsync(href);

        Assert.Equal("Xi'an", profile.QuerySelector("h1")!.ChildNodes[0].TextContent.Trim());
        Assert.Equal("2014", profile.QuerySelector("h1 .year-tag")!.TextContent);
    }

    [Fact]
    public async Task Compare_LinksBothCitiesAndEveryYearOfTheirHistories()
    {
        var page = await GetAsync("/Compare?a=beijing&b=shanghai&year=2015&method=rank&culture=en");

        Assert.Equal(
            ["/Cities/beijing?year=2015&method=rank", "/Cities/shanghai?year=2015&method=rank"],
            page.QuerySelectorAll(".versus h2 a").Select(a => a.GetAttribute("href")));
        var history = page.QuerySelectorAll("table.rank-history tbody th a").Select(a => a.GetAttribute("href")).ToList();
        foreach (var city in new[] { "beijing", "shanghai" })
        {
            foreach (var year in new[] { 2013, 2014, 2015, 2016 })
            {
                Assert.Contains($"/Cities/{city}?year={year}&method=rank", history);
            }
        }
    }

    [Fact]
    public async Task CityHistory_LinksEachYearToTheCityInThatYear_TheShownOneMarkedCurrent()
    {
        var page = await GetAsync("/Cities/chengdu?year=2015&culture=en");

        // The bundled years (tests that store years of their own add rows after them).
        var years = page.QuerySelectorAll("table.rank-history tbody th a").Take(4).ToList();
        Assert.Equal(["2013", "2014", "2015", "2016"], years.Select(a => a.TextContent));
        Assert.Equal(["/Cities/chengdu?year=2013", "/Cities/chengdu?year=2014", "/Cities/chengdu?year=2015", "/Cities/chengdu?year=2016"], years.Select(a => a.GetAttribute("href")));
        Assert.Equal(["2015"], page.QuerySelectorAll("table.rank-history a[aria-current=page]").Select(a => a.TextContent));
    }

    [Fact]
    public async Task Explore_RankingAndIntervalsLinkToTheCityInTheYearAndMethodExplored()
    {
        var page = await GetAsync("/Explore?year=2016&method=rank&mc=1&samples=20&culture=en");

        var rows = page.QuerySelectorAll("#explore-rows tr[data-city]");
        Assert.Equal(46, rows.Length);
        Assert.All(rows, row => Assert.Equal($"/Cities/{row.GetAttribute("data-city")}?year=2016&method=rank", row.QuerySelector("a")?.GetAttribute("href")));
        Assert.Equal(46, page.QuerySelectorAll("#mc-rows tr td a[href$='?year=2016&method=rank']").Length);
    }

    [Fact]
    public async Task WhatIf_LinksTheCitiesPassed()
    {
        var page = await GetAsync("/Explore/City/beijing?year=2015&culture=en&v.consulates=500&v.intl_orgs=500");

        var passes = page.QuerySelector("[data-whatif-passes]")!;
        Assert.Equal("Beijing would pass: Shanghai.", passes.TextContent.Trim());
        Assert.Equal("/Cities/shanghai?year=2015", passes.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("/Cities/beijing?year=2015", page.QuerySelector("h1 a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Clusters_LinkEveryMemberAndEveryLeafOfTheDendrogram()
    {
        var page = await GetAsync("/Analysis/Clusters?year=2013&culture=en");

        var members = page.QuerySelectorAll("td.members a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(46, members.Distinct().Count());
        Assert.All(members, href => Assert.Matches("^/Cities/[a-z]+\\?year=2013$", href));
        Assert.Contains("/Cities/guangzhou?year=2013", members);
        var leaves = page.QuerySelectorAll("figure.dendrogram svg a");
        Assert.Equal(46, leaves.Length);
        Assert.All(leaves, a => Assert.NotNull(a.QuerySelector("text.leaf")));
        Assert.Equal(members.Order(StringComparer.Ordinal), leaves.Select(a => a.GetAttribute("href")).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("/Analysis/Report?culture=en", "details.chart-data tbody th a", 46, 2013)]
    [InlineData("/Analysis/Groups?year=2013&culture=en", "#regions ~ section tbody th a", 46, 2013)]
    [InlineData("/Analysis/Regression?year=2016&culture=en", "details.chart-data tbody th a", 46, 2016)]
    public async Task AnalysisTables_LinkEveryCityToItsProfileInTheYear(string url, string selector, int cities, int year)
    {
        var page = await GetAsync(url);

        var links = page.QuerySelectorAll(selector).Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(cities, links.Distinct().Count());
        Assert.All(links, href => Assert.Matches($"^/Cities/[a-z]+\\?year={year}$", href));
    }

    [Fact]
    public async Task Report_LinksTheCitiesRankedDifferently()
    {
        var page = await GetAsync("/Analysis/Report?culture=en");

        var overall = page.QuerySelector("table.compare[aria-labelledby=ranks-heading] tbody tr td:last-child")!;
        Assert.NotEmpty(overall.QuerySelectorAll("a[href$='?year=2013']"));
        Assert.Equal(overall.QuerySelectorAll("a").Length, int.Parse(overall.PreviousElementSibling!.TextContent, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>One reader: the language chosen with <c>?culture=</c> is kept in the cookie for the links followed.</summary>
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<IDocument> GetAsync(string url)
    {
        using var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }
}
