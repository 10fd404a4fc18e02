using CityExchange.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CityExchange.E2E.Tests.Flows;

/// <summary>
/// A journalist embeds the ranking in a story: the embed renders inside an &lt;iframe&gt; of a page on another origin
/// (a full page there is refused), its source link opens the full page; and the embed control on /Rankings gives a
/// snippet whose src shows the same table.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class EmbedFlowTests(BrowserFixture browser)
{
    /// <summary>Another origin, served by the browser itself (Playwright routing): no request leaves the machine.</summary>
    private const string HostPage = "https://embed-host.test/story.html";

    [SkippableFact]
    public async Task Embed_RendersInAFrameOnAnotherSite_AndItsSourceLinkOpensTheFullPage()
    {
        await using var session = await browser.OpenAsync("embed-other-origin", height: 1200);
        var app = browser.App.BaseUrl;
        // Chromium asks before a public page (which must be HTTPS) frames a loopback address (Local Network Access); a reader would say yes.
        await session.Page.Context.GrantPermissionsAsync(["local-network-access"], new BrowserContextGrantPermissionsOptions { Origin = "https://embed-host.test" });
        await session.Page.RouteAsync("https://embed-host.test/**", route => route.FulfillAsync(new RouteFulfillOptions
        {
            ContentType = "text/html; charset=utf-8",
            Body = $"""
                <!DOCTYPE html><html lang="en"><head><title>A story</title></head><body>
                <h1>A story about cities</h1>
                <iframe id="embed" src="{app}/Embed/Rankings?year=2015&amp;culture=en" title="Ranking" width="640" height="560"></iframe>
                <iframe id="full" src="{app}/Rankings?year=2015&amp;culture=en" title="Full page" width="640" height="200"></iframe>
                </body></html>
                """,
        }));

        await session.GotoAsync(HostPage);
        var frame = session.Page.FrameLocator("#embed");
        await frame.Locator("#embed-ranking tbody tr").First.WaitForAsync();
        await session.ScreenshotAsync();

        // The demo year 2015: Shanghai first, Beijing second, as the API ranks them.
        var api = (await browser.GetJsonAsync("/api/rankings/2015")).GetProperty("cities").EnumerateArray()
            .ToDictionary(c => c.GetProperty("code").GetString()!, c => c.GetProperty("rank").GetInt32());
        Assert.Equal((1, 2), (api["shanghai"], api["beijing"]));
        var first = frame.Locator("#embed-ranking tbody tr").Nth(0);
        Assert.Equal("1", (await first.Locator("td.rank-cell").InnerTextAsync()).Trim());
        Assert.Equal("Shanghai", (await first.Locator("th").InnerTextAsync()).Trim());
        Assert.Equal("2", (await frame.Locator("#embed-ranking tr[data-city=beijing] td.rank-cell").InnerTextAsync()).Trim());
        Assert.Equal(10, await frame.Locator("#embed-ranking tbody tr").CountAsync());

        // The full page refuses to be framed (frame-ancestors 'none'): nothing of it is drawn.
        var full = await (await session.Page.QuerySelectorAsync("#full"))!.ContentFrameAsync();
        Assert.Equal(0, await full!.Locator("#ranking-table").CountAsync());

        var source = frame.Locator("#embed-source");
        Assert.Equal("_blank", await source.GetAttributeAsync("target"));
        var opened = await session.Page.RunAndWaitForPopupAsync(() => source.ClickAsync());
        await opened.WaitForLoadStateAsync(LoadState.Load);
        Assert.Equal($"{app}/Rankings?year=2015&culture=en", opened.Url);
        Assert.Equal("shanghai", await opened.Locator("#ranking-table tbody tr[data-city]").First.GetAttributeAsync("data-city"));

        // Only the host page itself came from the other origin, and the only error is the refused full page.
        Assert.All(session.ForeignRequests, url => Assert.StartsWith("https://embed-host.test/", url, StringComparison.Ordinal));
        Assert.All(session.ConsoleErrors, error => Assert.Contains("frame-ancestors", error, StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task EmbedControl_OnRankings_GivesASnippetThatShowsTheSameTable()
    {
        await using var session = await browser.OpenAsync("embed-control");
        await session.Page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new BrowserContextGrantPermissionsOptions { Origin = browser.App.BaseUrl });
        await session.GotoAsync("/Rankings?year=2015&domain=trade&culture=en");
        var fullRows = await session.Page.Locator("#ranking-table tbody tr[data-city]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.city)");

        await session.Page.GetByText("Embed", new PageGetByTextOptions { Exact = true }).ClickAsync();
        await session.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Copy" }).ClickAsync();
        await Assertions.Expect(session.Page.Locator("#embed-copy-status")).ToHaveTextAsync("Copied");
        await session.ScreenshotAsync();

        var snippet = await session.Page.InputValueAsync("#embed-snippet");
        Assert.Equal(snippet, await session.Page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        // The live app has Site:PublicUrl set to its own address: the snippet is absolute, with no note about it.
        Assert.False(await session.Page.Locator("#embed-relative-note").IsVisibleAsync());
        var src = await session.Page.EvaluateAsync<string>(
            "html => new DOMParser().parseFromString(html, 'text/html').querySelector('iframe').getAttribute('src')", snippet);
        Assert.Equal(browser.App.BaseUrl + "/Embed/Rankings?year=2015&domain=trade&culture=en", src);

        await session.GotoAsync(src);
        var embedRows = await session.Page.Locator("#embed-ranking tbody tr[data-city]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.city)");
        Assert.Equal(fullRows.Take(10), embedRows);
        Assert.Equal("Ranking by Trade", (await session.Page.Locator("h1").InnerTextAsync()).Replace("2015", "", StringComparison.Ordinal).Trim());
        session.AssertClean();
    }

    [SkippableFact]
    public async Task EmbedControl_OnRankings_OffersTheMap_WhoseSnippetShowsTheSameCities()
    {
        await using var session = await browser.OpenAsync("embed-control-map");
        await session.GotoAsync("/Rankings?year=2013&group=municipality&culture=en");

        await session.Page.GetByText("Embed", new PageGetByTextOptions { Exact = true }).ClickAsync();
        await session.Page.GetByLabel("The map", new PageGetByLabelOptions { Exact = true }).CheckAsync();
        var snippet = await session.Page.InputValueAsync("#embed-snippet");
        var src = await session.Page.EvaluateAsync<string>(
            "html => new DOMParser().parseFromString(html, 'text/html').querySelector('iframe').getAttribute('src')", snippet);
        Assert.Equal(browser.App.BaseUrl + "/Embed/Map?year=2013&group=municipality&culture=en", src);
        Assert.StartsWith("Map of the cities · ", await session.Page.EvaluateAsync<string>(
            "html => new DOMParser().parseFromString(html, 'text/html').querySelector('iframe').title", snippet), StringComparison.Ordinal);
        Assert.Equal(src, await session.Page.Locator("#embed-preview").GetAttributeAsync("href"));
        await session.ScreenshotAsync();

        // Back to the table: the first snippet again.
        await session.Page.GetByLabel("The ranking table", new PageGetByLabelOptions { Exact = true }).CheckAsync();
        Assert.Contains("/Embed/Rankings?year=2013&amp;group=municipality", await session.Page.InputValueAsync("#embed-snippet"), StringComparison.Ordinal);

        await session.GotoAsync(src);
        var rows = await session.Page.EvaluateAsync<string[]>("() => JSON.parse(document.getElementById('city-map-data').textContent).rows.map(r => r[0])");
        Assert.Equal(["beijing", "shanghai", "chongqing", "tianjin"], rows);
        // One visible title: the embed's own; the map's heading is for screen readers only.
        Assert.Equal(1, await session.Page.Locator("h1").CountAsync());
        var heading = await session.Page.Locator("#city-map-heading").BoundingBoxAsync();
        Assert.True(heading is null || heading.Height <= 1, $"the map's heading is drawn {heading?.Height} px tall under the embed's title");
        session.AssertClean();
    }
}
