using System.Globalization;
using System.Text.Json;
using CityExchange.E2E.Tests.Infrastructure;

namespace CityExchange.E2E.Tests.Flows;

/// <summary>A reader opens a city's profile and compares two cities: the charts draw the API's figures, the pickers and swap work.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class CityAndCompareFlowTests(BrowserFixture browser)
{
    private const int Year = 2016;
    private static readonly string[] DomainCodes = ["social", "culture", "trade", "politics"];

    [SkippableFact]
    public async Task CityProfile_ChartsAndTablesShowTheApisScoresAndRanks()
    {
        await using var session = await browser.OpenAsync("city-profile");
        var beijing = await CityAsync(Year, "beijing");

        // Typed as the first page of the flow; NavigationFlowTests reaches city pages by clicking.
        await session.GotoAsync($"/Cities/beijing?year={Year}&culture=en");
        await session.ScreenshotAsync();

        await session.AssertChartsDrawnAsync(2);
        // The radar's first series is the city's four domain scores, as the API gives them (to two decimals).
        var radar = await session.JsonBlockAsync("city-radar-data");
        Assert.Equal(DomainCodes, radar.GetProperty("codes").EnumerateArray().Select(c => c.GetString()));
        var drawn = await session.Page.EvaluateAsync<double[]>("() => window.Chart.getChart(document.getElementById('city-radar')).data.datasets[0].data");
        Assert.Equal(DomainCodes.Select(d => Math.Round(DomainScore(beijing, d), 2)), drawn);

        // The domain table: score to one decimal and rank, per domain.
        var table = await session.Page.Locator("section[aria-labelledby=domains-heading] table tbody tr").EvaluateAllAsync<string[][]>(
            "rows => rows.map(r => [...r.children].map(c => c.innerText.trim()))");
        Assert.Equal(4, table.Length);
        for (var i = 0; i < 4; i++)
        {
            var domain = beijing.GetProperty("domains").GetProperty(DomainCodes[i]);
            Assert.Equal(Numbers.Score(domain.GetProperty("score")), table[i][1]);
            Assert.Equal(domain.GetProperty("rank").GetInt32().ToString(CultureInfo.InvariantCulture), table[i][2]);
        }

        Assert.Equal(Numbers.Score(beijing.GetProperty("score")), (await session.TextsAsync(".cards .card .stat"))[0]);

        // The rank history has every year with data, and this year's point is the API's rank.
        var history = await session.JsonBlockAsync("city-history-data");
        var years = history.GetProperty("years").EnumerateArray().Select(y => y.GetInt32()).ToList();
        Assert.Equal([2013, 2014, 2015, 2016], years.Where(y => y <= Year));
        Assert.Equal(beijing.GetProperty("rank").GetInt32(), history.GetProperty("series")[0].GetProperty("data")[years.IndexOf(Year)].GetInt32());

        // Every indicator is in the table with a raw value.
        Assert.Equal(17, await session.Page.Locator("table.indicators tbody tr:not(.group-row)").CountAsync());
        session.AssertClean();
    }

    [SkippableFact]
    public async Task Compare_DrawsBothCitiesThenPickingAndSwappingChangeTheShareableUrl()
    {
        await using var session = await browser.OpenAsync("compare");
        var beijing = await CityAsync(Year, "beijing");
        var shanghai = await CityAsync(Year, "shanghai");

        // Typed as the first page of the flow (a shared comparison link); NavigationFlowTests reaches it by clicking.
        await session.GotoAsync($"/Compare?a=beijing&b=shanghai&year={Year}&culture=en");

        await session.AssertChartsDrawnAsync(3);
        var data = await session.JsonBlockAsync("compare-data");
        Assert.Equal(DomainCodes.Select(d => Math.Round(DomainScore(beijing, d), 2)), data.GetProperty("a").GetProperty("domains").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal(DomainCodes.Select(d => Math.Round(DomainScore(shanghai, d), 2)), data.GetProperty("b").GetProperty("domains").EnumerateArray().Select(v => v.GetDouble()));
        // Both cities' raw value for every indicator.
        var indicatorRows = session.Page.Locator("table.compare-indicators tbody tr[data-indicator]");
        Assert.Equal(17, await indicatorRows.CountAsync());
        Assert.DoesNotContain("—", await session.TextsAsync("table.compare-indicators td.raw-a, table.compare-indicators td.raw-b"));
        await session.ScreenshotAsync();

        // City B typed by its English name: the page redirects to the canonical link of codes.
        await session.Page.FillAsync("#pick-b", "Guangzhou");
        await session.Page.ClickAsync("form.compare-pickers button[type=submit]");
        await session.Page.WaitForURLAsync(url => url.Contains("b=guangzhou", StringComparison.Ordinal));
        Assert.Contains("a=beijing", session.Page.Url, StringComparison.Ordinal);
        Assert.Contains("Guangzhou", await session.Page.InnerTextAsync("h1"), StringComparison.Ordinal);
        Assert.Equal("Guangzhou", await session.Page.InputValueAsync("#pick-b"));
        await session.AssertChartsDrawnAsync(3);

        // Swap: A and B change places.
        await session.Page.ClickAsync("#swap");
        await session.Page.WaitForURLAsync(url => url.Contains("a=guangzhou", StringComparison.Ordinal) && url.Contains("b=beijing", StringComparison.Ordinal));
        Assert.Equal("Guangzhou", await session.Page.InputValueAsync("#pick-a"));
        Assert.Equal("Beijing", await session.Page.InputValueAsync("#pick-b"));
        var swapped = await session.JsonBlockAsync("compare-data");
        Assert.Equal("Guangzhou", swapped.GetProperty("a").GetProperty("label").GetString());
        await session.ScreenshotAsync();
        session.AssertClean();
    }

    [SkippableFact]
    public async Task Compare_AMistypedNameKeepsTheFormAndClickingASuggestionCompares()
    {
        await using var session = await browser.OpenAsync("compare-mistyped");
        await session.GotoAsync($"/Compare?a=shanghai&b=guangzhou&year={Year}");

        // A wrong character in Chinese: the form stays, says which name it did not find and offers the closest cities.
        await session.Page.FillAsync("#pick-a", "北惊");
        await session.Page.ClickAsync("form.compare-pickers button[type=submit]");
        var problem = session.Page.Locator("#pick-a-problem");
        await problem.WaitForAsync();
        Assert.Contains("没有名为“北惊”的城市。", await problem.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("北惊", await session.Page.InputValueAsync("#pick-a"));
        Assert.Equal("true", await session.Page.GetAttributeAsync("#pick-a", "aria-invalid"));
        Assert.Equal(["北京（Beijing）", "北海（Beihai）"], await session.TextsAsync("#pick-a-problem a"));
        await Translation.AssertCompleteAsync(session, "zh-CN");
        await session.AssertNoSeriousAccessibilityViolationAsync();
        await session.ScreenshotAsync();

        await session.Page.ClickAsync("#pick-a-problem a[data-suggestion=beijing]");
        await session.Page.WaitForURLAsync(url => url.Contains("a=beijing", StringComparison.Ordinal));
        Assert.Contains("b=guangzhou", session.Page.Url, StringComparison.Ordinal);
        Assert.Equal("比较北京与广州", (await session.Page.InnerTextAsync("h1")).Replace(Year.ToString(CultureInfo.InvariantCulture), "", StringComparison.Ordinal).Trim());
        await session.AssertChartsDrawnAsync(3);

        // In English, a letter left out; then the city compared with itself.
        await session.Page.ClickAsync(".lang-switch a[lang='en']");
        await session.Page.WaitForURLAsync(url => url.Contains("culture=en", StringComparison.Ordinal));
        await session.Page.FillAsync("#pick-b", "shangai");
        await session.Page.ClickAsync("form.compare-pickers button[type=submit]");
        await session.Page.Locator("#pick-b-problem").WaitForAsync();
        Assert.Contains("No city is called “shangai”.", await session.Page.InnerTextAsync("#pick-b-problem"), StringComparison.Ordinal);
        await session.Page.ClickAsync("#pick-b-problem a[data-suggestion=shanghai]");
        await session.Page.WaitForURLAsync(url => url.Contains("b=shanghai", StringComparison.Ordinal));
        Assert.Equal("Shanghai", await session.Page.InputValueAsync("#pick-b"));

        await session.Page.FillAsync("#pick-b", "Beijing");
        await session.Page.ClickAsync("form.compare-pickers button[type=submit]");
        await session.Page.Locator("#pick-b-problem").WaitForAsync();
        Assert.Contains("Beijing is city A too: a city cannot be compared with itself.", await session.Page.InnerTextAsync("#pick-b-problem"), StringComparison.Ordinal);
        Assert.Equal(0, await session.Page.Locator("#compare-radar").CountAsync());
        await session.ScreenshotAsync();
        session.AssertClean();
    }

    [SkippableFact]
    public async Task Compare_InAYearOfManyCities_SuggestsCitiesAsTheReaderTypes()
    {
        // 600 cities, too many to list in the page; on an app of its own, so that the shared app's histories and year
        // lists do not gain the year.
        BrowserRequirement.EnsureAvailable();
        const int LargeYear = 2001;
        await using var app = new LiveApp();
        using var api = new HttpClient { BaseAddress = new Uri(app.BaseUrl + "/") };
        var codes = Enumerable.Range(1, 600).Select(i => $"e2e{i:000}").ToList();
        await PutCsvAsync(api, "api/cities", [
            "code,name_zh,name_en,province_zh,province_en,region_zh,region_en,level,east_west,north_south",
            .. codes.Select(c => $"{c},测试镇{c[3..]},E2E Town {c[3..]},省,Province,华东,East China,other,east,south")]);
        await PutCsvAsync(api, $"api/years/{LargeYear}/indicators", ["city,consulates", .. codes.Select((c, i) => $"{c},{600 - i}")]);
        await using var session = await browser.OpenOnAsync(app, "compare-suggestions");

        await session.GotoAsync($"/Compare?a=e2e001&b=e2e002&year={LargeYear}&culture=en");
        Assert.Equal(0, await session.Page.Locator("#city-choices option").CountAsync());

        await session.Page.FillAsync("#pick-b", "Town 05");
        await session.Page.WaitForFunctionAsync("() => document.querySelectorAll('#city-choices option').length > 0");
        var suggested = await session.Page.EvalOnSelectorAllAsync<string[]>("#city-choices option", "os => os.map(o => o.value)");
        Assert.Equal([.. Enumerable.Range(50, 10).Select(i => $"E2E Town {i:000}")], suggested);

        await session.Page.FillAsync("#pick-b", suggested[0]);
        await session.Page.ClickAsync("form.compare-pickers button[type=submit]");
        await session.Page.WaitForURLAsync(url => url.Contains("b=e2e050", StringComparison.Ordinal));
        await session.AssertChartsDrawnAsync(3);
        session.AssertClean();
    }

    private static async Task PutCsvAsync(HttpClient api, string path, IEnumerable<string> lines)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, path)
        {
            Content = new StringContent(string.Join("\n", lines) + "\n", System.Text.Encoding.UTF8, "text/csv"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", LiveApp.ApiToken);
        using var response = await api.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"PUT {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private async Task<JsonElement> CityAsync(int year, string code) =>
        (await browser.GetJsonAsync($"/api/rankings/{year}")).GetProperty("cities").EnumerateArray().Single(c => c.GetProperty("code").GetString() == code);

    private static double DomainScore(JsonElement city, string domain) => city.GetProperty("domains").GetProperty(domain).GetProperty("score").GetDouble();
}
