using CityExchange.E2E.Tests.Infrastructure;

namespace CityExchange.E2E.Tests.Flows;

/// <summary>
/// A researcher filters /Rankings, opens "Cite this page" and downloads the RIS file: the citation and the file carry
/// the address with the filter (and the language), and today's date.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class CiteFlowTests(BrowserFixture browser)
{
    [SkippableFact]
    public async Task FilteredRankings_CiteTheirOwnAddress_InTheTextAndTheRisFile()
    {
        await using var session = await browser.OpenAsync("cite-rankings");
        await session.GotoAsync("/Rankings?year=2016&culture=en");
        await session.Page.SelectOptionAsync("#f-region", "华东");
        await session.Page.ClickAsync("form.filters button[type=submit]");
        await session.Page.WaitForURLAsync(url => url.Contains("region=", StringComparison.Ordinal));
        // The filter form does not carry the language (the culture cookie does): the cited address adds it, so that it
        // opens the page as cited.
        var address = new Uri(session.Page.Url).PathAndQuery;
        Assert.Contains("region=", address, StringComparison.Ordinal);
        Assert.DoesNotContain("culture=", address, StringComparison.Ordinal);
        // The live app has Site:PublicUrl set to its own address, so the cited URL is absolute.
        address = browser.App.BaseUrl + address + "&culture=en";

        Assert.False(await session.Page.Locator("#cite-gbt").IsVisibleAsync());
        await session.Page.ClickAsync("#cite-this summary");
        var gbt = session.Page.Locator("#cite-gbt");
        Assert.True(await gbt.IsVisibleAsync());
        var today = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.EndsWith($"[{today}]. {address}.", await gbt.InnerTextAsync(), StringComparison.Ordinal);
        await session.ScreenshotAsync();

        var download = await session.Page.RunAndWaitForDownloadAsync(() => session.Page.ClickAsync("#cite-ris"));
        Assert.EndsWith(".ris", download.SuggestedFilename, StringComparison.Ordinal);
        var ris = await File.ReadAllTextAsync((await download.PathAsync())!);
        var lines = ris.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("TY  - ELEC", lines[0]);
        Assert.Equal($"UR  - {address}", Assert.Single(lines, l => l.StartsWith("UR  - ", StringComparison.Ordinal)));
        Assert.Equal($"Y2  - {today.Replace('-', '/')}", Assert.Single(lines, l => l.StartsWith("Y2  - ", StringComparison.Ordinal)));
        session.AssertClean();
    }
}
