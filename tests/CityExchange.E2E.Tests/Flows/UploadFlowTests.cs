using System.Text.Json;
using CityExchange.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CityExchange.E2E.Tests.Flows;

/// <summary>
/// An editor uploads a year in the browser: errors are shown in the preview and nothing is stored; a fixed file is
/// confirmed and the ranking changes; an earlier import is restored. Each test writes its own year (2100–2110).
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class UploadFlowTests(BrowserFixture browser)
{
    /// <summary>Far down in the demo values of 2016, so pushing it to the top is a change no one can miss.</summary>
    private const string Climber = "lhasa";

    [SkippableFact]
    public async Task UploadingAFileWithErrors_ShowsEachErrorInThePreviewAndStoresNothing()
    {
        const int Year = 2100;
        await using var session = await browser.OpenAsEditorAsync("upload-errors");
        var file = IndicatorFile.DemoValues(Year).WithCell("beijing", "consulates", "many").WithUnknownCity("atlantis", "tianjin");

        await UploadAsync(session, Year, file, "errors.csv", culture: "zh-CN");
        await session.ScreenshotAsync();

        var errors = await ErrorRowsAsync(session.Page);
        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e[0] == file.LineOf("beijing").ToString(System.Globalization.CultureInfo.InvariantCulture) && e[1] == "consulates" && e[2] == "many");
        Assert.Contains(errors, e => e[0] == file.LineOf("atlantis").ToString(System.Globalization.CultureInfo.InvariantCulture) && e[2] == "atlantis");
        // The faulty cell is marked in place, and there is nothing to confirm.
        Assert.Equal(1, await session.Page.Locator("table.preview td.cell-error", new() { HasText = "many" }).CountAsync());
        Assert.Equal(0, await session.Page.Locator("form[action*='handler=Confirm']").CountAsync());
        // The preview with errors is a page too: accessible and wholly in Chinese, the parser's messages included.
        await Translation.AssertCompleteAsync(session, "zh-CN");
        await session.AssertNoSeriousAccessibilityViolationAsync();

        await session.Page.ClickAsync("form[action*='handler=Cancel'] button");
        await session.Page.WaitForURLAsync(url => url.Contains("cancelled=", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(404, await browser.StatusOfAsync($"/api/rankings/{Year}"));
        session.AssertClean();
    }

    [SkippableFact]
    public async Task FixingTheFileAndConfirming_StoresTheYearAndTheRankingChanges()
    {
        const int Year = 2102;
        await browser.PutIndicatorsAsync(Year, IndicatorFile.DemoValues(Year), "base.csv");
        var before = await RankAsync(Year, Climber);
        Assert.True(before > 1);
        await using var session = await browser.OpenAsEditorAsync("upload-fix-confirm");

        // First attempt: one bad cell.
        await UploadAsync(session, Year, IndicatorFile.DemoValues(Year).WithCityLeading(Climber).WithCell(Climber, "sister_cities", "12a"), "climb.csv");
        Assert.Single(await ErrorRowsAsync(session.Page));
        await session.Page.ClickAsync("form[action*='handler=Cancel'] button");
        await session.Page.WaitForURLAsync(url => url.Contains("cancelled=", StringComparison.OrdinalIgnoreCase));

        // Fixed: no error, the diff shows the changed values, and confirming stores them.
        await UploadAsync(session, Year, IndicatorFile.DemoValues(Year).WithCityLeading(Climber), "climb-fixed.csv");
        Assert.Equal(0, await session.Page.Locator("#upload-errors").CountAsync());
        // Every one of the city's 17 indicators is added or changed (the diff summary: added, changed, removed, unchanged).
        var diff = (await session.TextsAsync(".diff-summary li strong")).Select(int.Parse).ToList();
        Assert.Equal(17, diff[0] + diff[1]);
        Assert.Equal(0, diff[2]);
        await session.ScreenshotAsync();
        await Translation.AssertCompleteAsync(session, "en");
        await session.AssertNoSeriousAccessibilityViolationAsync();
        await session.Page.ClickAsync("form[action*='handler=Confirm'] button");
        await session.Page.WaitForURLAsync(url => url.Contains("/Imports", StringComparison.Ordinal));
        Assert.True(await session.Page.IsVisibleAsync("#import-done"));

        await OpenRankingsAsync(session, Year);
        await session.ScreenshotAsync();
        var first = session.Page.Locator("#ranking-table tbody tr[data-city]").First;
        Assert.Equal(Climber, await first.GetAttributeAsync("data-city"));
        Assert.Equal("1", (await first.Locator("td").First.InnerTextAsync()).Trim());
        Assert.Equal(1, await RankAsync(Year, Climber));
        session.AssertClean();
    }

    [SkippableFact]
    public async Task RestoringAnEarlierImport_PutsTheYearsValuesAndRankingBack()
    {
        const int Year = 2104;
        var original = await browser.PutIndicatorsAsync(Year, IndicatorFile.DemoValues(Year), "original.csv");
        var originalRank = await RankAsync(Year, Climber);
        await browser.PutIndicatorsAsync(Year, IndicatorFile.DemoValues(Year).WithCityLeading(Climber), "changed.csv");
        Assert.Equal(1, await RankAsync(Year, Climber));
        await using var session = await browser.OpenAsEditorAsync("upload-restore");

        // The first page of this flow is typed (the history of the year the test stored through the API).
        await session.GotoAsync($"/Imports?year={Year}&culture=en");
        await session.Page.ClickAsync($"#import-{original} button[type=submit]");
        await session.Page.WaitForURLAsync(url => url.Contains("restored=", StringComparison.Ordinal));
        await session.ScreenshotAsync();

        Assert.True(await session.Page.IsVisibleAsync("#import-restored"));
        var newest = session.Page.Locator("table.imports tbody tr").First;
        Assert.Equal("restored", await newest.GetAttributeAsync("data-status"));
        Assert.Contains($"#{original}", await newest.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(originalRank, await RankAsync(Year, Climber));

        await OpenRankingsAsync(session, Year);
        var row = session.Page.Locator($"#ranking-table tbody tr[data-city='{Climber}']");
        Assert.Equal(originalRank.ToString(System.Globalization.CultureInfo.InvariantCulture), (await row.Locator("td").First.InnerTextAsync()).Trim());
        session.AssertClean();
    }

    /// <summary>The rankings of a year as a reader opens them: the header's "Rankings", then the year chosen in the form.</summary>
    private static async Task OpenRankingsAsync(BrowserSession session, int year)
    {
        await session.ClickToAsync(".site-nav a[href='/Rankings']", "/Rankings");
        await session.Page.SelectOptionAsync("#f-year", year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await session.ClickToAsync("form.filters button[type=submit]", "/Rankings", $"year={year}");
    }

    /// <summary>Uploads through the form: the first upload of a test types the page's URL, a later one clicks "Upload" in the header.</summary>
    private static async Task UploadAsync(BrowserSession session, int year, IndicatorFile file, string name, string culture = "en")
    {
        if (session.Page.Url.StartsWith("about:", StringComparison.Ordinal))
        {
            await session.GotoAsync($"/Upload?culture={culture}");
        }
        else if (!new Uri(session.Page.Url).AbsolutePath.Equals("/Upload", StringComparison.Ordinal))
        {
            await session.ClickToAsync(".site-nav a[href='/Upload']", "/Upload");
        }

        await session.Page.FillAsync("#upload-year", year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await session.Page.SetInputFilesAsync("#upload-file", new FilePayload { Name = name, MimeType = "text/csv", Buffer = file.ToBytes() });
        await session.Page.ClickAsync("#upload-form button[type=submit]");
        await session.Page.WaitForURLAsync(url => url.Contains("/Upload/Preview/", StringComparison.Ordinal));
        await session.Page.WaitForLoadStateAsync(LoadState.Load);
    }

    private static async Task<List<string[]>> ErrorRowsAsync(IPage page) =>
        [.. await page.Locator("#upload-errors table.issues tbody tr").EvaluateAllAsync<string[][]>("rows => rows.map(r => [...r.children].map(c => c.innerText.trim()))")];

    private async Task<int> RankAsync(int year, string code)
    {
        var api = await browser.GetJsonAsync($"/api/rankings/{year}");
        return api.GetProperty("cities").EnumerateArray().Single(c => c.GetProperty("code").GetString() == code).GetProperty("rank").GetInt32();
    }
}
