using System.Net.Http.Json;
using System.Text.Json;
using CityExchange.Web.Tests.Infrastructure;

namespace CityExchange.Web.Tests.Pages.Explore;

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

    [Theory]
    [InlineData("en", "No single indicator is enough for {0} to reach rank 1: it would take several indicators at once.")]
    [InlineData("zh-CN", "仅靠任何单一指标，{0}都无法达到第 1 名：需要多个指标同时提升。")]
    public async Task CityPage_SaysPlainlyWhenNoSingleIndicatorReachesTheRank(string culture, string message)
    {
        var ranking = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/rankings/2016");
        var last = ranking.GetProperty("cities").EnumerateArray().Last();
        var name = last.GetProperty(culture == "en" ? "nameEn" : "nameZh").GetString()!;

        var html = System.Net.WebUtility.HtmlDecode(await GetAsync($"/Cities/{last.GetProperty("code").GetString()}?year=2016&rank=1&culture={culture}"));

        Assert.Contains($"<p class=\"notice\" data-targets-none>{string.Format(System.Globalization.CultureInfo.InvariantCulture, message, name)}</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CityPage_TargetsOfCountsAreWholeNumbersAndTheNoticeStaysHiddenWhenOneSuffices()
    {
        var ranking = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/rankings/2016");
        var city = ranking.GetProperty("cities")[20];
        var code = city.GetProperty("code").GetString();
        var target = city.GetProperty("rank").GetInt32() - 2;
        var api = await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/targets/2016?city={code}&rank={target}");

        var html = System.Net.WebUtility.HtmlDecode(await GetAsync($"/Cities/{code}?year=2016&rank={target}&culture=en"));

        Assert.Contains("<p class=\"notice\" data-targets-none hidden=\"hidden\"></p>", html, StringComparison.Ordinal);
        var consulates = api.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("indicator").GetString() == "consulates");
        // Fuzhou, 21st in 2016, needs 40 consulates for 19th (demo data): a whole number, shown as one.
        Assert.Equal("fuzhou", code);
        var needed = consulates.GetProperty("value").GetDouble();
        Assert.Equal(40, needed);
        Assert.Contains($"<th scope=\"row\">Foreign consulates</th>\n                        <td class=\"num\">{consulates.GetProperty("current").GetDouble():#,##0.##}</td>\n                        <td class=\"num\">{needed:#,##0}</td>", html, StringComparison.Ordinal);
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
