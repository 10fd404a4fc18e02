using System.Globalization;
using System.Text.Json;
using CityExchange.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CityExchange.E2E.Tests.Flows;

/// <summary>
/// Issue 13: a reader of the published year sees the report's own ranks first, the derived ones beside them, and every
/// place where the report contradicts itself; on a 375 px phone the rankings need no sideways scrolling.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class PublishedFiguresFlowTests(BrowserFixture browser)
{
    /// <summary>
    /// For every row of the ranking table, the elements that stick out of the viewport sideways (rank, city, score, region
    /// and, with <c>domain</c>, that domain's cell) and any clipped region name; plus the page's own sideways overflow.
    /// </summary>
    private const string OffScreenScript = """
        (domain) => {
          const out = [];
          const width = window.innerWidth;
          if (document.documentElement.scrollWidth > width) out.push(`page ${document.documentElement.scrollWidth} px wide`);
          const rows = [...document.querySelectorAll('#ranking-table tbody tr[data-city]')];
          if (rows.length === 0) out.push('no rows');
          for (const row of rows) {
            const cells = { rank: row.querySelector('td.rank-cell'), city: row.querySelector('th[scope=row]'), score: row.querySelector('td.score'), region: row.querySelector('td.region-cell') };
            if (domain) cells[domain] = row.querySelector(`td[data-domain="${domain}"]`);
            for (const [name, el] of Object.entries(cells)) {
              if (!el) { out.push(`${row.dataset.city}: no ${name} cell`); continue; }
              const box = el.getBoundingClientRect();
              if (box.width === 0 || box.left < 0 || box.right > width) out.push(`${row.dataset.city} ${name}: ${Math.round(box.left)}–${Math.round(box.right)} px`);
            }
            const region = cells.region;
            if (region && region.scrollWidth > region.clientWidth + 1) out.push(`${row.dataset.city} region clipped`);
          }
          // Scroll containers around the table must not scroll: nothing is hidden to the right.
          for (let el = document.getElementById('ranking-table')?.parentElement; el; el = el.parentElement) {
            if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible') out.push(`${el.tagName.toLowerCase()}.${el.className} scrolls sideways`);
          }
          return out;
        }
        """;

    [SkippableTheory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task Rankings_At375Pixels_ShowRankCityScoreAndTheChosenDomainWithoutSideScrolling(string culture)
    {
        await using var session = await browser.OpenAsync($"published-rankings-375-{culture}", width: 375, height: 812);

        await session.GotoAsync($"/Rankings?year=2016&culture={culture}");
        await session.ScreenshotAsync();
        Assert.Empty(await session.Page.EvaluateAsync<string[]>(OffScreenScript, (string?)null));

        // The reader ranks by politics with the filter form: that domain's cell is on screen in every card too.
        await session.Page.SelectOptionAsync("#f-domain", "politics");
        await session.Page.ClickAsync("form.filters button[type=submit]");
        await session.Page.WaitForURLAsync(url => url.Contains("domain=politics", StringComparison.Ordinal));
        await session.ScreenshotAsync();
        Assert.Empty(await session.Page.EvaluateAsync<string[]>(OffScreenScript, "politics"));

        // The published year, with its derived column and the marks where printed ranks disagree.
        await session.Page.SelectOptionAsync("#f-year", "2013");
        await session.Page.ClickAsync("form.filters button[type=submit]");
        await session.Page.WaitForURLAsync(url => url.Contains("year=2013", StringComparison.Ordinal));
        await session.ScreenshotAsync();
        Assert.Empty(await session.Page.EvaluateAsync<string[]>(OffScreenScript, "politics"));
        var marks = await session.Page.Locator("#ranking-table .rank-conflict").EvaluateAllAsync<double[]>(
            "els => els.map(e => e.getBoundingClientRect().right)");
        Assert.NotEmpty(marks);
        Assert.All(marks, right => Assert.InRange(right, 1, 375));
        await session.AssertFitsViewportWidthAsync();
        session.AssertClean();
    }

    [SkippableFact]
    public async Task PublishedYear_ReaderSeesTheReportsRanksFirstAndFollowsTheMarksToEveryDisagreement()
    {
        await using var session = await browser.OpenAsync("published-rankings");
        var api = await browser.GetJsonAsync("/api/rankings/2013");
        var cities = api.GetProperty("cities").EnumerateArray().ToDictionary(c => c.GetProperty("code").GetString()!);

        await session.GotoAsync("/?year=2013&culture=en");
        // The overview's top ten is the report's (Qingdao 9th, though its derived mean ranks 12th).
        Assert.Equal(Enumerable.Range(1, 10).Select(r => r.ToString(CultureInfo.InvariantCulture)), await session.TextsAsync("section[aria-labelledby=top-heading] tbody td:first-child"));
        Assert.Contains("Qingdao", await session.TextsAsync("section[aria-labelledby=top-heading] tbody th"));
        await session.Page.ClickAsync("section[aria-labelledby=top-heading] a[href^='/Rankings']");
        await session.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/Rankings");
        await session.ScreenshotAsync();

        // The first column is the printed rank, in order; the derived rank of the score sits beside it.
        var rows = await session.Page.Locator("#ranking-table tbody tr[data-city]").EvaluateAllAsync<string[][]>(
            "rows => rows.map(r => [r.dataset.city, r.querySelector('td.rank-cell').innerText.trim(), r.querySelector('td.derived').innerText.trim()])");
        Assert.Equal(46, rows.Length);
        Assert.Equal(rows.Select(r => int.Parse(r[1], CultureInfo.InvariantCulture)).Order(), rows.Select(r => int.Parse(r[1], CultureInfo.InvariantCulture)));
        Assert.All(rows, r =>
        {
            Assert.Equal(cities[r[0]].GetProperty("publishedRank").GetInt32().ToString(CultureInfo.InvariantCulture), r[1]);
            Assert.Equal(cities[r[0]].GetProperty("rank").GetInt32().ToString(CultureInfo.InvariantCulture), r[2]);
        });
        Assert.Equal(31, rows.Count(r => r[1] != r[2]));

        // The method cannot be chosen for a published year, and the page says why.
        Assert.True(await session.Page.Locator("#f-method").IsDisabledAsync());
        Assert.True(await session.Page.Locator("#f-method-note").IsVisibleAsync());

        // Ranked by politics: Guangzhou's printed 4th is marked with the rank of its score, 5th.
        await session.Page.SelectOptionAsync("#f-domain", "politics");
        await session.Page.ClickAsync("form.filters button[type=submit]");
        await session.Page.WaitForURLAsync(url => url.Contains("domain=politics", StringComparison.Ordinal));
        var guangzhou = session.Page.Locator("#ranking-table tr[data-city=guangzhou]");
        Assert.Equal("4", (await guangzhou.Locator("td.rank-cell").InnerTextAsync()).Trim());
        Assert.Equal("≠\u202F5", (await guangzhou.Locator("td[data-domain=politics] .rank-conflict [aria-hidden=true]").InnerTextAsync()).Trim());
        Assert.True(await guangzhou.Locator("td[data-domain=politics] .rank-conflict").IsVisibleAsync());
        await session.ScreenshotAsync();

        // The legend's link leads to every place, beside the report.
        await session.Page.ClickAsync("#rank-conflict-legend a[href='/Analysis/Report']");
        await session.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/Analysis/Report");
        Assert.Contains("In 52 city-domain places", await session.Page.InnerTextAsync("#printed-rank-disagreements"), StringComparison.Ordinal);
        await session.ScreenshotAsync();
        session.AssertClean();
    }

    [SkippableFact]
    public async Task PublishedYear_CityPageHeadlinesTheReportsRankAndDisablesTheMethodWithTheReason()
    {
        await using var session = await browser.OpenAsync("published-city");
        await session.GotoAsync("/Cities/dalian?year=2014&culture=en");

        // From a demo year to the published one with the page's own year picker.
        Assert.False(await session.Page.Locator("#method-city").IsDisabledAsync());
        await session.Page.SelectOptionAsync("#year-city", "2013");
        await session.Page.ClickAsync("form.year-picker button[type=submit]");
        await session.Page.WaitForURLAsync(url => url.Contains("year=2013", StringComparison.Ordinal));

        Assert.Equal("13 of 46", (await session.Page.InnerTextAsync(".card.published-rank .stat")).Trim());
        Assert.True(await session.Page.Locator("#method-city").IsDisabledAsync());
        Assert.True(await session.Page.Locator("#method-city-note").IsVisibleAsync());
        await session.ScreenshotAsync();
        session.AssertClean();
    }
}
