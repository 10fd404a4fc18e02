using System.IO.Compression;
using CityExchange.E2E.Tests.Infrastructure;

namespace CityExchange.E2E.Tests.Flows;

/// <summary>A researcher finds the whole dataset from any page's footer and downloads it: a data package they can open.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class DataPackageFlowTests(BrowserFixture browser)
{
    [SkippableTheory]
    [InlineData("zh-CN", "完整数据集")]
    [InlineData("en", "The whole dataset")]
    public async Task FromTheFooter_TheDataPageDownloadsThePackage(string culture, string title)
    {
        await using var session = await browser.OpenAsync($"data-package-{culture}");
        await session.GotoAsync($"/?culture={culture}");

        await session.ClickToAsync("#footer-data", "/data");
        Assert.Equal(title, (await session.Page.InnerTextAsync("h1")).Trim());
        Assert.Equal(6, await session.Page.Locator("#package-resources tbody tr").CountAsync());
        await session.ScreenshotAsync();
        var download = await session.Page.RunAndWaitForDownloadAsync(() => session.Page.ClickAsync("#download-package"));

        Assert.Matches("^cityexchange-datapackage-[0-9a-f]{12}\\.zip$", download.SuggestedFilename);
        using var zip = ZipFile.OpenRead((await download.PathAsync())!);
        Assert.Contains(zip.Entries, e => e.FullName == "datapackage.json");
        Assert.Contains(zip.Entries, e => e.FullName == "data/indicator_values.csv");
        session.AssertClean();
    }
}
