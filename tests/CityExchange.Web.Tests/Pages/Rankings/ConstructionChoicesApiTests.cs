using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityExchange.Web.Tests.Infrastructure;
using CityExchange.Web.Tests.Pages.Imports;

namespace CityExchange.Web.Tests.Pages.Rankings;

/// <summary>
/// The construction choices of issue 17 through the API and /Rankings: <c>minCoverage</c> (cities left out before
/// normalisation, listed in <c>excluded</c>), <c>winsorise=conditional</c> with <c>winmax</c>, and their 400s. A
/// database of its own: year 2171 is the methodology's worked example plus wuhan with one value (coverage 1/17)
/// far above the others, which sets the consulates goalpost unless it is screened out.
/// </summary>
[Collection(WebTestGroup.Name)]
public sealed class ConstructionChoicesApiTests(IsolatedAppFixture app) : IClassFixture<IsolatedAppFixture>
{
    private async Task<HttpClient> ClientAsync()
    {
        await CoverageExampleYear.UploadAsync(app.Factory);
        return app.Factory.CreateClient();
    }

    private async Task<JsonElement> GetAsync(string url)
    {
        var response = await (await ClientAsync()).GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static JsonElement City(JsonElement ranking, string code) =>
        ranking.GetProperty("cities").EnumerateArray().Single(c => c.GetProperty("code").GetString() == code);

    [Fact]
    public async Task MinCoverage_LeavesOutWuhanBeforeNormalisation_SoTheWorkedExampleComesBack()
    {
        var ranking = await GetAsync("/api/rankings/2171?minCoverage=0.1");

        var excluded = Assert.Single(ranking.GetProperty("excluded").EnumerateArray());
        Assert.Equal(["code", "coverage"], excluded.EnumerateObject().Select(p => p.Name));
        Assert.Equal("wuhan", excluded.GetProperty("code").GetString());
        Assert.Equal(1.0 / 17, excluded.GetProperty("coverage").GetDouble(), 15);
        Assert.Equal(0.1, ranking.GetProperty("minCoverage").GetDouble());
        Assert.Equal(["shanghai", "guangzhou", "chengdu", "beijing"], ranking.GetProperty("cities").EnumerateArray().Select(c => c.GetProperty("code").GetString()));
        // docs/methodology.md's worked example: 87.5, 75, 50, 8.33 — wuhan's 1000 consulates no longer set the maximum.
        Assert.Equal(87.5, City(ranking, "shanghai").GetProperty("score").GetDouble(), 9);
        Assert.Equal(75, City(ranking, "guangzhou").GetProperty("score").GetDouble(), 9);
        Assert.Equal(50, City(ranking, "chengdu").GetProperty("score").GetDouble(), 9);
        Assert.Equal(25.0 / 3, City(ranking, "beijing").GetProperty("score").GetDouble(), 9);
        var note = Assert.Single(ranking.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("code").GetString() == "excluded");
        Assert.Equal("wuhan", note.GetProperty("indicator").GetString());
    }

    [Fact]
    public async Task MinCoverage_DefaultKeepsEveryCity_AndExcludedIsAnEmptyList()
    {
        var ranking = await GetAsync("/api/rankings/2171");

        Assert.Equal(["year", "demo", "method", "warnings", "cities", "minCoverage", "excluded", "treatments"], ranking.EnumerateObject().Select(p => p.Name));
        Assert.Equal(0, ranking.GetProperty("excluded").GetArrayLength());
        Assert.Equal(0, ranking.GetProperty("treatments").GetArrayLength());
        Assert.Equal(0, ranking.GetProperty("minCoverage").GetDouble());
        Assert.Equal(5, ranking.GetProperty("cities").GetArrayLength());
        // With wuhan's 1000 as the maximum, Shanghai's consulates score is (30 − 10)/990·100.
        Assert.Equal(1, City(ranking, "wuhan").GetProperty("rank").GetInt32());
    }

    [Fact]
    public async Task MinCoverage_OnAPublishedYearIsIgnoredWithAWarning()
    {
        var ranking = await GetAsync("/api/rankings/2013?minCoverage=0.5");

        Assert.Contains(ranking.GetProperty("warnings").EnumerateArray(),
            w => w.GetProperty("code").GetString() == "ignored" && w.GetProperty("indicator").GetString() == "minCoverage");
        Assert.Equal(0, ranking.GetProperty("excluded").GetArrayLength());
        Assert.Equal(46, ranking.GetProperty("cities").GetArrayLength());
    }

    [Fact]
    public async Task Conditional_ReportsEveryIndicatorAndEachTreatedCell()
    {
        // Year 2172: COINr's ?winsorise example as consulates, 1…10, 30, 100 over twelve cities; the 100 takes 30.
        string[] cities = ["beijing", "tianjin", "shijiazhuang", "qinhuangdao", "taiyuan", "hohhot", "shenyang", "dalian", "changchun", "harbin", "shanghai", "nanjing"];
        double[] consulates = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100];
        var put = await app.Factory.CreateClientWithToken().PutAsync(new Uri("/api/years/2172/indicators", UriKind.Relative),
            Csv.Content(["city,consulates,sister_cities", .. cities.Select((c, i) => $"{c},{consulates[i]},{i}")]));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var ranking = await GetAsync("/api/rankings/2172?winsorise=conditional");

        var treatments = ranking.GetProperty("treatments").EnumerateArray().ToList();
        Assert.Equal(17, treatments.Count);
        var treated = treatments.Single(t => t.GetProperty("code").GetString() == "consulates");
        Assert.Equal(
            ["code", "treatment", "winsorisedPoints", "skewBefore", "kurtosisBefore", "skewAfter", "kurtosisAfter", "passes", "cells"],
            treated.EnumerateObject().Select(p => p.Name));
        Assert.Equal("winsorised", treated.GetProperty("treatment").GetString());
        Assert.Equal(1, treated.GetProperty("winsorisedPoints").GetInt32());
        Assert.True(treated.GetProperty("passes").GetBoolean());
        var cell = Assert.Single(treated.GetProperty("cells").EnumerateArray());
        Assert.Equal("""{"city":"nanjing","raw":100,"treated":30,"treatment":"winsorisedHigh"}""", cell.GetRawText());
        // sister_cities 0…11 is not skewed: left as it is; an indicator nobody reported is skipped (undefined check).
        Assert.Equal("none", treatments.Single(t => t.GetProperty("code").GetString() == "sister_cities").GetProperty("treatment").GetString());
        var odi = treatments.Single(t => t.GetProperty("code").GetString() == "odi");
        Assert.Equal("skipped", odi.GetProperty("treatment").GetString());
        Assert.Equal(JsonValueKind.Null, odi.GetProperty("skewBefore").ValueKind);
        var note = Assert.Single(ranking.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("code").GetString() == "winsorised");
        Assert.Equal("consulates", note.GetProperty("indicator").GetString());
        // Harbin (consulates 10, sister cities 9): politics = ((10 − 1)/(30 − 1)·100 + 9/11·100)/2, numpy 56.42633228840125.
        Assert.Equal(56.42633228840125, City(ranking, "harbin").GetProperty("score").GetDouble(), 9);
    }

