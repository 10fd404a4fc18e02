using System.Net.Http.Headers;
using CityExchange.E2E.Tests.Infrastructure;

namespace CityExchange.E2E.Tests.Flows;

/// <summary>
/// The published figures an upload replaced are in the history and come back with a click (issue 18, finding 6): an
/// editor signs in, opens the history from the header, sees the report's figures as a row of their own, reads on the
/// restore page what restoring does (in both languages, at 1280 and 375 px), confirms, and the year's rankings are the
/// report's again. On an app of its own: it replaces 2013, which every other test reads.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class PublishedYearRestoreFlowTests(BrowserFixture browser)
{
    [SkippableFact]
    public async Task ReplacedPublishedFigures_AreRestoredFromTheHistory_AfterThePageSaysWhatComesBack()
    {
        BrowserRequirement.EnsureAvailable();
        await using var app = new LiveApp();
        using (var api = new HttpClient { BaseAddress = new Uri(app.BaseUrl + "/") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, "api/years/2013/indicators?replacePublished=true")
            {
                Content = new StringContent("city,consulates,sister_cities\nbeijing,10,20\nshanghai,30,40\nguangzhou,20,30\n", System.Text.Encoding.UTF8, "text/csv"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", LiveApp.ApiToken);
            (await api.SendAsync(request)).EnsureSuccessStatusCode();
        }

        await using var session = await browser.OpenOnAsync(app, "published-restore");
        await session.SignInAsync(LiveApp.AdminEmail, LiveApp.AdminPassword);
        await session.ClickToAsync(".site-nav a[href='/Imports']", "/Imports");

        var published = session.Page.Locator("table.imports tbody tr[data-status='published']");
        Assert.Equal(1, await published.CountAsync());
        Assert.Contains("已发布数据（已被替换）", await published.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("报告（已发布数据）", await published.InnerTextAsync(), StringComparison.Ordinal);
        await session.ScreenshotAsync("history-zh");

        await session.ClickToAsync(published.Locator("td.restore-cell a"), "/Imports/Restore/");
        Assert.Equal(
            "恢复将放回报告公布的 2013 年数据（46 个城市），并移除 2013 年现有的指标值（它们仍保留在历史记录中）。此操作记录为一次新的导入。",
            (await session.Page.InnerTextAsync("#restore-published")).Trim());
        await Translation.AssertCompleteAsync(session, "zh-CN");
        await session.AssertNoSeriousAccessibilityViolationAsync();
        await session.ScreenshotAsync("restore-zh-1280");
        await session.Page.SetViewportSizeAsync(375, 800);
        await session.AssertFitsViewportWidthAsync();
        await session.ScreenshotAsync("restore-zh-375");

        await session.Page.ClickAsync(".lang-switch a[lang='en']");
        await session.Page.WaitForURLAsync(url => url.Contains("culture=en", StringComparison.Ordinal));
        Assert.Equal(
            "Restoring puts back the figures the report published for 2013 (46 cities) and removes the indicator values 2013 holds now; they stay in the history. It is recorded as a new import.",
            (await session.Page.InnerTextAsync("#restore-published")).Trim());
        await Translation.AssertCompleteAsync(session, "en");
        await session.AssertFitsViewportWidthAsync();
        await session.ScreenshotAsync("restore-en-375");
        await session.Page.SetViewportSizeAsync(1280, 900);
        await session.ScreenshotAsync("restore-en-1280");

        await session.Page.ClickAsync("#restore-form button[type=submit]");
        await session.Page.WaitForURLAsync(url => url.Contains("restored=", StringComparison.Ordinal));
        Assert.True(await session.Page.IsVisibleAsync("#import-restored"));

        // The restore notice leads to the year's rankings: the report's 46 cities, Beijing first, again.
        await session.ClickToAsync("#import-restored #year-rankings-link", "/Rankings", "year=2013");
        Assert.Equal(46, await session.Page.Locator("#ranking-table tbody tr[data-city]").CountAsync());
        Assert.Equal("beijing", await session.Page.Locator("#ranking-table tbody tr[data-city]").First.GetAttributeAsync("data-city"));
        session.AssertClean();
    }
}
