using CityExchange.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CityExchange.E2E.Tests.Flows;

/// <summary>
/// A reader browses /Rankings: the table and chart agree with the API; domain, region, search and sort change the rows.
/// Each test types only its first page (the rankings of the demo year); NavigationFlowTests reaches them by clicking.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class RankingsFlowTests(BrowserFixture browser)
{
    private const int Year = 2016;

    [SkippableFact]
    public async Task Rankings_ShowEveryCityWithTheApisRankAndScoreAndDrawTheChart()
    {
        await using var session = await browser.OpenAsync("rankings-browse");
        var api = await browser.GetJsonAsync($"/api/rankings/{Year}");

        await session.GotoAsync($"/Rankings?year={Year}&culture=en");
        await session.ScreenshotAsync();

        var rows = (await session.Page.Locator("#ranking-table tbody tr[data-city]").EvaluateAllAsync<string[][]>(
            "rows => rows.map(r => [r.dataset.city, ...[...r.children].map(c => c.innerText.trim())])")).ToDictionary(r => r[0], r => r[1..]);
        var cities = api.GetProperty("cities").EnumerateArray().ToList();
        Assert.Equal(cities.Count, rows.Count);
        foreach (var city in cities)
        {
            var cells = rows[city.GetProperty("code").GetString()!];
            Assert.Equal(city.GetProperty("rank").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), cells[0].Trim());
            Assert.Equal(city.GetProperty("nameEn").GetString(), cells[1].Trim());
            Assert.Equal(Numbers.Score(city.GetProperty("score")), cells[3].Trim());
        }

        await session.AssertChartsDrawnAsync(1);
        var chart = await session.JsonBlockAsync("rankings-data");
        Assert.Equal(cities.Count, chart.GetProperty("labels").GetArrayLength());
        Assert.Equal(4, chart.GetProperty("datasets").GetArrayLength());
        session.AssertClean();
    }

    [SkippableFact]
    public async Task ChoosingADomain_RanksTheCitiesByThatDomainsScore()
    {
        await using var session = await browser.OpenAsync("rankings-domain");
        var api = await browser.GetJsonAsync($"/api/rankings/{Year}");
        await session.GotoAsync($"/Rankings?year={Year}&culture=en");

        await session.Page.SelectOptionAsync("#f-domain", "trade");
        await session.Page.ClickAsync("form.filters button[type=submit]");
        await session.Page.WaitForURLAsync(url => url.Contains("domain=trade", StringComparison.Ordinal));
        await session.ScreenshotAsync();

        var codes = await RowCodesAsync(session.Page);
        var byTrade = api.GetProperty("cities").EnumerateArray()
            .OrderBy(c => c.GetProperty("domains").GetProperty("trade").GetProperty("rank").GetInt32()).ToList();
        Assert.Equal(byTrade[0].GetProperty("code").GetString(), codes[0]);
        var scores = (await session.TextsAsync("#ranking-table tbody td.score")).Select(Numbers.Parse).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);
        Assert.Equal(Numbers.Score(byTrade[0].GetProperty("domains").GetProperty("trade").GetProperty("score")), (await session.TextsAsync("#ranking-table tbody td.score"))[0]);

        await session.AssertChartsDrawnAsync(1);
        var chart = await session.JsonBlockAsync("rankings-data");
        Assert.True(chart.GetProperty("domainMode").GetBoolean());
        Assert.Equal("trade", chart.GetProperty("datasets")[0].GetProperty("code").GetString());
        session.AssertClean();
    }

    [SkippableFact]
    public async Task FilteringByRegion_ShowsExactlyThatRegionsCities()
    {
        const string Region = "华东";
        await using var session = await browser.OpenAsync("rankings-region");
        var api = await browser.GetJsonAsync($"/api/rankings/{Year}");
        await session.GotoAsync($"/Rankings?year={Year}&culture=en");

        await session.Page.SelectOptionAsync("#f-region", Region);
        await session.Page.ClickAsync("form.filters button[type=submit]");
        await session.Page.WaitForURLAsync(url => url.Contains("region=", StringComparison.Ordinal));
        await session.ScreenshotAsync();

        var expected = api.GetProperty("cities").EnumerateArray()
            .Where(c => c.GetProperty("region").GetString() == Region)
            .Select(c => c.GetProperty("code").GetString()!).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, (await RowCodesAsync(session.Page)).Order(StringComparer.Ordinal));
        Assert.All(await session.TextsAsync("#ranking-table tbody tr[data-city] td:nth-of-type(2)"), region => Assert.Equal("East China", region));
        Assert.Equal(expected.Count, (await session.JsonBlockAsync("rankings-data")).GetProperty("labels").GetArrayLength());
        session.AssertClean();
    }

    [SkippableFact]
    public async Task SearchingAndSorting_NarrowsTheRowsAndOrdersThemByTheClickedColumn()
    {
        await using var session = await browser.OpenAsync("rankings-search-sort");
        var api = await browser.GetJsonAsync($"/api/rankings/{Year}");
        await session.GotoAsync($"/Rankings?year={Year}&culture=en");

        await session.Page.FillAsync("#f-q", "an");
        await session.Page.ClickAsync("form.filters button[type=submit]");
        await session.Page.WaitForURLAsync(url => url.Contains("q=an", StringComparison.Ordinal));
        var expected = api.GetProperty("cities").EnumerateArray()
            .Where(c => new[] { "code", "nameEn", "nameZh" }.Any(p => c.GetProperty(p).GetString()!.Contains("an", StringComparison.OrdinalIgnoreCase)))
            .Select(c => c.GetProperty("code").GetString()!).Order(StringComparer.Ordinal).ToList();
        Assert.InRange(expected.Count, 2, api.GetProperty("cities").GetArrayLength() - 1);
        Assert.Equal(expected, (await RowCodesAsync(session.Page)).Order(StringComparer.Ordinal));

        // The score column sorts highest first, and a second click reverses it; the search is kept.
        var scoreHeader = session.Page.Locator("#ranking-table thead th").Nth(3);
        await scoreHeader.Locator("a").ClickAsync();
        await session.Page.WaitForURLAsync(url => url.Contains("sort=score", StringComparison.Ordinal));
        Assert.Equal("descending", await session.Page.Locator("#ranking-table thead th").Nth(3).GetAttributeAsync("aria-sort"));
        var descending = (await session.TextsAsync("#ranking-table tbody td.score")).Select(Numbers.Parse).ToList();
        Assert.Equal(expected.Count, descending.Count);
        Assert.Equal(descending.OrderByDescending(s => s), descending);

        await session.Page.Locator("#ranking-table thead th").Nth(3).Locator("a").ClickAsync();
        await session.Page.WaitForURLAsync(url => url.Contains("dir=asc", StringComparison.Ordinal));
        Assert.Equal("ascending", await session.Page.Locator("#ranking-table thead th").Nth(3).GetAttributeAsync("aria-sort"));
        var ascending = (await session.TextsAsync("#ranking-table tbody td.score")).Select(Numbers.Parse).ToList();
        Assert.Equal(descending.AsEnumerable().Reverse(), ascending);
        Assert.Contains("q=an", session.Page.Url, StringComparison.Ordinal);
        await session.ScreenshotAsync();
        session.AssertClean();
    }

    [SkippableFact]
    public async Task ChoosingAMinimumCoverage_ListsTheCitiesBelowItAsExcludedAndRanksTheOthers()
    {
        await using var session = await browser.OpenAsync("rankings-coverage");
        // The demo year misses about 3 % of its cells: the cities missing any indicator have coverage ≤ 16/17 < 0.95.
        var all = await browser.GetJsonAsync($"/api/rankings/{Year}");
        var below = all.GetProperty("cities").EnumerateArray().Where(c => c.GetProperty("coverage").GetDouble() < 0.95).ToList();
        Assert.NotEmpty(below);
        await session.GotoAsync($"/Rankings?year={Year}&culture=en");
        Assert.Equal("Minimum coverage: none (every city).", (await session.TextsAsync("#coverage-threshold"))[0]);

        await session.Page.FillAsync("#f-coverage", "0.95");
        await session.Page.ClickAsync("form.filters button[type=submit]");
        await session.Page.WaitForURLAsync(url => url.Contains("minCoverage=0.95", StringComparison.Ordinal));
        await session.ScreenshotAsync();

        Assert.Equal($"Minimum coverage: 95%. Cities left out: {below.Count}. Rank every city", (await session.TextsAsync("#coverage-threshold"))[0]);
        var listed = await session.TextsAsync("#excluded-cities li");
        Assert.Equal(below.Count, listed.Count);
        foreach (var city in below)
        {
            Assert.Contains(listed, item => item.StartsWith(city.GetProperty("nameEn").GetString()!, StringComparison.Ordinal));
        }

        var rows = await RowCodesAsync(session.Page);
        Assert.Equal(all.GetProperty("cities").GetArrayLength() - below.Count, rows.Count);
        Assert.DoesNotContain(below[0].GetProperty("code").GetString(), rows);

        // The threshold follows the reader: a ranked city's profile counts only the ranked cities and names it...
        var ranked = rows.Count;
        await session.ClickToAsync(session.Page.Locator("#ranking-table tbody tr[data-city]").First.Locator("th a"), $"/Cities/{rows[0]}", "minCoverage=0.95");
        Assert.Contains($"Rank 1 of {ranked}", await session.Page.InnerTextAsync(".cards .card"), StringComparison.Ordinal);
        Assert.StartsWith($"Minimum coverage: 95%. Cities left out: {below.Count}.", (await session.Page.InnerTextAsync("#coverage-threshold")).Trim(), StringComparison.Ordinal);
        Assert.Equal("0.95", await session.Page.InputValueAsync("#coverage-city"));

        // ...back on the rankings it is still set, and a city it left out says why it has no rank.
        await session.ClickToAsync(session.Page.GetByRole(AriaRole.Link, new() { Name = "Back to the rankings" }), "/Rankings", "minCoverage=0.95");
        Assert.Equal("0.95", await session.Page.InputValueAsync("#f-coverage"));
        await session.ClickToAsync(session.Page.Locator("#excluded-cities li a").First, "/Cities/", "minCoverage=0.95");
        Assert.Contains("Not ranked: left out by the coverage threshold", await session.Page.InnerTextAsync(".cards .card"), StringComparison.Ordinal);

        // "Rank every city" takes the threshold away.
        await session.ClickToAsync(session.Page.Locator("#coverage-threshold a.coverage-clear"), "/Cities/");
        Assert.DoesNotContain("minCoverage", session.Page.Url, StringComparison.Ordinal);
        Assert.Equal("Minimum coverage: none (every city).", (await session.Page.InnerTextAsync("#coverage-threshold")).Trim());
        session.AssertClean();
    }

    private static async Task<List<string>> RowCodesAsync(IPage page) =>
        [.. await page.Locator("#ranking-table tbody tr[data-city]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.city)")];
}
