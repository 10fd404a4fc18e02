using System.Text.Json;
using CityExchange.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CityExchange.E2E.Tests.Flows;

/// <summary>
/// A reader prints a city's profile and reads its charts: the printed report carries its citation (the address, the
/// day, the data version) in the page's language; the waterfall's axis starts at 0; the compare radar is drawn in
/// its legend's colours.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class CityReportFlowTests(BrowserFixture browser)
{
    [SkippableTheory]
    [InlineData("zh-CN", "上海国际问题研究院. 城市对外交往活力指数: 北京：城市概况（2016 年）[EB/OL]", "/Cities/beijing?year=2016")]
    [InlineData("en", "Shanghai Institutes for International Studies. City International Exchange Vitality Index: Beijing: city profile 2016[EB/OL]", "/Cities/beijing?year=2016&culture=en")]
    public async Task CityProfile_PrintsWithItsCitationAndNoNavigation(string culture, string citation, string address)
    {
        await using var session = await browser.OpenAsync($"city-print-{culture}");
        await session.GotoAsync($"/Cities/beijing?year=2016{(culture == "en" ? "&culture=en" : "")}");
        await session.AssertChartsDrawnAsync(2);

        // Printed on A4 with print.css's 15 mm margins: 180 mm of paper is about 680 CSS pixels.
        await session.Page.SetViewportSizeAsync(680, 960);
        await session.Page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        // "Cite this page" is printed open (print.css), in the page's language, with the address, the day and the data version.
        var cite = session.Page.Locator("#cite-gbt");
        Assert.True(await cite.IsVisibleAsync());
        var text = await cite.InnerTextAsync();
        Assert.StartsWith(citation, text, StringComparison.Ordinal);
        var today = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        // The live app has Site:PublicUrl set to its own address, so the citation's URL is absolute.
        Assert.EndsWith($"[{today}]. {browser.App.BaseUrl}{address}.", text, StringComparison.Ordinal);
        Assert.Matches(@"[0-9a-f]{12}", await session.Page.Locator("#cite-about").InnerTextAsync());
        Assert.False(await session.Page.Locator("#cite-this summary").IsVisibleAsync());

        Assert.False(await session.Page.Locator(".site-nav").IsVisibleAsync());
        Assert.False(await session.Page.Locator(".site-header").IsVisibleAsync());
        Assert.False(await session.Page.Locator("[data-whatif]").IsVisibleAsync());
        // The domain table is printed whole: every column inside the page's width.
        var table = session.Page.Locator("section[aria-labelledby=domains-heading] table");
        Assert.True(await table.IsVisibleAsync());
        var box = await table.BoundingBoxAsync();
        var width = await session.Page.EvaluateAsync<double>("() => document.documentElement.clientWidth");
        Assert.True(box!.X >= 0 && box.X + box.Width <= width + 1, $"The domain table ({box.X}+{box.Width}) is wider than the printed page ({width})");
        await session.ScreenshotAsync($"city-print-{culture}", fullPage: true);
        // Nothing wider than the paper: the indicator table too.
        Assert.True(await session.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1"),
            "The printed page is wider than the paper");
        session.AssertClean();
    }

    [SkippableFact]
    public async Task CityProfile_WaterfallStartsAtZero_ThenCompareRadarIsDrawnInItsLegendsColours()
    {
        await using var session = await browser.OpenAsync("city-charts");
        await session.GotoAsync("/Cities/beijing?year=2016&culture=en");
        await session.AssertChartsDrawnAsync(3);

        var axis = await session.Page.EvaluateAsync<JsonElement>(
            "() => { const s = window.Chart.getChart(document.querySelector('[data-rank-change-chart]')).scales.y; return { min: s.min, max: s.max }; }");
        Assert.Equal(0, axis.GetProperty("min").GetDouble());
        Assert.True(axis.GetProperty("max").GetDouble() > 80);

        // On to compare, as a reader does: the button, then the second city typed in.
        await session.Page.ClickAsync(".profile-actions a:has-text(\"Compare with another city\")");
        await session.Page.WaitForURLAsync(url => url.Contains("/Compare", StringComparison.Ordinal));
        await session.Page.FillAsync("#pick-b", "Shanghai");
        await session.Page.ClickAsync("form.compare-pickers button[type=submit]");
        await session.Page.WaitForURLAsync(url => url.Contains("b=shanghai", StringComparison.Ordinal));
        await session.AssertChartsDrawnAsync(3);

        // Each city's legend entry has the colour, the dash and the fill of its lines and points.
        var radar = await session.Page.EvaluateAsync<JsonElement>(
            "() => { const c = window.Chart.getChart(document.getElementById('compare-radar')); " +
            "return c.legend.legendItems.map((item, i) => { const d = c.data.datasets[i]; return { text: item.text, legend: item.strokeStyle, fill: item.fillStyle, dash: (item.lineDash || []).join(','), " +
            "line: d.borderColor, background: d.backgroundColor, lineDash: (d.borderDash || []).join(','), points: [].concat(d.pointBackgroundColor) }; }); }");
        Assert.Equal(["Beijing", "Shanghai"], radar.EnumerateArray().Select(r => r.GetProperty("text").GetString()));
        Assert.Equal(["#1b1f24", "#6b7280"], radar.EnumerateArray().Select(r => r.GetProperty("legend").GetString()));
        Assert.Equal(["", "6,4"], radar.EnumerateArray().Select(r => r.GetProperty("dash").GetString()));
        foreach (var series in radar.EnumerateArray())
        {
            Assert.Equal(series.GetProperty("line").GetString(), series.GetProperty("legend").GetString());
            Assert.Equal(series.GetProperty("background").GetString(), series.GetProperty("fill").GetString());
            Assert.Equal(series.GetProperty("lineDash").GetString(), series.GetProperty("dash").GetString());
            Assert.All(series.GetProperty("points").EnumerateArray(), p => Assert.Equal(series.GetProperty("line").GetString(), p.GetString()));
        }

        await session.Page.Locator("#compare-radar").ScrollIntoViewIfNeededAsync();
        await session.ScreenshotAsync();
        session.AssertClean();
    }
}