    [Theory]
    [InlineData("minCoverage=1.5", "minCoverage")]
    [InlineData("minCoverage=-0.1", "minCoverage")]
    [InlineData("minCoverage=abc", "minCoverage")]
    [InlineData("minCoverage=NaN", "minCoverage")]
    [InlineData("minCoverage=50", "minCoverage")]
    [InlineData("winsorise=maybe", "winsorise")]
    [InlineData("winsorise=conditional&winmax=0", "winmax")]
    [InlineData("winsorise=conditional&winmax=21", "winmax")]
    [InlineData("winsorise=conditional&winmax=2.5", "winmax")]
    public async Task BadValuesAre400ProblemsNamingTheField_InBothLanguages(string query, string field)
    {
        var client = await ClientAsync();
        foreach (var (culture, words) in new[] { ("en", "must be"), ("zh-CN", "须为") })
        {
            var response = await client.GetAsync(new Uri($"/api/rankings/2171?{query}&culture={culture}", UriKind.Relative));

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
            Assert.Contains(field, detail, StringComparison.Ordinal);
            if (field != "winsorise")
            {
                Assert.Contains(words, detail, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task WhatIfBody_TakesMinCoverageAsTheQueryDoes()
    {
        var client = await ClientAsync();
        var ok = await client.PostAsJsonAsync(new Uri("/api/rankings/2171/whatif", UriKind.Relative), new
        {
            overrides = new[] { new { city = "beijing", indicator = "consulates", value = 15.0 } },
            minCoverage = 0.1,
        });
        var bad = await client.PostAsJsonAsync(new Uri("/api/rankings/2171/whatif", UriKind.Relative), new
        {
            overrides = new[] { new { city = "beijing", indicator = "consulates", value = 15.0 } },
            minCoverage = 2,
        });

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task WhatIf_KeepsTheStoredYearsPresetWeights_ItDoesNotRecomputeThemFromTheChangedValues()
    {
        // docs/weights.md: a what-if (and targets) scores the changed values with the preset's weights of the stored
        // year. So entropy with an override equals the stored entropy weights written out with the same override; were
        // the weights recomputed, Beijing's consulates at 10^6 would change the entropy of that column and every weight.
        var client = await ClientAsync();
        var weights = await client.GetFromJsonAsync<JsonElement>("/api/weights/2015?preset=entropy");
        var written = string.Join(',', weights.GetProperty("domains").EnumerateObject().Concat(weights.GetProperty("indicators").EnumerateObject())
            .Select(p => $"{p.Name}:{p.Value.GetRawText()}"));
        var overrides = new[] { new { city = "beijing", indicator = "consulates", value = 1e6 } };

        var preset = await (await client.PostAsJsonAsync(new Uri("/api/rankings/2015/whatif", UriKind.Relative), new { overrides, preset = "entropy" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var explicitWeights = await (await client.PostAsJsonAsync(new Uri("/api/rankings/2015/whatif", UriKind.Relative), new { overrides, weights = written }))
            .Content.ReadFromJsonAsync<JsonElement>();

        foreach (var city in preset.GetProperty("cities").EnumerateArray())
        {
            var code = city.GetProperty("code").GetString()!;
            Assert.Equal(City(explicitWeights, code).GetProperty("score").GetDouble(), city.GetProperty("score").GetDouble(), 9);
        }
    }

    [Theory]
    [InlineData("en", "Minimum coverage: 10%.", "Left out by the coverage threshold", "Wuhan", "coverage 5.9%")]
    [InlineData("zh-CN", "最低数据覆盖率：10%。", "因数据覆盖率不足而排除的城市", "武汉", "覆盖率 5.9%")]
    public async Task RankingsPage_ShowsTheThresholdAndListsTheExcludedCities(string culture, string threshold, string heading, string wuhan, string coverage)
    {
        await ClientAsync();
        var html = await PageHtml.GetOkAsync(app.Factory, "/Rankings?year=2171&minCoverage=0.1", culture);

        Assert.Contains(threshold, html, StringComparison.Ordinal);
        var excluded = Dom.Parse(html).QuerySelector("#excluded-cities")!.TextContent;
        Assert.Contains(wuhan, excluded, StringComparison.Ordinal);
        Assert.Contains(coverage, excluded, StringComparison.Ordinal);
        Assert.Contains(heading, html, StringComparison.Ordinal);
        Assert.Equal(["shanghai", "guangzhou", "chengdu", "beijing"], PageHtml.RankingRows(html));
        Assert.Equal("0.1", Dom.Parse(html).QuerySelector("#f-coverage")!.GetAttribute("value"));
    }

    [Fact]
    public async Task RankingsPage_WithoutAThresholdSaysSoAndListsNobody()
    {
        await ClientAsync();
        var html = await PageHtml.GetOkAsync(app.Factory, "/Rankings?year=2171", "en");

        Assert.Contains("Minimum coverage: none (every city).", html, StringComparison.Ordinal);
        Assert.Null(Dom.Parse(html).QuerySelector("#excluded-cities"));
        Assert.Equal(5, PageHtml.RankingRows(html).Count);
    }
}
