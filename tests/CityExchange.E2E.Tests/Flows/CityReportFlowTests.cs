using System.Text.Json;
using CityExchange.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CityExchange.E2E.Tests.Flows;

/// <summary>
/// A reader reads a city's charts: the waterfall's axis starts at 0; the compare radar is drawn in its legend's colours.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class CityReportFlowTests(BrowserFixture browser)
{
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
