using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CityExchange.Web.Pages.Shared;
using CityExchange.Web.Tests.Infrastructure;
using CityExchange.Web.Tests.Providers;

namespace CityExchange.Web.Tests.Site;

/// <summary>
/// A year with more cities than the overview's chart and the compare pickers list (600 synthetic cities, a database of
/// its own): the chart and its table hold the first <see cref="OverviewView.ChartLimit"/> and say so, in both languages;
/// the pickers ask /api/cities instead of listing every city; all cities stay on /Rankings.
/// </summary>
[Collection(WebTestGroup.Name)]
public sealed partial class LargeYearPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const int Year = 2092;
    private const int Cities = 600;

    private static readonly SyntheticYear Prepared = new();

    [Theory]
    [InlineData("en", "Overall score of the top 100 cities, 2092", "The chart shows the first 100 of 600 ranked cities")]
    [InlineData("zh-CN", "2092 年综合得分前 100 名城市", "图表显示 600 个参与排名城市中的前 100 个")]
    public async Task Overview_OfALargeYear_ChartsTheFirstHundredAndSaysSo(string culture, string heading, string note)
    {
        await PrepareAsync();

        var html = await PageHtml.GetOkAsync(app.Factory, $"/?year={Year}", culture);
        var section = PageHtml.Section(html, "all-heading");
        var chart = JsonDocument.Parse(ChartJson().Match(html).Groups[1].Value).RootElement;

        Assert.Contains(heading, section, StringComparison.Ordinal);
        Assert.Contains(note, section, StringComparison.Ordinal);
        Assert.Equal(100, chart.GetProperty("cities").GetArrayLength());
        Assert.Equal("c001", chart.GetProperty("cities")[0].GetProperty("code").GetString());
        Assert.Equal(100, Regex.Count(section, "<th scope=\"row\">"));
    }

    [Fact]
    public async Task Rankings_OfALargeYear_StillCountsEveryCity()
    {
        await PrepareAsync();

        var html = await PageHtml.GetOkAsync(app.Factory, $"/Rankings?year={Year}&p=6", "en");

        Assert.Equal(Cities - 500, PageHtml.RankingRows(html).Count);
    }

    [Fact]
    public async Task Compare_OfALargeYear_PointsThePickersAtTheApiInsteadOfListingEveryCity()
    {
        await PrepareAsync();

        var html = await PageHtml.GetOkAsync(app.Factory, $"/Compare?a=c001&b=c002&year={Year}", "en");
        var list = Regex.Match(html, "<datalist id=\"city-choices\"[^>]*>(.*?)</datalist>", RegexOptions.Singleline);

        Assert.True(list.Success);
        Assert.Contains($"data-suggest=\"/api/cities?year={Year}&limit=20\"", list.Value, StringComparison.Ordinal);
        Assert.Empty(list.Groups[1].Value.Trim());
        Assert.InRange(html.Length, 1, 100_000);
    }

    [Theory]
    [InlineData("en", "A dendrogram of 600 cities is too tall to draw on a page (at most 500)", "more (every member in the API's answer)")]
    [InlineData("zh-CN", "600 个城市的树状图过高，无法在页面上绘制（最多 500 个）", "个城市（完整成员见 API 结果）")]
    public async Task Clusters_OfALargeYear_ListAHundredMembersPerClusterAndDrawNoTree(string culture, string notice, string more)
    {
        await PrepareAsync();

        var html = await PageHtml.GetOkAsync(app.Factory, $"/Analysis/Clusters?year={Year}", culture);
        var document = Dom.Parse(html);

        Assert.Contains(notice, document.QuerySelector("#dendrogram-too-large")!.TextContent, StringComparison.Ordinal);
        Assert.Null(document.QuerySelector("figure.dendrogram"));
        var members = document.QuerySelectorAll("td.members").ToList();
        Assert.Equal(5, members.Count);
        Assert.All(members, m => Assert.InRange(m.QuerySelectorAll("a[href^='/Cities/']").Length, 1, 100));
        Assert.Equal(600, members.Sum(m => int.Parse(m.PreviousElementSibling!.TextContent, CultureInfo.InvariantCulture)));
        var toApi = members.Select(m => m.QuerySelector($"a[href='/api/analysis/{Year}/clusters?linkage=ward&k=5']")).Where(a => a is not null).ToList();
        Assert.NotEmpty(toApi);
        Assert.All(toApi, a => Assert.Contains(more, a!.TextContent, StringComparison.Ordinal));
        Assert.InRange(html.Length, 1, 400_000);
    }

    [Theory]
    [InlineData("/?year=2092", "en", "And 550 more, in the table.")]
    [InlineData("/Cities/c007?year=2092", "zh-CN", "另有 550 个，见表格。")]
    [InlineData("/Rankings?year=2092&p=3&sort=name", "en", "And 550 more, in the table.")]
    public async Task Map_OfALargeYear_FetchesItsRowsFromTheMapEmbed_AndListsFiftyUnlocatedCities(string url, string culture, string more)
    {
        await PrepareAsync();

        var document = Dom.Parse(await PageHtml.GetOkAsync(app.Factory, url, culture));
        var block = document.QuerySelector("script#city-map-data")!;
        var table = JsonDocument.Parse(block.TextContent).RootElement;

        // The page carries the columns only; the rows come from one URL per map (the ranking's filters, not its page or sort).
        Assert.Equal(0, table.GetProperty("rows").GetArrayLength());
        Assert.Equal(6, table.GetProperty("columns").GetArrayLength());
        var src = block.GetAttribute("data-rows-src")!;
        Assert.Equal($"/Embed/Map?year=2092&handler=Rows&culture={culture}", src);
        Assert.Equal(50, document.QuerySelectorAll(".city-map-unlocated li").Length);
        Assert.Equal(more, document.GetElementById("city-map-unlocated-more")!.TextContent.Trim());

        using var client = app.Factory.CreateClient();
        var rows = (await client.GetFromJsonAsync<JsonElement>(src)).EnumerateArray().ToList();
        Assert.Equal(600, rows.Count);
        Assert.Equal(["c001", "c002", "c003"], rows.Take(3).Select(r => r[0].GetString()));
        Assert.Equal(1, rows[0][2].GetInt32());
        Assert.Equal(JsonValueKind.Null, rows[0][4].ValueKind);
    }

    [Fact]
    public async Task BumpChart_OfALargeYear_FollowsTheTopFifty_AndSaysSo()
    {
        await PrepareAsync();

        var html = await PageHtml.GetOkAsync(app.Factory, $"/Rankings?year={Year}", "en");
        var document = Dom.Parse(html);
        var data = JsonDocument.Parse(document.QuerySelector("script#bump-data")!.TextContent).RootElement;

        // The latest year may be another test's; at most 50 lines whichever it is, and the 600 cities are not all listed.
        Assert.InRange(data.GetProperty("cities").GetArrayLength(), 1, 50);
        Assert.InRange(document.QuerySelectorAll("#bump-data-table tbody tr").Length, 1, 50);
        Assert.InRange(document.QuerySelectorAll("#bump-city option").Length, 2, 51);
    }

    [Theory]
    [InlineData("en", "The table shows the 100 of 600 cities with the lowest coverage")]
    [InlineData("zh-CN", "表中列出 600 座城市中覆盖率最低的 100 座")]
    public async Task Audit_OfALargeYear_ListsAHundredCitiesInItsAvailabilityTable(string culture, string notice)
    {
        await PrepareAsync();

        var html = await PageHtml.GetOkAsync(app.Factory, $"/Analysis/Audit?year={Year}", culture);
        var document = Dom.Parse(html);
        var api = await app.Factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/analysis/{Year}/audit");

        Assert.Contains(notice, document.GetElementById("availability-capped")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(100, document.QuerySelectorAll("#audit-availability tbody tr").Length);
        Assert.Equal(100, JsonDocument.Parse(document.GetElementById("audit-availability-data")!.TextContent).RootElement.GetProperty("rows").GetArrayLength());
        Assert.Equal(Cities, api.GetProperty("coverage").GetArrayLength());
        Assert.InRange(html.Length, 1, 400_000);
    }

    [Fact]
    public async Task CitiesApi_FindsTheLargeYearsCitiesByName()
    {
        await PrepareAsync();

        var found = await app.Factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/cities?year={Year}&q=City%20c59");

        Assert.Equal(
            ["c590", "c591", "c592", "c593", "c594", "c595", "c596", "c597", "c598", "c599"],
            found.GetProperty("cities").EnumerateArray().Select(c => c.GetProperty("code").GetString()!).ToArray());
    }

    /// <summary>600 cities with one indicator in each domain, each falling with their number, so c001 leads.</summary>
    private Task PrepareAsync() => Prepared.EnsureAsync(
        app.Factory,
        Year,
        [.. Enumerable.Range(1, Cities).Select(i => $"c{i:000}")],
        "city,consulates,passports,foreign_language,odi",
        (c, i) => $"{c},{string.Join(',', Enumerable.Repeat((Cities - i).ToString(CultureInfo.InvariantCulture), 4))}");

    [GeneratedRegex("<script type=\"application/json\" id=\"overview-data\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex ChartJson();
}
