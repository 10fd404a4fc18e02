using System.Text.Json;
using CityExchange.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CityExchange.E2E.Tests.Flows;

/// <summary>
/// An editor uploads a year in the browser: errors are shown in the preview and nothing is stored; a fixed file is
/// confirmed and the ranking changes; an earlier import is restored after a diff, and its file downloaded again; the
/// history fits a 375 px screen. Each test writes its own year (2100–2110).
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

        // The notice leads to the year's rankings, where the climber now leads.
        await session.ClickToAsync("#import-done #year-rankings-link", "/Rankings", $"year={Year}");
        await session.ScreenshotAsync();
        var first = session.Page.Locator("#ranking-table tbody tr[data-city]").First;
        Assert.Equal(Climber, await first.GetAttributeAsync("data-city"));
        Assert.Equal("1", (await first.Locator("td").First.InnerTextAsync()).Trim());
        Assert.Equal(1, await RankAsync(Year, Climber));
        session.AssertClean();
    }

    [SkippableFact]
    public async Task UploadingFullWidthNumbers_ThePreviewNamesEachCellRead_InBothLanguagesAndAt375Pixels()
    {
        const int Year = 2108;
        await using var session = await browser.OpenAsEditorAsync("upload-full-width");
        var file = IndicatorFile.DemoValues(Year).WithCell("beijing", "consulates", "６１").WithCell("shanghai", "odi", "１２．５");

        await UploadAsync(session, Year, file, "full-width.csv", culture: "zh-CN");

        Assert.Equal(0, await session.Page.Locator("#upload-errors").CountAsync());
        Assert.Equal(2, await session.Page.Locator("#width-notices li").CountAsync());
        Assert.Contains("“６１”为全角字符，已按 61 读取。", await session.Page.InnerTextAsync("#width-notices"), StringComparison.Ordinal);
        Assert.Equal(["原文 ６１", "原文 １２．５"], await session.TextsAsync("table.preview .cell-note"));
        await session.ScreenshotAsync();
        await Translation.AssertCompleteAsync(session, "zh-CN");
        await session.AssertNoSeriousAccessibilityViolationAsync();
        await session.Page.ClickAsync(".lang-switch a[lang='en']");
        await session.Page.WaitForURLAsync(url => url.Contains("culture=en", StringComparison.Ordinal));
        Assert.Contains("'６１' is written in full-width characters; read as 61.", await session.Page.InnerTextAsync("#width-notices"), StringComparison.Ordinal);
        await Translation.AssertCompleteAsync(session, "en");
        await session.Page.SetViewportSizeAsync(375, 812);
        await session.ScreenshotAsync(fullPage: true);
        await session.AssertFitsViewportWidthAsync();

        await ConfirmAsync(session);
        session.AssertClean();
    }

    [SkippableFact]
    public async Task RestoringAnEarlierUpload_ShowsTheDiffFirst_MovesTheLiveMark_AndTheUploadedFileComesBackByteForByte()
    {
        const int Year = 2104;
        var original = IndicatorFile.DemoValues(Year);
        var originalBytes = original.ToBytes();
        await using var session = await browser.OpenAsEditorAsync("upload-restore");

        // The editor uploads a year, then a file that puts Lhasa first; the live mark follows each confirmed upload.
        await UploadAsync(session, Year, original, "original.csv");
        await ConfirmAsync(session);
        var originalId = await LiveImportAsync(session);
        var originalRank = await RankAsync(Year, Climber);
        await session.Page.ClickAsync(".site-nav a[href='/Upload']");
        await UploadHereAsync(session, Year, IndicatorFile.DemoValues(Year).WithCityLeading(Climber), "changed.csv");
        await ConfirmAsync(session);
        var changedId = await LiveImportAsync(session);
        Assert.NotEqual(originalId, changedId);
        Assert.Equal("false", await session.Page.GetAttributeAsync($"#import-{originalId}", "data-live"));
        Assert.Equal(1, await RankAsync(Year, Climber));

        // Restore asks first, on a page with what restoring would change against the values stored now: Lhasa's 17.
        await session.Page.ClickAsync($"#import-{originalId} td.restore-cell a");
        await session.Page.WaitForURLAsync(url => url.Contains($"/Imports/Restore/{originalId}", StringComparison.Ordinal));
        var diff = (await session.TextsAsync(".diff-summary li strong")).Select(int.Parse).ToList();
        Assert.Equal((0, 17), (diff[0], diff[1] + diff[2]));
        Assert.All(await session.TextsAsync("table.diff tbody tr td:first-child"), city => Assert.Equal("Lhasa", city));
        Assert.Equal(1, await RankAsync(Year, Climber));
        await session.ScreenshotAsync();
        await Translation.AssertCompleteAsync(session, "en");
        await session.AssertNoSeriousAccessibilityViolationAsync();
        await session.Page.ClickAsync(".lang-switch a[lang='zh-CN']");
        await session.Page.WaitForURLAsync(url => url.Contains("culture=zh-CN", StringComparison.Ordinal));
        Assert.All(await session.TextsAsync("table.diff tbody tr td:first-child"), city => Assert.Equal("拉萨", city));
        await Translation.AssertCompleteAsync(session, "zh-CN");
        await session.ScreenshotAsync();

        await session.Page.ClickAsync("#restore-form button[type=submit]");
        await session.Page.WaitForURLAsync(url => url.Contains("restored=", StringComparison.Ordinal));
        await session.ScreenshotAsync();
        Assert.True(await session.Page.IsVisibleAsync("#import-restored"));
        var newest = session.Page.Locator("table.imports tbody tr").First;
        Assert.Equal(("restored", "true"), (await newest.GetAttributeAsync("data-status"), await newest.GetAttributeAsync("data-live")));
        Assert.Contains($"#{originalId}", await newest.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("false", await session.Page.GetAttributeAsync($"#import-{changedId}", "data-live"));
        // The year holds the original's values again, so only the other upload offers a restore.
        Assert.Equal((0, 1), (await session.Page.Locator($"#import-{originalId} td.restore-cell a").CountAsync(),
            await session.Page.Locator($"#import-{changedId} td.restore-cell a").CountAsync()));
        Assert.Equal(originalRank, await RankAsync(Year, Climber));

        // The file behind the original import, downloaded from the history, is exactly what was uploaded.
        var download = await session.Page.RunAndWaitForDownloadAsync(() => session.Page.ClickAsync($"#import-{originalId} td.file-name a"));
        Assert.Equal("original.csv", download.SuggestedFilename);
        Assert.Equal(originalBytes, await File.ReadAllBytesAsync((await download.PathAsync())!));

        // The restore notice leads to the year's rankings, where the climber is back at its original rank.
        await session.ClickToAsync("#import-restored #year-rankings-link", "/Rankings", $"year={Year}");
        var row = session.Page.Locator($"#ranking-table tbody tr[data-city='{Climber}']");
        Assert.Equal(originalRank.ToString(System.Globalization.CultureInfo.InvariantCulture), (await row.Locator("td").First.InnerTextAsync()).Trim());

        // Rankings of any year are also reached from the header.
        await OpenRankingsAsync(session, Year);
        Assert.Equal(originalRank.ToString(System.Globalization.CultureInfo.InvariantCulture), (await row.Locator("td").First.InnerTextAsync()).Trim());
        session.AssertClean();
    }

    [SkippableFact]
    public async Task ImportHistoryAt375Pixels_KeepsFileNamesReadableAndRestoreOnScreen()
    {
        const int Year = 2106;
        var first = await browser.PutIndicatorsAsync(Year, IndicatorFile.DemoValues(Year), "cityexchange-indicators-2106-first-version.csv");
        await browser.PutIndicatorsAsync(Year, IndicatorFile.DemoValues(Year).WithCityLeading(Climber), "second-upload-with-a-long-file-name-2106.csv");
        await using var session = await browser.OpenAsEditorAsync("imports-375", width: 375, height: 812);

        // The first page of this flow is typed (the history of the year the test stored through the API).
        await session.GotoAsync($"/Imports?year={Year}");
        foreach (var culture in new[] { "zh-CN", "en" })
        {
            if (culture == "en")
            {
                await session.Page.ClickAsync(".lang-switch a[lang='en']");
                await session.Page.WaitForURLAsync(url => url.Contains("culture=en", StringComparison.Ordinal));
            }

            await session.ScreenshotAsync(fullPage: true);
            await session.AssertFitsViewportWidthAsync();
            await AssertInsideViewportAsync(session.Page, session.Page.Locator($"#import-{first} td.restore-cell a"));
            foreach (var name in await session.Page.Locator("table.imports td.file-name bdi").AllAsync())
            {
                // An inline box has one client rectangle per line: a file name takes a line or two, not one per character.
                var lines = await name.EvaluateAsync<int>("e => e.getClientRects().length");
                Assert.True(lines <= 3, $"'{await name.InnerTextAsync()}' takes {lines} lines at 375 px ({culture})");
                await AssertInsideViewportAsync(session.Page, name);
            }
        }

        // The confirmation page it leads to fits too: each change's old and new values and the confirm button on screen.
        await session.Page.ClickAsync($"#import-{first} td.restore-cell a");
        await session.Page.WaitForURLAsync(url => url.Contains($"/Imports/Restore/{first}", StringComparison.Ordinal));
        await session.ScreenshotAsync(fullPage: true);
        await session.AssertFitsViewportWidthAsync();
        foreach (var value in await session.Page.Locator("table.diff tbody tr td.num").AllAsync())
        {
            await AssertInsideViewportAsync(session.Page, value);
        }

        await AssertInsideViewportAsync(session.Page, session.Page.Locator("#restore-form button"));
        session.AssertClean();
    }

    /// <summary>The rankings of a year as a reader opens them: the header's "Rankings", then the year chosen in the form.</summary>
    private static async Task OpenRankingsAsync(BrowserSession session, int year)
    {
        await session.ClickToAsync(".site-nav a[href='/Rankings']", "/Rankings");
        await session.Page.SelectOptionAsync("#f-year", year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await session.ClickToAsync("form.filters button[type=submit]", "/Rankings", $"year={year}");
    }

    /// <summary>Scrolls the element into view, as a reader would, and asserts its whole box is then inside the viewport.</summary>
    private static async Task AssertInsideViewportAsync(IPage page, ILocator element)
    {
        await element.ScrollIntoViewIfNeededAsync();
        var box = await element.BoundingBoxAsync() ?? throw new InvalidOperationException($"{element} is not rendered");
        var viewport = page.ViewportSize!;
        // Within a pixel: scrolling can leave a box a fraction of a pixel past an edge (Y = -0.4), which no reader sees.
        const double Pixel = 1;
        Assert.True(
            box.X >= -Pixel && box.Y >= -Pixel && box.X + box.Width <= viewport.Width + Pixel && box.Y + box.Height <= viewport.Height + Pixel,
            $"{element} at ({box.X:0}, {box.Y:0}) {box.Width:0}×{box.Height:0} is not inside the {viewport.Width}×{viewport.Height} viewport");
    }

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

        await UploadHereAsync(session, year, file, name);
    }

    /// <summary>Fills in the upload form of the page the session is on and waits for the preview.</summary>
    private static async Task UploadHereAsync(BrowserSession session, int year, IndicatorFile file, string name)
    {
        await session.Page.FillAsync("#upload-year", year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await session.Page.SetInputFilesAsync("#upload-file", new FilePayload { Name = name, MimeType = "text/csv", Buffer = file.ToBytes() });
        await session.Page.ClickAsync("#upload-form button[type=submit]");
        await session.Page.WaitForURLAsync(url => url.Contains("/Upload/Preview/", StringComparison.Ordinal));
        await session.Page.WaitForLoadStateAsync(LoadState.Load);
    }

    /// <summary>Confirms the preview and waits for the history it leads to.</summary>
    private static async Task ConfirmAsync(BrowserSession session)
    {
        await session.Page.ClickAsync("form[action*='handler=Confirm'] button");
        await session.Page.WaitForURLAsync(url => url.Contains("/Imports", StringComparison.Ordinal));
        Assert.True(await session.Page.IsVisibleAsync("#import-done"));
    }

    /// <summary>The id of the one history row marked live (the history is filtered to one year after an upload).</summary>
    private static async Task<long> LiveImportAsync(BrowserSession session)
    {
        var live = session.Page.Locator("table.imports tbody tr[data-live='true']");
        Assert.Equal(1, await live.CountAsync());
        Assert.True(await live.Locator(".live-marker").IsVisibleAsync());
        return long.Parse((await live.GetAttributeAsync("id"))!["import-".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<List<string[]>> ErrorRowsAsync(IPage page) =>
        [.. await page.Locator("#upload-errors table.issues tbody tr").EvaluateAllAsync<string[][]>("rows => rows.map(r => [...r.children].map(c => c.innerText.trim()))")];

    private async Task<int> RankAsync(int year, string code)
    {
        var api = await browser.GetJsonAsync($"/api/rankings/{year}");
        return api.GetProperty("cities").EnumerateArray().Single(c => c.GetProperty("code").GetString() == code).GetProperty("rank").GetInt32();
    }
}
