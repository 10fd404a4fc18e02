using System.Globalization;
using System.Net;
using System.Text;
using CityExchange.Web.Tests.Infrastructure;

namespace CityExchange.Web.Tests.Pages.Rankings;

[Collection(WebTestGroup.Name)]
public sealed class RankingsPageTests(CityExchangeFactory factory)
{
    [Theory]
    [InlineData("zh-CN", "上海", "社会领域")]
    [InlineData("en", "Shanghai", "Social")]
    public async Task Rankings_ListsEveryCityInTheApisOrderInEitherLanguage(string culture, string cityName, string domainName)
    {
        var html = await PageHtml.GetOkAsync(factory, "/Rankings?year=2016", culture);
        var api = await PageHtml.ApiCitiesAsync(factory, 2016);

        Assert.Equal(api.Select(c => c.Code()), PageHtml.RankingRows(html));
        Assert.Contains(cityName, html, StringComparison.Ordinal);
        Assert.Contains(domainName, html, StringComparison.Ordinal);
        Assert.Contains("demo-banner", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rankings_ShowsTheApisScoreAndDomainRanksInEachRow()
    {
        var html = await PageHtml.GetOkAsync(factory, "/Rankings?year=2015", "en");
        var wuhan = (await PageHtml.ApiCitiesAsync(factory, 2015)).Single(c => c.Code() == "wuhan");

        var row = PageHtml.RankingRowOf(html, "wuhan");
        Assert.Equal(wuhan.GetProperty("score").GetDouble().ToString("F1", CultureInfo.InvariantCulture), PageHtml.Cell(row, "score"));
        Assert.Contains($"{wuhan.DomainScore("trade").ToString("F1", CultureInfo.InvariantCulture)} <span class=\"muted\">({wuhan.DomainRank("trade")})</span>", row, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("东北")]
    [InlineData("Northeast China")]
    public async Task Rankings_RegionFilterKeepsOnlyThatRegionsCities(string region)
    {
        var html = await PageHtml.GetOkAsync(factory, $"/Rankings?year=2016&region={Uri.EscapeDataString(region)}", "en");
        var expected = (await PageHtml.ApiCitiesAsync(factory, 2016)).Where(c => c.GetProperty("region").GetString() == "东北").Select(c => c.Code());

        Assert.Equal(expected, PageHtml.RankingRows(html));
        Assert.Equal(["changchun", "dalian", "harbin", "shenyang"], PageHtml.RankingRows(html).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("municipality", new[] { "beijing", "chongqing", "shanghai", "tianjin" })]
    [InlineData("west", null)]
    public async Task Rankings_GroupFilterKeepsTheGroupsCities(string group, string[]? expected)
    {
        var html = await PageHtml.GetOkAsync(factory, $"/Rankings?year=2014&group={group}", "zh-CN");

        var rows = PageHtml.RankingRows(html);
        if (expected is not null)
        {
            Assert.Equal(expected, rows.Order(StringComparer.Ordinal));
        }
        else
        {
            // The report's footnote assigns 16 cities to the west (cities.csv).
            Assert.Equal(16, rows.Count);
            Assert.Contains("chengdu", rows);
            Assert.DoesNotContain("shanghai", rows);
        }
    }

    [Theory]
    [InlineData("成都")]
    [InlineData("Chengdu")]
    [InlineData("chengdu")]
    public async Task Rankings_SearchFindsACityByChineseOrEnglishName(string q)
    {
        var html = await PageHtml.GetOkAsync(factory, $"/Rankings?year=2016&q={Uri.EscapeDataString(q)}", "zh-CN");

        Assert.Equal(["chengdu"], PageHtml.RankingRows(html));
        Assert.Contains("46 个城市中有 1 个符合条件", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rankings_SearchWithNoMatchSaysSoInEnglish()
    {
        var html = await PageHtml.GetOkAsync(factory, "/Rankings?year=2016&q=Atlantis", "en");

        Assert.Empty(PageHtml.RankingRows(html));
        Assert.Contains("No city matches these filters.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rankings_SortChangesTheOrderOfTheRows()
    {
        var api = await PageHtml.ApiCitiesAsync(factory, 2016);

        var bySocial = PageHtml.RankingRows(await PageHtml.GetOkAsync(factory, "/Rankings?year=2016&sort=social", "en"));
        var byScoreAscending = PageHtml.RankingRows(await PageHtml.GetOkAsync(factory, "/Rankings?year=2016&sort=score&dir=asc", "en"));
        var byName = PageHtml.RankingRows(await PageHtml.GetOkAsync(factory, "/Rankings?year=2016&sort=name", "en"));

        Assert.Equal(api.OrderByDescending(c => c.DomainScore("social")).ThenBy(c => c.Rank()).Select(c => c.Code()), bySocial);
        Assert.Equal(api.Select(c => c.Code()).Reverse(), byScoreAscending.Take(api.Count));
        Assert.Equal(api.Select(c => c.GetProperty("nameEn").GetString()!).Order(StringComparer.Create(CultureInfo.GetCultureInfo("en"), true)).First(),
            api.Single(c => c.Code() == byName[0]).GetProperty("nameEn").GetString());
        Assert.NotEqual(bySocial, byName);
    }

    [Fact]
    public async Task Rankings_SortedColumnIsMarkedForAssistiveTechnology()
    {
        var html = await PageHtml.GetOkAsync(factory, "/Rankings?year=2016&sort=coverage&dir=asc", "en");

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "aria-sort=\"ascending\""));
        Assert.Contains("aria-sort=\"ascending\"><a href=\"/Rankings?year=2016&sort=coverage\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rankings_DomainParameterRanksByThatDomain()
    {
        var html = await PageHtml.GetOkAsync(factory, "/Rankings?year=2015&domain=trade", "en");
        var api = await PageHtml.ApiCitiesAsync(factory, 2015);

        var expected = api.OrderBy(c => c.DomainRank("trade")).ThenBy(c => c.Code(), StringComparer.Ordinal).Select(c => c.Code()).ToList();
        Assert.Equal(expected, PageHtml.RankingRows(html));
        var top = api.Single(c => c.Code() == expected[0]);
        Assert.Equal(top.DomainScore("trade").ToString("F1", CultureInfo.InvariantCulture), PageHtml.Cell(PageHtml.RankingRowOf(html, expected[0]), "score"));
        Assert.Contains("Ranked by: Trade.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rankings_RankMethodShowsTheRankScoreResults()
    {
        var html = await PageHtml.GetOkAsync(factory, "/Rankings?year=2014&method=rank", "en");
        var api = await PageHtml.ApiCitiesAsync(factory, 2014, "rank");

        Assert.Equal(api.Select(c => c.Code()), PageHtml.RankingRows(html));
        Assert.Equal(api[5].GetProperty("score").GetDouble().ToString("F1", CultureInfo.InvariantCulture), PageHtml.Cell(PageHtml.RankingRowOf(html, api[5].Code()), "score"));
    }

    [Fact]
    public async Task Rankings_MovementColumnComparesWithThePreviousYear()
    {
        var html = await PageHtml.GetOkAsync(factory, "/Rankings?year=2016", "en");
        var before = (await PageHtml.ApiCitiesAsync(factory, 2015)).ToDictionary(c => c.Code(), c => c.Rank());
        var now = await PageHtml.ApiCitiesAsync(factory, 2016);

        Assert.Contains(">vs 2015", html, StringComparison.Ordinal);
        var up = now.First(c => before[c.Code()] > c.Rank());
        var down = now.First(c => before[c.Code()] < c.Rank());
        var same = now.First(c => before[c.Code()] == c.Rank());
        Assert.Contains($"▲{before[up.Code()] - up.Rank()}</span>", PageHtml.RankingRowOf(html, up.Code()), StringComparison.Ordinal);
        Assert.Contains($"▼{down.Rank() - before[down.Code()]}</span>", PageHtml.RankingRowOf(html, down.Code()), StringComparison.Ordinal);
        Assert.Contains("movement same", PageHtml.RankingRowOf(html, same.Code()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rankings_PublishedYearShowsTheReportsRanksAndNoMovement()
    {
        var html = await PageHtml.GetOkAsync(factory, "/Rankings?year=2013", "en");

        Assert.Contains("Rank (as published)", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">vs ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("demo-banner", html, StringComparison.Ordinal);
        // siis2015_published.csv: Dalian's overall rank in the report is 13.
        Assert.Equal("13", PageHtml.Cell(PageHtml.RankingRowOf(html, "dalian"), "rank-cell"));
    }

    [Theory]
    [InlineData("zh-CN", "未找到")]
    [InlineData("en", "Not found")]
    public async Task Rankings_UnknownYearIsALocalisedNotFoundPage(string culture, string title)
    {
        var (status, html) = await PageHtml.GetAsync(factory, "/Rankings?year=1999", culture);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains($"<h1>{title}</h1>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_HasABomAndExactlyTheVisibleRowsInTheirOrder()
    {
        const string query = "year=2016&region=%E5%8D%8E%E4%B8%9C&sort=trade";
        var html = await PageHtml.GetOkAsync(factory, $"/Rankings?{query}", "en");
        var response = await factory.CreateClient().GetAsync(new Uri($"/Rankings?handler=Csv&{query}&culture=en", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var rows = PageHtml.RankingRows(html);
        Assert.Equal(14, rows.Count);
        Assert.Equal(rows.Count + 1, lines.Length);
        Assert.Equal(rows, lines.Skip(1).Select(l => l.Split(',')[3]));
        Assert.StartsWith("Year,Demo data,Rank,City code,City (Chinese),City (English),Region,Score,Social,Social rank,Culture,Culture rank,Trade,Trade rank", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_HasChineseHeadersAndTheApisNumbers()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/Rankings?handler=Csv&year=2015&culture=zh-CN", UriKind.Relative));
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var first = (await PageHtml.ApiCitiesAsync(factory, 2015))[0];

        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("年份,演示数据,排名,城市代码,城市（中文）,城市（英文）,地区,得分", lines[0], StringComparison.Ordinal);
        Assert.EndsWith("较 2014 年变化", lines[0], StringComparison.Ordinal);
        var cells = lines[1].Split(',');
        Assert.Equal(["2015", "是", "1", first.Code(), first.GetProperty("nameZh").GetString()!, first.GetProperty("nameEn").GetString()!], cells[..6]);
        Assert.Equal(first.GetProperty("score").GetDouble().ToString("F1", CultureInfo.InvariantCulture), cells[7]);
        Assert.Equal(47, lines.Length);
    }

    [Fact]
    public async Task Csv_UnknownYearIsNotFound()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/Rankings?handler=Csv&year=1999", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
