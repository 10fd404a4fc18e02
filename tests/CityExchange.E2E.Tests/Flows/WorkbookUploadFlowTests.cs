using CityExchange.E2E.Tests.Infrastructure;
using CityExchange.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CityExchange.E2E.Tests.Flows;

/// <summary>
/// A city office's round trip in the browser: on the upload page it chooses the Excel template and downloads it, fills
/// it in (as Excel would save it), uploads the workbook as it is, sees the preview name the workbook and its sheet — in
/// both languages and at 375 px — confirms, and finds the year ranked. A mistake in a cell is shown by its cell. Years
/// 2109 and 2110.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class WorkbookUploadFlowTests(BrowserFixture browser)
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [SkippableFact]
    public async Task TheExcelTemplate_DownloadedFilledAndUploaded_IsPreviewedAndRanked()
    {
        const int Year = 2109;
        await using var session = await browser.OpenAsEditorAsync("upload-workbook");
        await session.GotoAsync("/Upload?culture=zh-CN");

        var template = await DownloadTemplateAsync(session, Year);
        // Every city and indicator (a whole year, as the other flows store: pages opening on the latest year stay full).
        var filled = WorkbookFiller.FillByCode(template, "指标", IndicatorFile.DemoValues(Year).WithCityLeading("lhasa").Cells());
        await session.Page.SetInputFilesAsync("#upload-file", new FilePayload { Name = "拉萨-2109.xlsx", MimeType = XlsxType, Buffer = filled });
        await session.Page.ClickAsync("#upload-form button[type=submit]");
        await session.Page.WaitForURLAsync(url => url.Contains("/Upload/Preview/", StringComparison.Ordinal));

        Assert.Equal(0, await session.Page.Locator("#upload-errors").CountAsync());
        Assert.Equal("Excel 工作簿（.xlsx），工作表“指标”。", (await session.Page.InnerTextAsync("#workbook-format")).Trim());
        await session.ScreenshotAsync();
        await Translation.AssertCompleteAsync(session, "zh-CN");
        await session.AssertNoSeriousAccessibilityViolationAsync();
        await session.Page.ClickAsync(".lang-switch a[lang='en']");
        await session.Page.WaitForURLAsync(url => url.Contains("culture=en", StringComparison.Ordinal));
        Assert.Equal("Excel workbook (.xlsx), sheet “指标”.", (await session.Page.InnerTextAsync("#workbook-format")).Trim());
        await Translation.AssertCompleteAsync(session, "en");
        await session.Page.SetViewportSizeAsync(375, 812);
        await session.ScreenshotAsync(fullPage: true);
        await session.AssertFitsViewportWidthAsync();
        await session.Page.SetViewportSizeAsync(1280, 900);

        await session.Page.ClickAsync("form[action*='handler=Confirm'] button");
        await session.Page.WaitForURLAsync(url => url.Contains("/Imports", StringComparison.Ordinal));
        await session.ClickToAsync("#import-done #year-rankings-link", "/Rankings", $"year={Year}");
        var first = session.Page.Locator("#ranking-table tbody tr[data-city]").First;
        Assert.Equal("lhasa", await first.GetAttributeAsync("data-city"));
        Assert.Equal("1", (await first.Locator("td").First.InnerTextAsync()).Trim());
        Assert.Equal(46, await session.Page.Locator("#ranking-table tbody tr[data-city]").CountAsync());
        session.AssertClean();
    }

    [SkippableFact]
    public async Task AMistakeInTheWorkbook_IsShownByItsCell_AndNothingIsStored()
    {
        const int Year = 2110;
        await using var session = await browser.OpenAsEditorAsync("upload-workbook-error");
        await session.GotoAsync("/Upload?culture=en");

        var template = await DownloadTemplateAsync(session, Year);
        var filled = WorkbookFiller.Fill(template, "indicators", ("beijing", "E", "100"), ("shanghai", "E", "many"));
        await session.Page.SetInputFilesAsync("#upload-file", new FilePayload { Name = "values.xlsx", MimeType = XlsxType, Buffer = filled });
        await session.Page.ClickAsync("#upload-form button[type=submit]");
        await session.Page.WaitForURLAsync(url => url.Contains("/Upload/Preview/", StringComparison.Ordinal));

        var errors = await session.Page.Locator("#upload-errors table.issues tbody tr").EvaluateAllAsync<string[][]>("rows => rows.map(r => [...r.children].map(c => c.innerText.trim()))");
        var error = Assert.Single(errors);
        Assert.Matches("^E[0-9]+$", error[0]);
        Assert.Equal("Foreign residents (foreign_residents)", error[1]);
        Assert.Equal("many", error[2]);
        Assert.Equal("Cell", (await session.Page.InnerTextAsync("#upload-errors table.issues thead th")).Trim());
        await session.ScreenshotAsync();
        Assert.Equal(0, await session.Page.Locator("form[action*='handler=Confirm']").CountAsync());
        Assert.Equal(404, await browser.StatusOfAsync($"/api/rankings/{Year}"));
        session.AssertClean();
    }

    /// <summary>Chooses the year, blank cells and the Excel format in the template form, clicks download, returns the file.</summary>
    private static async Task<byte[]> DownloadTemplateAsync(BrowserSession session, int year)
    {
        await session.Page.FillAsync("#template-year", year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await session.Page.SelectOptionAsync("#template-prefill", "false");
        Assert.Equal("xlsx", await session.Page.InputValueAsync("#template-format"));
        var download = await session.Page.RunAndWaitForDownloadAsync(() => session.Page.ClickAsync("form:has(#template-format) button[type=submit]"));
        Assert.Equal($"cityexchange-{year}-template-blank.xlsx", download.SuggestedFilename);
        return await File.ReadAllBytesAsync((await download.PathAsync())!);
    }
}
