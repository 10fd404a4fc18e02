using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CityExchange.Web.Tests.Infrastructure;

namespace CityExchange.Web.Tests.Pages.Analysis;

[Collection(WebTestGroup.Name)]
public sealed partial class AnalysisPageTests(CityExchangeFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<string> GetAsync(string url)
    {
        var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Theory]
    [InlineData("/Analysis?year=2013", "分析", "Analyses")]
    [InlineData("/Analysis/Clusters?year=2013", "城市聚类", "Clusters of cities")]
    [InlineData("/Analysis/Groups?year=2013", "分组比较", "Group comparisons")]
    [InlineData("/Analysis/Correlations?year=2013", "领域之间的相关性", "Correlations between the domains")]
    [InlineData("/Analysis/Audit?year=2015", "统计审查", "Statistical audit")]
    [InlineData("/Analysis/Audit?year=2013", "描述统计", "Descriptive statistics")]
    [InlineData("/Analysis/Regression?year=2013", "总指数与协变量", "Overall index against a covariate")]
    [InlineData("/Analysis/Report", "重现报告", "Reproducing the report")]
    [InlineData("/Analysis/Scenarios?year=2015", "情景分析：排名取决于什么", "Scenarios: what the ranking rests on")]
    public async Task Page_RendersInChineseAndEnglish(string url, string chinese, string english)
    {
        var separator = url.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        var zh = await GetAsync(url + separator + "culture=zh-CN");
        var en = await GetAsync(url + separator + "culture=en");

        Assert.Contains(chinese, zh, StringComparison.Ordinal);
        Assert.Contains("lang=\"zh-CN\"", zh, StringComparison.Ordinal);
        Assert.Contains(english, en, StringComparison.Ordinal);
        Assert.Contains("lang=\"en\"", en, StringComparison.Ordinal);
        Assert.DoesNotContain(english, zh, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Analysis/Clusters?year=2013")]
    [InlineData("/Analysis/Groups?year=2013")]
    [InlineData("/Analysis/Correlations?year=2013")]
    [InlineData("/Analysis/Regression?year=2014")]
    [InlineData("/Analysis/Report")]
    [InlineData("/Analysis/Scenarios?year=2015")]
    [InlineData("/Analysis/Audit?year=2015")]
    public async Task Page_HasNoInlineScriptOrStyle(string url)
    {
        var html = await GetAsync(url);

        foreach (Match script in ScriptTag().Matches(html))
        {
            var tag = script.Value;
            Assert.True(tag.Contains(" src=", StringComparison.Ordinal) || tag.Contains("type=\"application/json\"", StringComparison.Ordinal), tag);
        }

        Assert.DoesNotContain(" style=", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" onclick=", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clusters_DrawTheDendrogramAndCompareWithFigure9()
    {
        var html = await GetAsync("/Analysis/Clusters?year=2013&linkage=average&k=5&culture=en");

        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Equal(46, LeafLabel().Count(html));
        Assert.Contains("id=\"figure9-heading\"", html, StringComparison.Ordinal);
        Assert.Contains("none: identical to Figure 9", html, StringComparison.Ordinal);
        Assert.Contains("id=\"cluster-profile-data\"", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"average\" selected=\"selected\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoYearPages_ShowTheDemoBannerAndSyntheticGdp()
    {
        var clusters = await GetAsync("/Analysis/Clusters?year=2015&culture=en");
        var regression = await GetAsync("/Analysis/Regression?year=2015&culture=en");

        Assert.Contains("demo-banner", clusters, StringComparison.Ordinal);
        Assert.Contains("These GDP values are synthetic", regression, StringComparison.Ordinal);
        Assert.Contains("id=\"regression-data\"", regression, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "GDP (CNY 100 million)", "Overall score (0–100)")]
    [InlineData("zh-CN", "GDP（亿元）", "总分（0–100 分）")]
    public async Task Regression_HasUnitsOnBothAxesAndNamesEveryCity(string culture, string x, string y)
    {
        var html = WebUtility.HtmlDecode(await GetAsync($"/Analysis/Regression?year=2016&culture={culture}"));

        var chart = JsonDocument.Parse(Regex.Match(html, "<script type=\"application/json\" id=\"regression-data\">(.*?)</script>", RegexOptions.Singleline).Groups[1].Value).RootElement;
        Assert.Equal(x, chart.GetProperty("x").GetProperty("title").GetString());
        Assert.Equal(y, chart.GetProperty("y").GetProperty("title").GetString());
        Assert.Equal(46, chart.GetProperty("points").GetArrayLength());
        Assert.All(chart.GetProperty("points").EnumerateArray(), p => Assert.False(string.IsNullOrEmpty(p.GetProperty("label").GetString())));
        // Every row of the data table can take the keyboard's focus and names the chart point it stands for.
        Assert.Equal(46, Regex.Count(html, "<tr tabindex=\"0\" data-point=\"\\d+\">"));
    }

    [Fact]
    public async Task Regression_OpensOnTheLatestYearWithCovariates_RealOnesBeforeSynthetic()
    {
        // An app of its own: other tests here upload covariates for years of their own.
        await using var app = new CityExchangeFactory();
        async Task<string> OpenAsync() => await app.CreateClient().GetStringAsync(new Uri("/Analysis/Regression?culture=en", UriKind.Relative));

        // 2013 is the latest real year but has no covariates; 2016 is the latest with (synthetic) GDP.
        var first = await OpenAsync();
        Assert.Contains("<option value=\"2016\" selected=\"selected\">", first, StringComparison.Ordinal);
        Assert.Contains("id=\"regression-data\"", first, StringComparison.Ordinal);

        var upload = await app.CreateClientWithToken().PutAsync(
            new Uri("/api/years/2013/covariates", UriKind.Relative), Csv.Content("city,gdp", "beijing,19500.6", "shanghai,21602.1", "guangzhou,15420.1", "wuhan,9051.3"));
        upload.EnsureSuccessStatusCode();

        var second = await OpenAsync();
        Assert.Contains("<option value=\"2013\" selected=\"selected\">", second, StringComparison.Ordinal);
        Assert.Contains("Overall index against a covariate · 2013", second, StringComparison.Ordinal);
        Assert.DoesNotContain("These GDP values are synthetic", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Regression2013_ShowsFigure8AsTheReferenceAndNoGdp()
    {
        var html = await GetAsync("/Analysis/Regression?year=2013&culture=en");

        Assert.Contains("r = .847, R² = .718", html, StringComparison.Ordinal);
        Assert.Contains("No covariate is stored for 2013", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"regression-data\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Regression_OfUploadedCovariatesShowsTheFit()
    {
        var client = factory.CreateClientWithToken();
        // Politics only: consulates 10, 20, 40, 50 → min–max 0, 25, 75, 100, which is each city's overall score.
        (await client.PutAsync(new Uri("/api/years/2054/indicators", UriKind.Relative),
            Csv.Content("city,consulates", "beijing,10", "shanghai,20", "guangzhou,40", "wuhan,50"))).EnsureSuccessStatusCode();
        (await client.PutAsync(new Uri("/api/years/2054/covariates", UriKind.Relative),
            Csv.Content("city,gdp", "beijing,1", "shanghai,2", "guangzhou,3", "wuhan,5"))).EnsureSuccessStatusCode();

        var html = await GetAsync("/Analysis/Regression?year=2054&culture=en");

        // scipy.stats.linregress([1,2,3,5], [0,25,75,100]): r = 0.96214, R² = 0.92571, slope = 25.71429, p = 0.03786.
        Assert.Contains(">0.962<", html, StringComparison.Ordinal);
        Assert.Contains(">0.926<", html, StringComparison.Ordinal);
        Assert.Contains(">25.71429<", html, StringComparison.Ordinal);
        Assert.Contains("p = 0.038", html, StringComparison.Ordinal);
    }

    /// <summary>
    /// Expected values from scipy.stats.spearmanr of our competition ranks (from the published domain scores) against
    /// the published ranks: overall ρ = 0.9954, social ρ = 0.9698; 南通's social score is the lowest (rank 46, printed 25).
    /// </summary>
    [Fact]
    public async Task Report_SetsOurRanksBesideThePublishedOnes()
    {
        var html = WebUtility.HtmlDecode(await GetAsync("/Analysis/Report?culture=zh-CN"));

        Assert.Contains(">0.995<", html, StringComparison.Ordinal);
        Assert.Contains(">0.970<", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/Cities/nantong?year=2013\">南通</a> 46 / 25 (+21)", html, StringComparison.Ordinal);
        Assert.Contains("无：与图表 9 完全相同", html, StringComparison.Ordinal);
    }

    /// <summary>The published-weights finding (scipy linprog numbers, docs/analysis.md's table) in both languages.</summary>
    [Theory]
    [InlineData("en", "Weights exist that reproduce all 46 printed overall ranks", "Social", "The margin is 0.0286 points")]
    [InlineData("zh-CN", "存在能重现全部 46 个印出综合排名的权重", "社会领域", "间隔为 0.0286 分")]
    public async Task Report_ShowsTheWeightsThatReproduceThePrintedRanks(string culture, string finding, string social, string margin)
    {
        var html = WebUtility.HtmlDecode(await GetAsync($"/Analysis/Report?culture={culture}"));
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);

        Assert.Contains(finding, page.GetElementById("weights-finding")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(margin, page.GetElementById("weights-finding")!.TextContent, StringComparison.Ordinal);
        var rows = page.QuerySelectorAll("#weights-table tbody tr")
            .Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(4, rows.Count);
        Assert.Equal([social, "0.2974", "0.2920 – 0.3022", "0.2500", "5/17 = 0.2941"], rows[0]);
        Assert.Equal(["0.1747", "0.1735 – 0.1799", "0.2500", "3/17 = 0.1765"], rows[1][1..]);
        Assert.Equal(["0.2984", "0.2965 – 0.3003", "0.2500", "5/17 = 0.2941"], rows[2][1..]);
        Assert.Equal(["0.2296", "0.2267 – 0.2315", "0.2500", "4/17 = 0.2353"], rows[3][1..]);
        Assert.NotEmpty(page.GetElementById("weights-suggests")!.TextContent.Trim());
    }

    [Fact]
    public async Task UnknownYear_IsNotFound()
    {
        var response = await _client.GetAsync(new Uri("/Analysis/Groups?year=1999", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptTag();

    [GeneratedRegex("<text [^>]*class=\"leaf ")]
    private static partial Regex LeafLabel();
}
