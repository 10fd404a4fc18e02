using CityExchange.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CityExchange.E2E.Tests.Flows;

/// <summary>
/// A researcher asks which choices the ranking rests on: from the analyses to the scenario page, chooses the demo year
/// with indicator values, sorts the cities by their rank under z-scores, and downloads the whole table.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ScenarioFlowTests(BrowserFixture browser)
{
    [SkippableFact]
    public async Task Researcher_SortsByAScenario_AndDownloadsTheTable()
    {
        await using var session = await browser.OpenAsync("scenarios");
        await session.GotoAsync("/Analysis?culture=en");
        await session.Page.ClickAsync("main .cards h2 a[href='/Analysis/Scenarios']");
        await session.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/Analysis/Scenarios");
        await session.Page.SelectOptionAsync("#year", "2015");
        await session.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Show", Exact = true }).ClickAsync();
        await session.Page.WaitForURLAsync(url => url.Contains("year=2015", StringComparison.Ordinal));
        Assert.Equal("Scenarios: what the ranking rests on · 2015", (await session.Page.Locator("h1").InnerTextAsync()).Trim());

        // The largest mean shift comes first in the summary.
        var shifts = await session.Page.Locator("#scenario-shifts tbody tr td:nth-child(2)").AllInnerTextsAsync();
        var values = shifts.Select(s => double.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(values.OrderDescending(), values);

        await session.Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Normalisation: z-score" }).ClickAsync();
        await session.Page.WaitForURLAsync(url => url.Contains("sort=", StringComparison.Ordinal));
        var sorted = session.Page.Locator("#scenario-ranks thead tr:last-child th[aria-sort='ascending']");
        Assert.StartsWith("z-score", (await sorted.InnerTextAsync()).Trim(), StringComparison.Ordinal);
        var column = await sorted.EvaluateAsync<int>("th => th.cellIndex");
        var ranks = await session.Page.Locator($"#scenario-ranks tbody tr td:nth-child({column + 1})").AllInnerTextsAsync();
        Assert.Equal("1", ranks[0].Trim());
        Assert.Equal(46, ranks.Count);
        await session.ScreenshotAsync();

        var download = await session.Page.RunAndWaitForDownloadAsync(() => session.Page.ClickAsync("#scenarios-csv"));
        Assert.Equal("cityexchange-scenarios-2015-demo.csv", download.SuggestedFilename);
        var lines = (await File.ReadAllLinesAsync((await download.PathAsync())!)).Where(l => l.Length > 0).ToList();
        Assert.Equal(1 + 46 + 1, lines.Count);
        Assert.Contains("Normalisation: z-score", lines[0], StringComparison.Ordinal);
        session.AssertClean();
    }
}
