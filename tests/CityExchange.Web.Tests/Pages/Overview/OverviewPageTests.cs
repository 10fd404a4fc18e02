using System.Net;
using CityExchange.Web.Tests.Infrastructure;

namespace CityExchange.Web.Tests.Pages.Overview;

[Collection(WebTestGroup.Name)]
public sealed class OverviewPageTests(CityExchangeFactory factory)
{
    [Fact]
    public async Task Index_ShowsThePublishedRankingInChineseByDefault()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/?year=2013", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("北京", html, StringComparison.Ordinal);
        Assert.Contains("lang=\"zh-CN\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_SwitchesToEnglishFromTheQueryString()
    {
        var html = await factory.CreateClient().GetStringAsync(new Uri("/?year=2013&culture=en", UriKind.Relative));

        Assert.Contains("Beijing", html, StringComparison.Ordinal);
        Assert.Contains("lang=\"en\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Top 10", "Domain leaders", "There is no earlier year to compare 2013 with, so no rank changes are shown.")]
    [InlineData("zh-CN", "前 10 名", "各领域领先城市", "没有早于 2013 年的数据可供比较，因此不显示排名变化。")]
    public async Task Index_PublishedYearShowsTopTenAndLeadersButNoMovers(string culture, string top, string leaders, string noMovers)
    {
        var html = await PageHtml.GetOkAsync(factory, "/?year=2013", culture);

        var topTable = PageHtml.Section(html, "top-heading");
        Assert.Contains(top, topTable, StringComparison.Ordinal);
        Assert.Equal(10, System.Text.RegularExpressions.Regex.Count(topTable, "<th scope=\"row\">"));
        Assert.Contains(leaders, html, StringComparison.Ordinal);
        // No earlier year: no movers box beside the table (it would hold one sentence); the table says why instead.
        Assert.Contains(noMovers, topTable, StringComparison.Ordinal);
        Assert.DoesNotContain("movers-heading", html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"movers\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("demo-banner", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Methodology\"", html, StringComparison.Ordinal);
        Assert.Matches("<canvas id=\"overview-chart\"[^>]* role=\"img\"", html);
    }

    [Fact]
    public async Task Index_DomainLeadersAreTheApisDomainRankOnes()
    {
        var html = await PageHtml.GetOkAsync(factory, "/?year=2015", "en");
        var api = await PageHtml.ApiCitiesAsync(factory, 2015);

        var leaders = PageHtml.Section(html, "leaders-heading");
        foreach (var domain in new[] { "social", "culture", "trade", "politics" })
        {
            var leader = api.First(c => c.DomainRank(domain) == 1);
            Assert.Contains($"leader-{domain}", leaders, StringComparison.Ordinal);
            Assert.Contains($">{leader.GetProperty("nameEn").GetString()}</a>", leaders, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Index_DemoYearShowsTheBannerAndTheBiggestMovers()
    {
        var html = await PageHtml.GetOkAsync(factory, "/?year=2016", "en");
        var before = (await PageHtml.ApiCitiesAsync(factory, 2015)).ToDictionary(c => c.Code(), c => c.Rank());
        var now = await PageHtml.ApiCitiesAsync(factory, 2016);

        Assert.Contains("demo-banner", html, StringComparison.Ordinal);
        var movers = PageHtml.Section(html, "movers-heading");
        var riser = now.OrderByDescending(c => before[c.Code()] - c.Rank()).ThenBy(c => c.Rank()).First();
        var faller = now.OrderBy(c => before[c.Code()] - c.Rank()).ThenBy(c => c.Rank()).First();
        Assert.Contains($"rank {before[riser.Code()]} → {riser.Rank()}", movers, StringComparison.Ordinal);
        Assert.Contains($"rank {before[faller.Code()]} → {faller.Rank()}", movers, StringComparison.Ordinal);
        Assert.True(movers.IndexOf(riser.GetProperty("nameEn").GetString()!, StringComparison.Ordinal)
                    < movers.IndexOf("Fallers", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Index_UnknownYearIsNotFound()
    {
        var (status, html) = await PageHtml.GetAsync(factory, "/?year=1900", "en");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("<h1>Not found</h1>", html, StringComparison.Ordinal);
    }
}
