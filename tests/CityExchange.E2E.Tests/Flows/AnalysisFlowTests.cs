using CityExchange.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CityExchange.E2E.Tests.Flows;

/// <summary>Each analysis page opens from the analysis index, draws its charts and matches the analysis API.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AnalysisFlowTests(BrowserFixture browser)
{
    [SkippableFact]
    public async Task AnalysisIndex_LinksToEveryAnalysisAndEachOpensCleanly()
    {
        await using var session = await browser.OpenAsync("analysis-pages");
        await session.GotoAsync("/Analysis?culture=en");
        var links = await session.Page.Locator("main .cards h2 a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Equal(["/Analysis/Clusters", "/Analysis/Groups", "/Analysis/Correlations", "/Analysis/Audit", "/Analysis/Regression", "/Analysis/Report", "/Analysis/Scenarios"], links);

        // From the index to the first analysis, then on through each page's own analysis navigation.
        var from = "main .cards h2 a";
        foreach (var link in links)
        {
            await session.Page.ClickAsync($"{from}[href='{link}']");
            await session.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == link);
            await session.Page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.Load);
            await session.ScreenshotAsync($"analysis-{link.Split('/')[^1].ToLowerInvariant()}");
            Assert.True(await session.Page.Locator("h1").IsVisibleAsync());
            Assert.Equal("page", await session.Page.GetAttributeAsync($".analysis-nav a[href='{link}']", "aria-current"));
            // Charts below the fold are drawn as a reader scrolls to them (the report's slope chart): scroll to each.
            await session.AssertChartsDrawnAsync(0);
            from = ".analysis-nav a";
        }

        session.AssertClean();
    }

    [SkippableFact]
    public async Task Clusters_DendrogramHasEveryCityAndTheTableMatchesTheApi()
    {
        await using var session = await browser.OpenAsync("analysis-clusters");
        var api = await browser.GetJsonAsync("/api/analysis/2013/clusters?k=5&linkage=ward");

        // Reached as a reader does: the analysis index, its Clusters card, then the published year chosen in the form.
        await session.GotoAsync("/Analysis?culture=en");
        await session.ClickToAsync("main .cards h2 a[href='/Analysis/Clusters']", "/Analysis/Clusters");
        await session.Page.SelectOptionAsync("#year", "2013");
        await session.ClickToAsync("form.filters button[type=submit]", "/Analysis/Clusters", "year=2013");
        Assert.EndsWith("· 2013", (await session.Page.InnerTextAsync("h1")).Trim(), StringComparison.Ordinal);
        await session.ScreenshotAsync();

        await session.AssertChartsDrawnAsync(1);
        var clusters = api.GetProperty("clusters").EnumerateArray().Select(c => c.GetProperty("cities").GetArrayLength()).ToList();
        Assert.Equal(clusters.Sum(), await session.Page.Locator("figure.dendrogram svg text.leaf").CountAsync());
        // The cluster table: one row per cluster, in the API's order, with its number of cities.
        var sizes = await session.Page.Locator("table[aria-labelledby=clusters-heading] tbody tr td:nth-of-type(1)").AllInnerTextsAsync();
        Assert.Equal(clusters.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), sizes.Select(s => s.Trim()));
        // The profile chart has one group of bars per cluster and one series per domain.
        var profile = await session.JsonBlockAsync("cluster-profile-data");
        Assert.Equal(clusters.Count, profile.GetProperty("labels").GetArrayLength());
        Assert.Equal(4, profile.GetProperty("series").GetArrayLength());
        session.AssertClean();
    }

    [SkippableFact]
    public async Task Audit_FromTheIndex_ChangesYearSortsAndDownloadsTheTableShown()
    {
        await using var session = await browser.OpenAsync("analysis-audit");
        var api = await browser.GetJsonAsync("/api/analysis/2015/audit");

        // The analysis index, its audit card, the published year chosen: its columns are the four domain scores.
        await session.GotoAsync("/Analysis?culture=en");
        await session.ClickToAsync("main .cards h2 a[href='/Analysis/Audit']", "/Analysis/Audit");
        await session.Page.SelectOptionAsync("#year", "2013");
        await session.ClickToAsync("form.filters button[type=submit]", "/Analysis/Audit", "year=2013");
        var rows = session.Page.Locator("#audit-descriptives tbody tr");
        Assert.EndsWith("· 2013", (await session.Page.InnerTextAsync("h1")).Trim(), StringComparison.Ordinal);
        Assert.Equal(["Social", "Culture", "Trade", "Politics"], (await rows.Locator("th").AllInnerTextsAsync()).Select(t => t.Trim()));

        // The reader picks 2015 and shows it: the 17 indicators, in the API's order, consulates flagged collinear.
        await session.Page.SelectOptionAsync("#year", "2015");
        await session.ClickToAsync("form.filters button[type=submit]", "/Analysis/Audit", "year=2015");
        Assert.EndsWith("· 2015", (await session.Page.InnerTextAsync("h1")).Trim(), StringComparison.Ordinal);
        Assert.Equal(api.GetProperty("indicators").GetArrayLength(), await rows.CountAsync());
        var consulates = rows.Filter(new() { HasText = "Foreign consulates" });
        Assert.Equal("collinear", (await consulates.Locator("td.flags").InnerTextAsync()).Trim());
        await session.ScreenshotAsync();

        // A click on the Skew heading sorts by it; a second click turns the order round.
        await session.ClickToAsync(session.Page.GetByRole(AriaRole.Link, new() { Name = "Skew", Exact = false }), "/Analysis/Audit", "sort=skew");
        var ascending = (await rows.Locator("th").AllInnerTextsAsync()).Select(t => t.Trim()).ToList();
        Assert.Equal("Outward direct investment", ascending[0]);
        await session.ClickToAsync(session.Page.GetByRole(AriaRole.Link, new() { Name = "Skew", Exact = false }), "/Analysis/Audit", "dir=desc");
        Assert.Equal(Enumerable.Reverse(ascending), (await rows.Locator("th").AllInnerTextsAsync()).Select(t => t.Trim()));

        // The table's CSV holds the rows shown, in the order shown.
        var tools = session.Page.Locator(".chart-tools[data-chart-for=audit-descriptives]");
        var download = await session.Page.RunAndWaitForDownloadAsync(() => tools.GetByRole(AriaRole.Button, new() { Name = "CSV" }).ClickAsync());
        Assert.Equal("analysis-audit-audit-descriptives-2015.csv", download.SuggestedFilename);
        var lines = (await File.ReadAllTextAsync((await download.PathAsync())!)).TrimStart('\uFEFF').Split("\r\n");
        var table = lines.TakeWhile(l => l.Length > 0).ToList();
        Assert.StartsWith("No.,Indicator,Code,Domain,N,Missing", table[0], StringComparison.Ordinal);
        Assert.Equal(18, table.Count);
        Assert.StartsWith("16,International organisations,intl_orgs,Politics,45,1,", table[1], StringComparison.Ordinal);
        session.AssertClean();
    }

    [SkippableFact]
    public async Task Regression_WithTheDemoCovariate_DrawsTheScatterAndFittedLine()
    {
        await using var session = await browser.OpenAsync("analysis-regression");

        // The analysis index, its Regression card, then the year with the demo covariate chosen in the form.
        await session.GotoAsync("/Analysis?culture=en");
        await session.ClickToAsync("main .cards h2 a[href='/Analysis/Regression']", "/Analysis/Regression");
        await session.Page.SelectOptionAsync("#year", "2016");
        await session.ClickToAsync("form.filters button[type=submit]", "/Analysis/Regression", "year=2016");
        await session.ScreenshotAsync();

        await session.AssertChartsDrawnAsync(1);
        var datasets = await session.Page.EvaluateAsync<int>("() => window.Chart.getChart(document.getElementById('regression-chart')).data.datasets.length");
        Assert.True(datasets >= 2, "scatter and fitted line");
        session.AssertClean();
    }
}
